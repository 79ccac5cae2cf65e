import { type Api, GrammyError } from 'grammy';
import type { Lang } from '../../catalogue/schema.js';
import {
  DEFAULT_DUE_WINDOW_MS,
  dueSlots,
  type ReminderSlot,
  type ReminderStation,
  type ReminderStorage,
  reminderText,
} from '../../guide/reminders.js';
import { describeError } from '../errors.js';

// Reminders go out as a broadcast (issue 20) that keeps Telegram's limits and survives a restart:
// - a pacer lets through at most `messagesPerSecond` (30, Telegram's broadcast limit) messages a second, and a 429
//   pauses everyone for its retry_after; the message is then sent again by this code, not by an auto-retry plugin
//   (the Api given here must have none, or both would retry);
// - every send is claimed in the store before it goes out (a row 'sending' under the unique key election, slot,
//   user) and marked 'sent' after, so a second run or a second instance skips it;
// - a stop (SIGTERM) lets the message in flight finish and be marked; only a process killed between claim and
//   mark leaves a row 'sending'. Such a row is in doubt (the message may or may not have gone) and is NOT sent
//   again: a reminder missed now and then is better than one twice, since the next slot reminds again. With one
//   message in flight (the default) at most one reminder per kill is in doubt;
// - a user who blocked the bot or deleted their account (403) loses the subscription;
// - any other error is logged without text or ids, the claim given back, and the next run tries again.

/** pino-compatible; only event kinds and numbers are logged. */
export interface BroadcastLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

export const TELEGRAM_MESSAGES_PER_SECOND = 30;
const PAGE = 500;

export interface BroadcastOptions {
  /** Telegram without auto-retry (see above). */
  api: Pick<Api, 'sendMessage'>;
  storage: ReminderStorage;
  election: string;
  stations: readonly ReminderStation[];
  /** The chat of a subscriber from its sealed form; undefined when it does not open (another secret). */
  openChat(userKey: string, sealed: string): number | undefined;
  /** The time the due slots are taken at (default: now). */
  now?: Date;
  windowMs?: number;
  /** Default 30. */
  messagesPerSecond?: number;
  /**
   * Messages in flight at once (default 1). More keeps up with 30 a second when Telegram answers slowly (one at a
   * time at 100 ms round trip is 10 a second), and leaves as many in doubt when the process is killed.
   */
  inFlight?: number;
  /** The city as the language names it (cities.yaml); the station's own spelling when undefined. */
  cityName?(city: string, lang: Lang): string | undefined;
  log?: BroadcastLog;
  /** Aborting it stops the broadcast gracefully: the messages in flight finish and are recorded. */
  signal?: AbortSignal;
}

export interface SlotReport {
  station: string;
  slot: string;
  at: string;
  sent: number;
  blocked: number;
  failed: number;
}

