import type { Interval } from './buckets.js';
import { countStation, type Tally } from './counted.js';
import { counting, undoneIds } from './counting.js';
import type { StoredEvent } from './events.js';
import { currentExclusions, type ExclusionRow } from './exclusions.js';

// A coordinator's review of one station: each volunteer's count per door and 15-minute bucket side by side, the
// median the figures use, the buckets where volunteers disagree, the events kept but not counted, and the log of
// volunteers excluded from the figures. Volunteers are shown by a short pseudonym (A, B… in the order they began;
// paper tallies 1, 2…); their id is in the answer only as the handle for excluding them, for that station's
// coordinator and the admin.

export interface ReviewVolunteer {
  /** Opaque: the handle for excluding them (a random id made at joining, or a paper tally's keyed pseudonym). */
  id: string;
  kind: 'counter' | 'tally';
  /** A, B, … for those who counted with the counter; 1, 2, … for paper tallies. */
  label: string;
  excluded: boolean;
  /** The people they counted in opening hours (a tally's share of them may be fractional). */
  counted: number;
}

export interface ReviewBucket {
  door: string;
  from: string;
  to: string;
  /** Each watching volunteer's count by id; a volunteer who did not watch the bucket is absent. */
  counts: Record<string, number>;
  /** What the figures use: the median of the volunteers not excluded; null where none of them watched. */
  median: number | null;
  /** The spec's `counts-disagree` among the volunteers not excluded. */
  disagrees: boolean;
}

export interface FlaggedEvent {
  volunteer: string;
  label: string;
  kind: 'entry' | 'queue' | 'exitpoll';
  reason: 'out-of-hours' | 'too-fast';
  at: string;
  door: string | null;
}

export interface ReviewLogEntry {
  volunteer: string;
  /** The volunteer's pseudonym, as in `volunteers`. */
  label: string;
  excluded: boolean;
  by: 'admin' | 'admin (cli)' | 'coordinator';
  /** A coordinator's own pseudonym when they counted at this station too, else null. */
  byLabel: string | null;
  at: string;
}

export interface StationReview {
  election: string;
  station: string;
  /** IANA: times are shown on the station's clock. */
  timezone: string;
  volunteers: ReviewVolunteer[];
  /** Buckets that any volunteer watched, in time order, then by door. */
  buckets: ReviewBucket[];
  flagged: FlaggedEvent[];
  /** Volunteers excluded now. */
  excluded: number;
  /** Oldest first. */
  log: ReviewLogEntry[];
}

export interface ReviewInput {
  election: string;
  station: string;
  timezone: string;
  windows: readonly Interval[];
  events: readonly (StoredEvent & { volunteer: string })[];
  tallies: readonly Tally[];
  /** This station's exclusion log, oldest first. */
  log: readonly ExclusionRow[];
  now: number;
}

/** A, B, … Z, AA, AB, …: short enough to head a column on a phone. */
export function letterLabel(index: number): string {
  let label = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  return label;
}

const iso = (at: number) => new Date(at).toISOString();
const bucketKey = (door: string, from: number) => `${door}\n${from}`;

export function buildReview(input: ReviewInput): StationReview {
  const { windows, events, tallies } = input;
  const excluded = currentExclusions(input.log).get(input.station) ?? new Set<string>();

  // Pseudonyms: counters in the order of their first event, then tallies in the order of their first interval.
  const firstEvent = new Map<string, number>();
  for (const e of events) firstEvent.set(e.volunteer, Math.min(firstEvent.get(e.volunteer) ?? e.at, e.at));
  const firstTally = new Map<string, number>();
  for (const t of tallies)
    firstTally.set(t.volunteer, Math.min(firstTally.get(t.volunteer) ?? t.from, t.from));
  const inOrder = (first: Map<string, number>) =>
    [...first].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const people = [
    ...inOrder(firstEvent).map((id, i) => ({ id, kind: 'counter' as const, label: letterLabel(i) })),
    ...inOrder(firstTally)
      .filter((id) => !firstEvent.has(id))
      .map((id, i) => ({ id, kind: 'tally' as const, label: String(i + 1) })),
  ];
  const labels = new Map(people.map((p) => [p.id, p.label]));

  // Each volunteer alone through the report's own arithmetic: for one watcher the median is their count.
  const { taps, shifts } = counting(events, input.now);
  const rows = new Map<string, ReviewBucket>();
  const volunteers: ReviewVolunteer[] = people.map((person) => {
    const own = countStation({
      windows,
      taps: taps.filter((t) => t.volunteer === person.id),
      shifts: shifts.filter((s) => s.volunteer === person.id),
      tallies: tallies.filter((t) => t.volunteer === person.id),
    });
    let total = 0;
    for (const bucket of own.buckets) {
      if (bucket.count === null) continue;
      total += bucket.count;
      const key = bucketKey(bucket.door, bucket.from);
      const row = rows.get(key) ?? {
        door: bucket.door,
        from: iso(bucket.from),
        to: iso(bucket.to),
        counts: {},
        median: null,
        disagrees: false,
      };
      rows.set(key, row);
      row.counts[person.id] = bucket.count;
    }
    return { ...person, excluded: excluded.has(person.id), counted: total };
  });

  const kept = (row: { volunteer: string }) => !excluded.has(row.volunteer);
  const figures = countStation({
    windows,
    taps: taps.filter(kept),
    shifts: shifts.filter(kept),
    tallies: tallies.filter(kept),
  });
  for (const bucket of figures.buckets) {
    const row = rows.get(bucketKey(bucket.door, bucket.from));
    if (row) row.median = bucket.count;
  }
  for (const { door, from } of figures.disagreements) {
    const row = rows.get(bucketKey(door, from));
    if (row) row.disagrees = true;
  }

  const undone = undoneIds(events);
  const flagged: FlaggedEvent[] = [];
  for (const e of events) {
    if (undone.has(e.id) || (e.kind !== 'entry' && e.kind !== 'queue' && e.kind !== 'exitpoll')) continue;
    const inHours = windows.some((w) => w.from <= e.at && e.at < w.to);
    // An entry in the quarter hour either side of the hours is taken but not counted: it is listed too.
    if (!e.flagged && (inHours || e.kind !== 'entry')) continue;
    flagged.push({
      volunteer: e.volunteer,
      label: labels.get(e.volunteer) ?? '?',
      kind: e.kind,
      reason: inHours && e.kind === 'entry' ? 'too-fast' : 'out-of-hours',
      at: iso(e.at),
      door: e.kind === 'entry' ? (e.door ?? 'main') : null,
    });
  }
  flagged.sort((a, b) => a.at.localeCompare(b.at));

  const log = input.log
    .filter((row) => row.station === input.station)
    .map((row): ReviewLogEntry => {
      const coordinator = row.by.startsWith('coordinator:') ? row.by.slice('coordinator:'.length) : null;
      return {
        volunteer: row.volunteer,
        label: labels.get(row.volunteer) ?? '?',
        excluded: row.excluded,
        by: coordinator === null ? (row.by as 'admin' | 'admin (cli)') : 'coordinator',
        byLabel: coordinator === null ? null : (labels.get(coordinator) ?? null),
        at: iso(row.at),
      };
    });

  return {
    election: input.election,
    station: input.station,
    timezone: input.timezone,
    volunteers,
    buckets: [...rows.values()].sort((a, b) => a.from.localeCompare(b.from) || a.door.localeCompare(b.door)),
    flagged,
    excluded: volunteers.filter((v) => v.excluded).length,
    log,
  };
}
