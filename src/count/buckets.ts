// A station's opening hours as UTC instants, and the 15-minute buckets that counting is cut into.
// Times are epoch milliseconds; every interval is half-open, [from, to).

import { zoneOffsetMs } from '../catalogue/zone-offset.js';

export interface Interval {
  from: number;
  to: number;
}

/** When a station is open: its dates, local opening and closing times, and IANA time zone. */
export interface Opening {
  days: readonly string[];
  opens: string;
  closes: string;
  timezone: string;
}

export const BUCKET_MS = 15 * 60_000;

/** The instant at which a zone's clocks show `date` (YYYY-MM-DD) `time` (HH:MM). */
export function localToUtc(date: string, time: string, timeZone: string): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`not a local date and time: ${date} ${time}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offset at the wall time read as UTC is a guess; on a day the clocks change, correct it once.
  const guess = wall - zoneOffsetMs(timeZone, wall);
  return wall - zoneOffsetMs(timeZone, guess);
}

/** The station's open intervals, one per day, in the order of its days. */
export function openingWindows(opening: Opening): Interval[] {
  return opening.days.map((day) => {
    const window = {
      from: localToUtc(day, opening.opens, opening.timezone),
      to: localToUtc(day, opening.closes, opening.timezone),
    };
    if (window.to <= window.from) throw new RangeError(`${day}: closes ${opening.closes} before it opens`);
    return window;
  });
}

/** 15-minute buckets in time order, counted from each opening; a day whose hours are not whole quarters ends on a shorter one. */
export function bucketsOf(windows: readonly Interval[]): Interval[] {
  const buckets: Interval[] = [];
  for (const window of [...windows].sort((a, b) => a.from - b.from)) {
    for (let from = window.from; from < window.to; from += BUCKET_MS) {
      buckets.push({ from, to: Math.min(from + BUCKET_MS, window.to) });
    }
  }
  return buckets;
}

export const overlap = (a: Interval, b: Interval): number =>
  Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));
