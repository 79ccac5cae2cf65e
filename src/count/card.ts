import type { Lang } from '../catalogue/schema.js';
import type { Arrivals, Live, LiveStation } from './counting.js';

// The card a user sends home (1080×1080 SVG, rendered to PNG by a front end): one station's or a whole election's
// live count, with what the number is and is not said in words. Only public live figures go in: counted value,
// coverage, the latest queue and the arrivals per bucket — never exit-poll answers or anything of a volunteer.

export const CARD_SIZE = 1080;
/** The family the renderer must load (a font file shipped in an npm package, with Cyrillic). */
export const CARD_FONT = 'PT Sans';

const PAD = 72;
const INNER = CARD_SIZE - 2 * PAD;
const INK = '#1b1b1f';
const MUTED = '#5d5a55';
const BAR = '#1f5fbf';
const GAP = '#d9d5cc';
const PAPER = '#fbf7f0';
/** At most this many stations get a bar on an election's card; the rest are named by their number. */
export const TOP_STATIONS = 8;

export interface StationCardInput {
  lang: Lang;
  station: LiveStation;
  arrivals: Arrivals | null;
  /** The election's days (YYYY-MM-DD), named when nobody has counted yet. */
  days: readonly string[];
}

export interface ElectionCardInput {
  lang: Lang;
  title: string;
  days: readonly string[];
  live: Live;
}

interface Texts {
  people: (n: number) => string;
  cameTo: (n: number) => string;
  station: (id: string) => string;
  coverageAll: string;
  coverage: (share: string) => string;
  notCounted: string;
  queue: (at: string, people: string) => string;
  wait: (duration: string) => string;
  hours: (h: number) => string;
  minutes: (m: number) => string;
  perHour: string;
  perQuarter: string;
  unwatched: string;
  asOf: (when: string) => string;
  abroad: string;
  cameToStations: (n: number) => string;
  howCounted: (n: number, of: number) => string;
  most: string;
  more: (n: number) => string;
  footer: string;
}

const plural = {
  ru: new Intl.PluralRules('ru'),
  en: new Intl.PluralRules('en'),
};

const TEXTS: Record<Lang, Texts> = {
  ru: {
    people: (n) => (plural.ru.select(n) === 'few' ? 'человека' : 'человек'),
    cameTo: (n) => (plural.ru.select(n) === 'one' ? 'пришёл на участок' : 'пришли на участок'),
    station: (id) => `участок № ${id}`,
    coverageAll: 'Волонтёры считали входящих всё время работы участка.',
    coverage: (share) =>
      `Волонтёры считали входящих ${share} времени работы участка. Кто пришёл, когда никто не считал, в это число не вошёл.`,
    notCounted: 'Здесь ещё никто не считал.',
    queue: (at, people) => `Очередь в ${at}: ${people}`,
    wait: (duration) => `, ждать около ${duration}`,
    hours: (h) => `${h} ч`,
    minutes: (m) => `${m} мин`,
    perHour: 'Сколько человек пришло за каждый час',
    perQuarter: 'Сколько человек пришло за каждые 15 минут',
    unwatched: 'серым — никто не считал',
    asOf: (when) => `Данные на ${when}`,
    abroad: 'За рубежом',
    cameToStations: (n) => (plural.ru.select(n) === 'one' ? 'пришёл на участки' : 'пришли на участки'),
    howCounted: (n, of) =>
      `Столько насчитали волонтёры у входа ${n} ${plural.ru.select(n) === 'one' ? 'участка' : 'участков'} из ${of}, и только пока стояли там. Это не явка: кто пришёл, когда никто не считал, сюда не вошёл.`,
    most: 'Больше всего людей',
    more: (n) =>
      `и ещё ${n} ${plural.ru.select(n) === 'one' ? 'участок' : plural.ru.select(n) === 'few' ? 'участка' : 'участков'}`,
    footer: 'sobesednik · живой подсчёт у избирательных участков за рубежом',
  },
  en: {
    people: (n) => (n === 1 ? 'person' : 'people'),
    cameTo: () => 'came to vote',
    station: (id) => `station ${id}`,
    coverageAll: 'Counted by volunteers at the door for all the opening hours.',
    coverage: (share) =>
      `Counted by volunteers at the door while they watched: ${share} of opening hours. People who came when nobody counted are not in this number.`,
    notCounted: 'Nobody has counted here yet.',
    queue: (at, people) => `Queue at ${at}: ${people}`,
    wait: (duration) => `, about ${duration} wait`,
    hours: (h) => `${h} h`,
    minutes: (m) => `${m} min`,
    perHour: 'People counted going in, per hour',
    perQuarter: 'People counted going in, per 15 minutes',
    unwatched: 'grey: nobody counting',
    asOf: (when) => `As of ${when}`,
    abroad: 'Abroad',
    cameToStations: () => 'came to vote',
    howCounted: (n, of) =>
      `Counted by volunteers at the door of ${n} of ${of} stations, only while they watched. Not the turnout: people who came when nobody counted are not in this number.`,
    most: 'Most people counted',
    more: (n) => `and ${n} more ${n === 1 ? 'station' : 'stations'}`,
    footer: 'sobesednik · live count at polling stations abroad',
  },
};

