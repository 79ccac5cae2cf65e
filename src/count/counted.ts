// The spec's `counted`: volunteers' taps and paper tallies per door in 15-minute buckets of the opening hours,
// the median where several volunteers watched the same door at the same time, and the coverage of the hours.
import { bucketsOf, type Interval, overlap } from './buckets.js';

/** One person in through `door`. Undone taps are the caller's to drop: an undo names an event, not a time. */
export interface Tap {
  volunteer: string;
  door: string;
  at: number;
}

/** One volunteer's taps at one door: how counting takes them, so that 400,000 taps are not 400,000 objects. */
export interface TapRun {
  volunteer: string;
  door: string;
  at: number[];
}

/** Single taps gathered into runs by volunteer and door. */
export function tapRuns(taps: readonly Tap[]): TapRun[] {
  const runs = new Map<string, TapRun>();
  for (const { volunteer, door, at } of taps) {
    const key = `${volunteer}\n${door}`;
    const run = runs.get(key);
    if (run) run.at.push(at);
    else runs.set(key, { volunteer, door, at: [at] });
  }
  return [...runs.values()];
}

export interface Shift extends Interval {
  volunteer: string;
  door: string;
}

export interface Tally extends Shift {
  count: number;
}

export interface Counted {
  value: number | null;
  coverage: number | null;
  estimate: number | null;
}

export interface DoorBucket extends Interval {
  door: string;
  /** null where nobody watched the door in this bucket. */
  count: number | null;
  coveredMs: number;
  /** The most volunteers who watched the door at once in this bucket (0: nobody). */
  watchers: number;
}

export interface CountedResult {
  counted: Counted;
  /** Every door that has any count, bucket by bucket. */
  buckets: DoorBucket[];
  /** The buckets that give the flag `counts-disagree`. */
  disagreements: { door: string; from: number; to: number }[];
}