export interface BroadcastReport {
  slots: SlotReport[];
  sent: number;
  blocked: number;
  failed: number;
  /** 429 answers waited out. */
  tooManyRequests: number;
  /** Rows of the due slots left 'sending' by a process that died mid-send, found at the start (not resent). */
  inDoubt: number;
  /** True when stopped before every due reminder went out. */
  stopped: boolean;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Headroom on each second: at most `perSecond` messages start in any 1,020 ms, so that a few milliseconds of jitter
 * on the way do not put one message too many into the limit's window — each 429 costs everyone a whole second.
 */
const WINDOW_MS = 1020;

export interface PacerTicket {
  /** Call right before the request goes out: the window counts from when it really started. */
  started(): void;
}

/**
 * Lets at most `perSecond` sends start in any window of a second (with headroom), shared by every sender, and a
 * 429 holds everyone back. Sends are spread out, at most twice the even pace, so that after a stall (a slow store
 * write) the time is made up without a burst of the whole window at once.
 */
export function createPacer(perSecond: number, now: () => number = () => performance.now()) {
  if (!(perSecond > 0)) throw new RangeError('messages per second must be positive');
  const limit = Math.max(1, Math.floor(perSecond));
  const minGap = 1000 / perSecond / 2;
  /** Start times of the latest sends (the turn given, then the real start), `base` the index of the first. */
  let times: number[] = [];
  let base = 0;
  let last = Number.NEGATIVE_INFINITY;
  let holdUntil = 0;
  return {
    /** Waits for the next send's turn (returns early when the signal aborts). */
    async take(signal?: AbortSignal): Promise<PacerTicket> {
      let turn = Math.max(now(), holdUntil, last + minGap);
      const windowStart = times[times.length - limit];
      if (windowStart !== undefined) turn = Math.max(turn, windowStart + WINDOW_MS);
      last = turn;
      const index = base + times.length;
      times.push(turn);
      if (times.length > 4 * limit) {
        const drop = times.length - 2 * limit;
        times = times.slice(drop);
        base += drop;
      }
      await sleep(turn - now(), signal);
      return {
        started() {
          const at = index - base;
          if (at >= 0 && at < times.length) times[at] = Math.max(times[at] ?? 0, now());
        },
      };
    },
    /** Nobody sends for `ms` from now. */
    holdFor(ms: number): void {
      holdUntil = Math.max(holdUntil, now() + ms);
    },
  };
}

/** The due reminders of an election: each station's slots whose time has come and is not past the window. */
export function dueWork(
  stations: readonly ReminderStation[],
  now: Date,
  windowMs: number = DEFAULT_DUE_WINDOW_MS,
): { station: ReminderStation; slot: ReminderSlot }[] {
  return [...stations]
    .sort((a, b) => a.station.localeCompare(b.station))
    .flatMap((station) => dueSlots(station, now, windowMs).map((slot) => ({ station, slot })));
}

type Outcome = 'sent' | 'blocked' | 'failed' | 'skipped' | 'stopped';

/** 403s that mean the user will never receive anything: blocked, deactivated, or not a chat we may write to. */
function userIsGone(error: GrammyError): boolean {
  return (
    error.error_code === 403 &&
    /blocked by the user|user is deactivated|bot can't initiate|chat not found/i.test(error.description)
  );
}

export async function broadcast(options: BroadcastOptions): Promise<BroadcastReport> {
  const { api, storage, election, signal, log } = options;
  const now = options.now ?? new Date();
  const pacer = createPacer(options.messagesPerSecond ?? TELEGRAM_MESSAGES_PER_SECOND);
  const inFlight = Math.max(1, Math.floor(options.inFlight ?? 1));
  const work = dueWork(options.stations, now, options.windowMs);
  const dueIds = new Set(work.map(({ slot }) => slot.id));
  const inDoubt = (await storage.sendCounts(election))
    .filter((row) => row.state === 'sending' && dueIds.has(row.slot))
    .reduce((sum, row) => sum + row.sends, 0);
  if (inDoubt > 0)
    log?.warn({ event: 'reminders-in-doubt', election, inDoubt }, 'reminders left mid-send are not resent');
  const report: BroadcastReport = {
    slots: [],
    sent: 0,
    blocked: 0,
    failed: 0,
    tooManyRequests: 0,
    inDoubt,
    stopped: false,
  };

  const sendOne = async (
    station: ReminderStation,
    slot: ReminderSlot,
    recipient: { userKey: string; lang: Lang; chat: string },
  ): Promise<Outcome> => {
    let ticket = await pacer.take(signal);
    if (signal?.aborted) return 'stopped';
    if (!(await storage.claim(election, slot.id, recipient.userKey))) return 'skipped';
    const chatId = options.openChat(recipient.userKey, recipient.chat);
    if (chatId === undefined) {
      // Sealed under another secret: the user keys changed with it, so nobody can reach or forget this row.
      await storage.unsubscribe(recipient.userKey, election);
      await storage.mark(election, slot.id, recipient.userKey, 'blocked');
      log?.warn({ event: 'reminder-chat-unreadable', election }, 'a subscription does not open; removed');
      return 'blocked';
    }
    const city = options.cityName?.(station.city, recipient.lang);
    const text = reminderText(station, slot, recipient.lang, city ? { city } : {});
    for (;;) {
      try {
        // Not given the signal: a message on its way is finished and recorded, never cut off in doubt.
        ticket.started();
        await api.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
        await storage.mark(election, slot.id, recipient.userKey, 'sent');
        return 'sent';
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 429) {
          report.tooManyRequests++;
          const seconds = Math.max(1, Number(error.parameters.retry_after ?? 1));
          pacer.holdFor(seconds * 1000);
          await sleep(seconds * 1000, signal);
          if (signal?.aborted) {
            // Refused, so surely not sent: the claim goes back for the next run.
            await storage.release(election, slot.id, recipient.userKey);
            return 'stopped';
          }
          ticket = await pacer.take(signal);
          if (signal?.aborted) {
            await storage.release(election, slot.id, recipient.userKey);
            return 'stopped';
          }
          continue;
        }
        if (error instanceof GrammyError && userIsGone(error)) {
          await storage.unsubscribe(recipient.userKey, election);
          await storage.mark(election, slot.id, recipient.userKey, 'blocked');
          return 'blocked';
        }
        log?.warn(
          { event: 'reminder-send-failed', election, slot: slot.id, error: describeError(error) },
          'a reminder failed; the next run tries again',
        );
        await storage.release(election, slot.id, recipient.userKey);
        return 'failed';
      }
    }
  };