/** Text goes into the SVG as character data or an attribute: the five XML specials are escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const numberFormats = { ru: new Intl.NumberFormat('ru'), en: new Intl.NumberFormat('en') };
const formatNumber = (lang: Lang, n: number) => numberFormats[lang].format(n);

function countryName(lang: Lang, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A valid IANA zone, or UTC: a wrong zone in a station file must not break the card. */
function zone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "17 марта", "15–17 March": the first and last instant's days in `timeZone`. */
function dayRange(lang: Lang, from: number, to: number, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone }).formatRange(from, to);
}

/** Calendar dates (YYYY-MM-DD) as a range: noon UTC names the same day everywhere it is formatted in UTC. */
function calendarRange(lang: Lang, days: readonly string[]): string {
  const first = Date.parse(`${days[0]}T12:00:00Z`);
  const last = Date.parse(`${days[days.length - 1]}T12:00:00Z`);
  if (Number.isNaN(first) || Number.isNaN(last)) return '';
  return dayRange(lang, first, last, 'UTC');
}

function clock(lang: Lang, at: number, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
}

function duration(t: Texts, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return t.minutes(m);
  return m === 0 ? t.hours(h) : `${t.hours(h)} ${t.minutes(m)}`;
}

// PT Sans' glyphs average about half an em: enough to shrink a long city's name or wrap a sentence to fit,
// since the SVG is built without measuring text.
const EM_WIDTH = 0.52;

function fitSize(text: string, size: number, width: number): number {
  return Math.min(size, Math.floor(width / (Math.max(1, text.length) * EM_WIDTH)));
}

function wrap(text: string, size: number, width: number): string[] {
  const perLine = Math.max(10, Math.floor(width / (size * EM_WIDTH)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

interface TextOptions {
  size: number;
  weight?: 400 | 700;
  fill?: string;
  anchor?: 'start' | 'end' | 'middle';
}

function text(x: number, y: number, content: string, o: TextOptions): string {
  return `<text x="${x}" y="${y}" font-size="${o.size}" font-weight="${o.weight ?? 400}" fill="${o.fill ?? INK}" text-anchor="${o.anchor ?? 'start'}">${escapeXml(content)}</text>`;
}

function paragraph(
  x: number,
  y: number,
  content: string,
  size: number,
  fill: string,
): { svg: string; y: number } {
  const lines = wrap(content, size, INNER);
  const svg = lines.map((line, i) => text(x, y + i * size * 1.3, line, { size, fill })).join('');
  return { svg, y: y + lines.length * size * 1.3 };
}

function frame(body: string, lang: Lang): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_SIZE}" height="${CARD_SIZE}" viewBox="0 0 ${CARD_SIZE} ${CARD_SIZE}" font-family="${CARD_FONT}" xml:lang="${lang}">`,
    `<rect width="${CARD_SIZE}" height="${CARD_SIZE}" fill="${PAPER}"/>`,
    `<rect width="${CARD_SIZE}" height="16" fill="${BAR}"/>`,
    body,
    text(PAD, CARD_SIZE - 48, TEXTS[lang].footer, { size: 24, fill: MUTED }),
    '</svg>',
  ].join('');
}

/** One bar of a station's chart: a bucket or an hour, its people counted, null where nobody counted. */
export interface ChartBar {
  from: number;
  count: number | null;
}

