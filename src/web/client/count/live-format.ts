import { lang } from '../i18n.js';
import { w } from './live-texts.js';

// Numbers, countries, durations and times in the page's language, through Intl so that each reads as people
// of that language write it (12 345 and 12,345; Сербия and Serbia; «5 минут назад» and "5 minutes ago").

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export function number(n: number): string {
  return new Intl.NumberFormat(lang()).format(n);
}

/** A share as a percentage, whole by default ("45 %"); the report gives one decimal ("45,3 %"). */
export function percent(share: number, decimals = 0): string {
  return new Intl.NumberFormat(lang(), {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(share);
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** The country's name in the page's language; its ISO code where the browser has no name for it. */
export function countryName(code: string): string {
  const current = lang();
  let names = regionNames.get(current);
  if (!names) {
    names = new Intl.DisplayNames([current], { type: 'region', fallback: 'code' });
    regionNames.set(current, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

/** A wait: "40 min", "2 h", "1 h 20 min". */
export function duration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return w('minutes')(m);
  return m === 0 ? w('hours')(h) : `${w('hours')(h)} ${w('minutes')(m)}`;
}

/** "5 minutes ago", "2 hours ago"; a time a little in the future (clocks differ) reads as now. */
export function ago(iso: string, now: number): string {
  const format = new Intl.RelativeTimeFormat(lang(), { numeric: 'auto' });
  const past = Math.max(0, now - Date.parse(iso));
  if (past < MINUTE_MS) return format.format(0, 'second');
  if (past < HOUR_MS) return format.format(-Math.floor(past / MINUTE_MS), 'minute');
  if (past < DAY_MS) return format.format(-Math.floor(past / HOUR_MS), 'hour');
  return format.format(-Math.floor(past / DAY_MS), 'day');
}

/** The clock time on a 24-hour clock in English too (14:30, never 2:30 PM), in `timeZone` or the browser's. */
export function clock(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang(), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
}

/** The day and month, naming a day of the chart, in `timeZone` or the browser's. */
export function dayMonth(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang(), { day: 'numeric', month: 'short', timeZone }).format(at);
}

/** The zone itself when this browser knows it (an old one may lack a newer zone), else undefined: its own. */
export function knownZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}
