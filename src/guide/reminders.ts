import type { Lang } from '../catalogue/schema.js';
import { zoneOffsetMs } from '../catalogue/zone-offset.js';

// Reminders before voting (issue 20): when each one goes out and what it says. Pure: the station comes from the
// caller (the counting part's stations or the shipped list), the clock too. Storage is the interface at the end,
// which src/store/guide-repository.ts implements.

/** What a reminder needs of a station: the counting part's and the shipped stations have this shape. */
export interface ReminderStation {
  station: string;
  city: string;
  address: string | null;
  /** IANA time zone: every time below is local to the station. */
  timezone: string;
  /** Voting days, YYYY-MM-DD, in order. */
  days: readonly string[];
  /** HH:MM local. */
  opens: string;
  closes: string;
}

export type SlotKind = 'eve' | 'morning';

/** One reminder of a station: its id is the same for every station with that day, and stable across runs. */
export interface ReminderSlot {
  /** `DAY:eve` (the evening before DAY, the first voting day) or `DAY:morning` (the morning of DAY). */
  id: string;
  kind: SlotKind;
  /** The voting day it is about. */
  day: string;
  /** When it goes out. */
  at: Date;
}

/** The evening reminder goes out at this local time the day before the first voting day. */
export const EVE_TIME = '18:00';
/** The morning one at this local time on each voting day, or when the station opens if that is earlier. */
export const MORNING_TIME = '08:00';
/** A reminder later than this after its time is not sent any more (a reminder for a morning gone by is noise). */
export const DEFAULT_DUE_WINDOW_MS = 6 * 3_600_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant a station's wall clock shows `time` on `day`. Across a DST change the offset of the result itself
 * is used; a wall time skipped by a spring-forward change comes out an hour later, as clocks show it.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const d = DAY.exec(day);
  const t = TIME.exec(time);
  if (!d || !t) throw new RangeError(`expected YYYY-MM-DD and HH:MM, not ${day} ${time}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const first = wall - zoneOffsetMs(timeZone, wall);
  const second = wall - zoneOffsetMs(timeZone, first);
  if (second === first || wall - zoneOffsetMs(timeZone, second) === second) return new Date(second);
  // No instant shows this wall time (the hour a spring-forward skips): the later reading, as clocks then show.
  return new Date(Math.max(first, second));
}

/** The day before a YYYY-MM-DD day. */
export function dayBefore(day: string): string {
  const d = DAY.exec(day);
  if (!d) throw new RangeError(`expected YYYY-MM-DD, not ${day}`);
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) - 1)).toISOString().slice(0, 10);
}

/** Every reminder of a station, in time order: the evening before the first voting day, each voting morning. */
export function reminderSlots(station: ReminderStation): ReminderSlot[] {
  const [first] = station.days;
  if (first === undefined) return [];
  const morning = station.opens < MORNING_TIME ? station.opens : MORNING_TIME;
  return [
    {
      id: `${first}:eve`,
      kind: 'eve' as const,
      day: first,
      at: zonedInstant(dayBefore(first), EVE_TIME, station.timezone),
    },
    ...station.days.map((day) => ({
      id: `${day}:morning`,
      kind: 'morning' as const,
      day,
      at: zonedInstant(day, morning, station.timezone),
    })),
  ];
}

/** The station's reminders whose time has come at `now` and is not older than `windowMs`. */
export function dueSlots(
  station: ReminderStation,
  now: Date,
  windowMs: number = DEFAULT_DUE_WINDOW_MS,
): ReminderSlot[] {
  const at = now.getTime();
  return reminderSlots(station).filter(
    (slot) => slot.at.getTime() <= at && at - slot.at.getTime() < windowMs,
  );
}

/** The last day a station's reminders can concern: subscriptions to it are of no use after it. */
export function lastVotingDay(station: Pick<ReminderStation, 'days'>): string | undefined {
  return station.days.at(-1);
}

// The texts. Facts on documents are the guide's (content/guide/topics/documents.yaml, `short`), nothing more.

const MONTHS_RU = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "в понедельник", "во вторник"…, Sunday first as getUTCDay counts. */
const ON_WEEKDAY_RU = [
  'в воскресенье',
  'в понедельник',
  'во вторник',
  'в среду',
  'в четверг',
  'в пятницу',
  'в субботу',
];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dateParts(day: string): { day: number; month: number; weekday: number } {
  const d = DAY.exec(day);
  if (!d) throw new RangeError(`expected YYYY-MM-DD, not ${day}`);
  const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  return { day: date.getUTCDate(), month: date.getUTCMonth(), weekday: date.getUTCDay() };
}

const dateRu = (day: string) => {
  const p = dateParts(day);
  return `${p.day} ${MONTHS_RU[p.month]}`;
};
const dateEn = (day: string) => {
  const p = dateParts(day);
  return `${p.day} ${MONTHS_EN[p.month]}`;
};

/** "15, 16 и 17 марта" / "31 марта и 1 апреля"; "15, 16 and 17 March". */
function daysList(days: readonly string[], lang: Lang): string {
  const parts = days.map((day, i) => {
    const next = days[i + 1];
    const sameMonth = next !== undefined && dateParts(next).month === dateParts(day).month;
    if (sameMonth) return String(dateParts(day).day);
    return lang === 'ru' ? dateRu(day) : dateEn(day);
  });
  if (parts.length === 1) return parts[0] ?? '';
  const and = lang === 'ru' ? ' и ' : ' and ';
  return `${parts.slice(0, -1).join(', ')}${and}${parts.at(-1)}`;
}

/** "8:00" as Russians write it; English keeps the 24-hour HH:MM the stations list uses. */
const clockRu = (time: string) => time.replace(/^0(\d)/, '$1');

export interface ReminderTextOptions {
  /** The city as the language writes it (content/guide/cities.yaml); the station's own name otherwise. */
  city?: string;
}

/** The reminder as sent: where, when, what to take, and how to stop. Plain text (no markup). */
export function reminderText(
  station: ReminderStation,
  slot: Pick<ReminderSlot, 'kind' | 'day'>,
  lang: Lang,
  options: ReminderTextOptions = {},
): string {
  const city = options.city ?? station.city;
  const several = station.days.length > 1;
  const last = station.days.at(-1) === slot.day;
  if (lang === 'ru') {
    const where = `Участок № ${station.station}, ${city}${station.address ? `, ${station.address}` : ''}.`;
    const hours = `с ${clockRu(station.opens)} до ${clockRu(station.closes)} по местному времени`;
    const { weekday } = dateParts(slot.day);
    const lead =
      slot.kind === 'eve'
        ? several
          ? `Завтра начинается голосование. ${where}\nОн открыт ${daysList(station.days, 'ru')}, ${hours}.`
          : `Завтра, ${ON_WEEKDAY_RU[weekday]}, ${dateRu(slot.day)}, — голосование. ${where}\nОн открыт ${hours}.`
        : several && last
          ? `Доброе утро! Сегодня, ${dateRu(slot.day)}, последний день голосования. ${where}\nОн открыт ${hours}.`
          : `Доброе утро! Сегодня, ${dateRu(slot.day)}, можно проголосовать. ${where}\nОн открыт ${hours}.`;
    return [
      lead,
      'Возьмите действующий российский загранпаспорт — это самый надёжный документ. Копии и просроченные документы не подходят.',
      'Чтобы больше не получать напоминания — /remind off',
    ].join('\n\n');
  }
  const where = `Polling station No. ${station.station}, ${city}${station.address ? `, ${station.address}` : ''}.`;
  const hours = `${station.opens} to ${station.closes} local time`;
  const { weekday } = dateParts(slot.day);
  const lead =
    slot.kind === 'eve'
      ? several
        ? `Voting starts tomorrow. ${where}\nIt is open on ${daysList(station.days, 'en')}, ${hours}.`
        : `Tomorrow, ${WEEKDAYS_EN[weekday]} ${dateEn(slot.day)}, is voting day. ${where}\nIt is open ${hours}.`
      : several && last
        ? `Good morning! Today, ${dateEn(slot.day)}, is the last day of voting. ${where}\nIt is open ${hours}.`
        : `Good morning! You can vote today, ${dateEn(slot.day)}. ${where}\nIt is open ${hours}.`;
  return [
    lead,
    'Bring a valid Russian foreign passport — the safest document. Copies and expired documents do not count.',
    'To stop these reminders: /remind off',
  ].join('\n\n');
}

// Storage: what the reminders need kept, implemented for SQLite and PostgreSQL in src/store/guide-repository.ts.

/** A user's subscription. `chat` is where to send, sealed by the layer that stores it: opaque here. */
export interface Subscription {
  election: string;
  station: string;
  lang: Lang;
}

/** A subscriber of a station to send a slot's reminder to. */
export interface Recipient {
  userKey: string;
  lang: Lang;
  /** The sealed chat (see Subscription). */
  chat: string;
}

export type SendState = 'sending' | 'sent' | 'blocked';

export interface ReminderStorage {
  /**
   * Subscribes a user to a station's reminders: one subscription per user and election, so a new one replaces
   * the old. `chat` is the sealed address to send to; `until` the last voting day (the row is of no use after).
   */
  subscribe(userKey: string, subscription: Subscription & { chat: string; until: string }): Promise<void>;
  /** The user's subscriptions, by election. */
  subscriptions(userKey: string): Promise<Subscription[]>;
  /** Ends the user's subscriptions (of one election, or all); returns how many there were. */
  unsubscribe(userKey: string, election?: string): Promise<number>;
  /** Elections that have at least one subscriber. */
  subscribedElections(): Promise<string[]>;
  /** How many subscribe to each station of an election, per language. */
  subscriberCounts(election: string): Promise<{ station: string; lang: Lang; subscribers: number }[]>;
  /**
   * Subscribers of a station who have no send row for the slot yet, in user-key order after `after`, at most
   * `limit`.
   */
  recipients(
    election: string,
    station: string,
    slot: string,
    options: { after?: string; limit: number },
  ): Promise<Recipient[]>;
  /** Claims a send before it goes out: false when a row exists already (sent, blocked or being sent). */
  claim(election: string, slot: string, userKey: string): Promise<boolean>;
  /** Records how a claimed send ended. */
  mark(election: string, slot: string, userKey: string, state: Exclude<SendState, 'sending'>): Promise<void>;
  /** Gives a claim back when the send surely did not go out, so that a later run tries again. */
  release(election: string, slot: string, userKey: string): Promise<void>;
  /** Sends of an election per slot and state (left 'sending' by a process that died mid-send: in doubt). */
  sendCounts(election: string): Promise<{ slot: string; state: SendState; sends: number }[]>;
}