/**
 * A station's arrivals summed over doors per bucket, then per local hour when a day's 15-minute bars would be
 * too thin to read. A bar is null only where no door was watched at all in it.
 */
export function chartBars(arrivals: Arrivals, timeZone: string): { bars: ChartBar[]; hourly: boolean } {
  const perBucket = new Map<number, number | null>();
  for (const b of arrivals.buckets) {
    const from = Date.parse(b.from);
    const before = perBucket.get(from);
    perBucket.set(from, b.count === null ? (before ?? null) : (before ?? 0) + b.count);
  }
  const quarters = [...perBucket].sort(([a], [b]) => a - b).map(([from, count]) => ({ from, count }));
  if (quarters.length <= 48) return { bars: quarters, hourly: false };
  const hourOf = new Intl.DateTimeFormat('en-US', {
    timeZone: zone(timeZone),
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
  });
  const hours = new Map<string, ChartBar>();
  for (const q of quarters) {
    const key = hourOf.format(q.from);
    const bar = hours.get(key);
    if (!bar) hours.set(key, { from: q.from, count: q.count });
    else if (q.count !== null) bar.count = (bar.count ?? 0) + q.count;
  }
  return { bars: [...hours.values()], hourly: true };
}

function stationChart(lang: Lang, arrivals: Arrivals, timeZone: string, top: number): string {
  const t = TEXTS[lang];
  const { bars, hourly } = chartBars(arrivals, timeZone);
  if (bars.length === 0) return '';
  const chartTop = top + 44;
  const chartBottom = CARD_SIZE - 150;
  const height = chartBottom - chartTop;
  const max = Math.max(1, ...bars.map((b) => b.count ?? 0));
  const step = INNER / bars.length;
  const width = Math.max(2, step * 0.8);
  const parts = [
    text(PAD, top, hourly ? t.perHour : t.perQuarter, { size: 28, weight: 700 }),
    text(CARD_SIZE - PAD, top, t.unwatched, { size: 22, fill: MUTED, anchor: 'end' }),
  ];
  // About eight time labels whatever the number of bars, each on a bar that starts an hour where it can.
  const every = Math.max(1, Math.ceil(bars.length / 8));
  bars.forEach((bar, i) => {
    const x = PAD + i * step + (step - width) / 2;
    if (bar.count === null)
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${chartBottom - 6}" width="${width.toFixed(1)}" height="6" fill="${GAP}"/>`,
      );
    else {
      const h = Math.max(bar.count > 0 ? 3 : 0, (bar.count / max) * height);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${(chartBottom - h).toFixed(1)}" width="${width.toFixed(1)}" height="${h.toFixed(1)}" fill="${BAR}"/>`,
      );
    }
    if (i % every === 0)
      parts.push(text(x, chartBottom + 34, clock(lang, bar.from, timeZone), { size: 22, fill: MUTED }));
  });
  parts.push(text(PAD, chartTop + 24, formatNumber(lang, max), { size: 22, fill: MUTED }));
  parts.push(
    `<line x1="${PAD}" y1="${chartBottom}" x2="${CARD_SIZE - PAD}" y2="${chartBottom}" stroke="${MUTED}" stroke-width="2"/>`,
  );
  return parts.join('');
}