interface Watcher {
  /** Sorted and disjoint once gathered; `starts` are their starts. */
  covers: Interval[];
  starts: number[];
  taps: number[];
  tallies: { tally: Tally; openMs: number }[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Volunteers differ by more than max(3, 20% of their median): the spread of their counts, highest − lowest. */
export function disagree(counts: readonly number[]): boolean {
  if (counts.length < 2) return false;
  return Math.max(...counts) - Math.min(...counts) > Math.max(3, 0.2 * median(counts));
}

function firstAtOrAfter(sorted: readonly number[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Sorted, disjoint intervals covering the same time. */
function union(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const { from, to } of [...intervals].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else merged.push({ from, to });
  }
  return merged;
}

function watches(watcher: Watcher, piece: Interval): boolean {
  const cover = watcher.covers[firstAtOrAfter(watcher.starts, piece.from + 1) - 1];
  return cover !== undefined && piece.to <= cover.to;
}

function countIn(watcher: Watcher, piece: Interval): number {
  let count = firstAtOrAfter(watcher.taps, piece.to) - firstAtOrAfter(watcher.taps, piece.from);
  for (const { tally, openMs } of watcher.tallies) count += (tally.count * overlap(tally, piece)) / openMs;
  return count;
}

function watchersByDoor(
  windows: readonly Interval[],
  buckets: readonly Interval[],
  taps: readonly TapRun[],
  shifts: readonly Shift[],
  tallies: readonly Tally[],
): Map<string, Map<string, Watcher>> {
  const doors = new Map<string, Map<string, Watcher>>();
  const watcher = ({ door, volunteer }: { door: string; volunteer: string }): Watcher => {
    const byVolunteer = doors.get(door) ?? new Map<string, Watcher>();
    doors.set(door, byVolunteer);
    const found = byVolunteer.get(volunteer) ?? { covers: [], starts: [], taps: [], tallies: [] };
    byVolunteer.set(volunteer, found);
    return found;
  };
  for (const shift of shifts) watcher(shift).covers.push(shift);
  for (const tally of tallies) {
    // A tally's people went in while the station was open: spread them over its open minutes only.
    const openMs = windows.reduce((sum, window) => sum + overlap(window, tally), 0);
    if (openMs === 0) continue;
    const w = watcher(tally);
    w.covers.push(tally);
    w.tallies.push({ tally, openMs });
  }
  const starts = buckets.map((b) => b.from);
  for (const run of taps) {
    const w = watcher(run);
    const own = shifts.filter((s) => s.volunteer === run.volunteer && s.door === run.door);
    for (const at of run.at) {
      const bucket = buckets[firstAtOrAfter(starts, at + 1) - 1];
      if (!bucket || at >= bucket.to) continue; // out of hours: kept and flagged by the caller, not counted
      w.taps.push(at);
      if (!own.some((s) => s.from <= at && at < s.to)) w.covers.push(bucket); // merged with its neighbours below
    }
  }
  for (const byVolunteer of doors.values())
    for (const w of byVolunteer.values()) {
      w.taps.sort((a, b) => a - b);
      w.covers = union(w.covers);
      w.starts = w.covers.map((c) => c.from);
    }
  return doors;
}

/**
 * `counted` for one station. `coverage` is the covered bucket-minutes of all doors ÷ (opening minutes × the
 * number of doors that have any count, i.e. any minute of opening hours watched by a shift, tally or tap).
 */
export function countStation(input: {
  windows: readonly Interval[];
  taps: readonly TapRun[];
  shifts: readonly Shift[];
  tallies: readonly Tally[];
}): CountedResult {
  const buckets = bucketsOf(input.windows);
  const openMs = buckets.reduce((sum, b) => sum + (b.to - b.from), 0);
  const doors = watchersByDoor(input.windows, buckets, input.taps, input.shifts, input.tallies);
  const result: CountedResult = {
    counted: { value: null, coverage: null, estimate: null },
    buckets: [],
    disagreements: [],
  };
  let value = 0;
  let coveredMs = 0;
  let countedDoors = 0;

  for (const [door, byVolunteer] of doors) {
    const watchers = [...byVolunteer.values()];
    const edges = [...new Set(watchers.flatMap((w) => w.covers.flatMap((c) => [c.from, c.to])))].sort(
      (a, b) => a - b,
    );
    const doorBuckets: DoorBucket[] = [];
    for (const bucket of buckets) {
      // A shift that starts or ends inside a bucket watches only part of it: the bucket is cut at every shift
      // edge, each piece takes the median of those who watched it, and unwatched pieces are not covered.
      // When shifts start and end on quarter hours, this is the plain median of the volunteers' bucket counts.
      let count = 0;
      let covered = 0;
      let most = 0;
      let disagrees = false;
      let from = bucket.from;
      for (let i = firstAtOrAfter(edges, bucket.from + 1); from < bucket.to; i++) {
        const piece = { from, to: Math.min(edges[i] ?? bucket.to, bucket.to) };
        from = piece.to;
        const counts: number[] = [];
        for (const w of watchers) if (watches(w, piece)) counts.push(countIn(w, piece));
        if (counts.length === 0) continue;
        count += median(counts);
        covered += piece.to - piece.from;
        most = Math.max(most, counts.length);
        disagrees ||= disagree(counts);
      }
      doorBuckets.push({
        door,
        ...bucket,
        count: covered > 0 ? count : null,
        coveredMs: covered,
        watchers: most,
      });
      if (disagrees) result.disagreements.push({ door, ...bucket });
      value += count;
      coveredMs += covered;
    }
    if (doorBuckets.some((b) => b.coveredMs > 0)) {
      countedDoors++;
      result.buckets.push(...doorBuckets);
    }
  }

  if (countedDoors === 0 || openMs === 0) return result;
  const coverage = coveredMs / (openMs * countedDoors);
  result.counted = { value, coverage, estimate: coverage >= 0.5 ? value / coverage : null };
  return result;
}