  for (const { station, slot } of work) {
    if (signal?.aborted) break;
    const slotReport: SlotReport = {
      station: station.station,
      slot: slot.id,
      at: slot.at.toISOString(),
      sent: 0,
      blocked: 0,
      failed: 0,
    };
    report.slots.push(slotReport);
    let after: string | undefined;
    for (;;) {
      if (signal?.aborted) break;
      const page = await storage.recipients(election, station.station, slot.id, {
        ...(after === undefined ? {} : { after }),
        limit: PAGE,
      });
      if (page.length === 0) break;
      after = page.at(-1)?.userKey;
      let next = 0;
      const worker = async () => {
        while (next < page.length && !signal?.aborted) {
          const recipient = page[next++];
          if (!recipient) break;
          const outcome = await sendOne(station, slot, recipient);
          if (outcome === 'sent' || outcome === 'blocked' || outcome === 'failed') slotReport[outcome]++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(inFlight, page.length) }, worker));
    }
    report.sent += slotReport.sent;
    report.blocked += slotReport.blocked;
    report.failed += slotReport.failed;
  }
  report.stopped = signal?.aborted === true;
  log?.info(
    {
      event: 'reminders-broadcast',
      election,
      slots: report.slots.length,
      sent: report.sent,
      blocked: report.blocked,
      failed: report.failed,
      tooManyRequests: report.tooManyRequests,
      stopped: report.stopped,
    },
    'reminders sent',
  );
  return report;
}

export interface SlotPreview {
  station: string;
  slot: string;
  at: string;
  /** Subscribers not yet sent this slot, per language. */
  pending: Partial<Record<Lang, number>>;
  /** The text one of them would get (the first pending language, Russian first). */
  sample: { lang: Lang; text: string } | null;
}

/** What a broadcast at `now` would send, sending nothing (`guide broadcast --dry-run`). */
export async function previewBroadcast(
  options: Pick<BroadcastOptions, 'storage' | 'election' | 'stations' | 'now' | 'windowMs' | 'cityName'>,
): Promise<SlotPreview[]> {
  const { storage, election } = options;
  const previews: SlotPreview[] = [];
  for (const { station, slot } of dueWork(options.stations, options.now ?? new Date(), options.windowMs)) {
    const pending: Partial<Record<Lang, number>> = {};
    let after: string | undefined;
    for (;;) {
      const page = await storage.recipients(election, station.station, slot.id, {
        ...(after === undefined ? {} : { after }),
        limit: 5000,
      });
      if (page.length === 0) break;
      after = page.at(-1)?.userKey;
      for (const { lang } of page) pending[lang] = (pending[lang] ?? 0) + 1;
    }
    const lang: Lang | undefined = pending.ru ? 'ru' : pending.en ? 'en' : undefined;
    const city = lang && options.cityName?.(station.city, lang);
    previews.push({
      station: station.station,
      slot: slot.id,
      at: slot.at.toISOString(),
      pending,
      sample: lang ? { lang, text: reminderText(station, slot, lang, city ? { city } : {}) } : null,
    });
  }
  return previews;
}