/** The card of one station: "Belgrade, 17 March", the people counted, what that covers, the queue and the chart. */
export function stationCardSvg(input: StationCardInput): string {
  const { lang, station, arrivals } = input;
  const t = TEXTS[lang];
  const timeZone = zone(station.timezone);
  const watched = (arrivals?.buckets ?? []).filter((b) => b.count !== null).map((b) => Date.parse(b.from));
  const when =
    watched.length > 0
      ? dayRange(lang, Math.min(...watched), Math.max(...watched), timeZone)
      : calendarRange(lang, input.days);
  const heading = when ? `${station.city}, ${when}` : station.city;
  const parts = [
    text(PAD, 120, heading, { size: fitSize(heading, 64, INNER), weight: 700 }),
    text(PAD, 172, `${countryName(lang, station.country)} · ${t.station(station.station)}`, {
      size: 30,
      fill: MUTED,
    }),
  ];
  const value = station.counted.value;
  if (value === null) {
    parts.push(text(PAD, 400, t.notCounted, { size: 56, weight: 700 }));
    return frame(parts.join(''), lang);
  }
  const n = Math.round(value);
  const figure = formatNumber(lang, n);
  parts.push(text(PAD, 370, figure, { size: fitSize(figure, 200, INNER), weight: 700, fill: BAR }));
  parts.push(text(PAD, 448, `${t.people(n)} ${t.cameTo(n)}`, { size: 44, weight: 700 }));
  const coverage = station.counted.coverage ?? 0;
  const covered =
    coverage >= 0.995
      ? t.coverageAll
      : t.coverage(
          new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(
            Math.max(0.01, coverage),
          ),
        );
  const said = paragraph(PAD, 506, covered, 28, INK);
  parts.push(said.svg);
  let y = said.y + 16;
  if (station.queue) {
    const q = station.queue;
    const people = `${formatNumber(lang, q.people)} ${t.people(q.people)}`;
    const line =
      t.queue(clock(lang, Date.parse(q.at), timeZone), people) +
      (q.waitMinutes > 0 ? t.wait(duration(t, q.waitMinutes)) : '');
    parts.push(text(PAD, y + 8, line, { size: fitSize(line, 32, INNER), weight: 700 }));
    y += 56;
  }
  if (arrivals) parts.push(stationChart(lang, arrivals, timeZone, Math.max(y + 30, 640)));
  if (station.updatedAt) {
    const at = Date.parse(station.updatedAt);
    const asOf = `${dayRange(lang, at, at, timeZone)}, ${clock(lang, at, timeZone)}`;
    parts.push(text(CARD_SIZE - PAD, CARD_SIZE - 84, t.asOf(asOf), { size: 22, fill: MUTED, anchor: 'end' }));
  }
  return frame(parts.join(''), lang);
}

/** The card of a whole election: the people counted at every station together, and the stations with the most. */
export function electionCardSvg(input: ElectionCardInput): string {
  const { lang, live } = input;
  const t = TEXTS[lang];
  const counted = live.stations.filter((s) => s.counted.value !== null);
  const total = Math.round(counted.reduce((sum, s) => sum + (s.counted.value ?? 0), 0));
  const when = calendarRange(lang, input.days);
  const heading = when ? `${t.abroad}, ${when}` : t.abroad;
  const figure = formatNumber(lang, total);
  const parts = [
    text(PAD, 120, heading, { size: fitSize(heading, 64, INNER), weight: 700 }),
    text(PAD, 172, input.title, { size: fitSize(input.title, 30, INNER), fill: MUTED }),
    text(PAD, 370, figure, { size: fitSize(figure, 200, INNER), weight: 700, fill: BAR }),
    text(PAD, 448, `${t.people(total)} ${t.cameToStations(total)}`, { size: 44, weight: 700 }),
  ];
  const said = paragraph(PAD, 506, t.howCounted(counted.length, live.stations.length), 28, INK);
  parts.push(said.svg);
  const top = [...counted]
    .sort((a, b) => (b.counted.value ?? 0) - (a.counted.value ?? 0))
    .slice(0, TOP_STATIONS);
  if (top.length > 0) {
    let y = Math.max(said.y + 40, 640);
    parts.push(text(PAD, y, t.most, { size: 28, weight: 700 }));
    const max = Math.max(1, ...top.map((s) => s.counted.value ?? 0));
    const row = Math.min(44, (CARD_SIZE - 130 - y) / top.length);
    const labelWidth = 340;
    const barWidth = INNER - labelWidth - 140;
    y += 20;
    for (const s of top) {
      const v = Math.round(s.counted.value ?? 0);
      const label = `${s.city}, ${countryName(lang, s.country)}`;
      const w = Math.max(2, (v / max) * barWidth);
      parts.push(text(PAD, y + row * 0.7, label, { size: fitSize(label, 24, labelWidth - 10) }));
      parts.push(
        `<rect x="${PAD + labelWidth}" y="${(y + row * 0.15).toFixed(1)}" width="${w.toFixed(1)}" height="${(row * 0.7).toFixed(1)}" fill="${BAR}"/>`,
      );
      parts.push(
        text(PAD + labelWidth + w + 12, y + row * 0.7, formatNumber(lang, v), { size: 24, weight: 700 }),
      );
      y += row;
    }
    if (counted.length > top.length)
      parts.push(text(PAD, y + 30, t.more(counted.length - top.length), { size: 22, fill: MUTED }));
  }
  return frame(parts.join(''), lang);
}
