import { describe, expect, it } from 'vitest';
import type { StoredEvent } from './events.js';
import type { ExclusionRow } from './exclusions.js';
import { currentExclusions } from './exclusions.js';
import { buildReview, letterLabel } from './review.js';

// A station open 10:00–11:00 UTC on 17 March 2024 (four buckets); hand-counted events of a few volunteers.

const at = (hhmm: string) => Date.parse(`2024-03-17T${hhmm}:00Z`);
const iso = (hhmm: string) => new Date(at(hhmm)).toISOString();
let n = 0;

function event(volunteer: string, kind: StoredEvent['kind'], hhmm: string, extra: Partial<StoredEvent> = {}) {
  return {
    id: `e${++n}`,
    volunteer,
    kind,
    at: at(hhmm),
    door: kind === 'entry' || kind.startsWith('shift') ? 'main' : null,
    people: null,
    waitMinutes: null,
    target: null,
    answer: null,
    gender: null,
    age: null,
    flagged: false,
    ...extra,
  };
}
/** `count` taps from `hhmm`, ten seconds apart. */
const taps = (volunteer: string, count: number, hhmm: string) =>
  Array.from({ length: count }, (_, i) => ({
    ...event(volunteer, 'entry', hhmm),
    at: at(hhmm) + i * 10_000,
  }));
const shift = (volunteer: string, from: string, to: string) => [
  event(volunteer, 'shift-start', from),
  event(volunteer, 'shift-end', to),
];

function review(
  events: ReturnType<typeof event>[],
  options: {
    tallies?: { volunteer: string; from: string; to: string; count: number }[];
    log?: ExclusionRow[];
  } = {},
) {
  return buildReview({
    election: 'pres-2024',
    station: '8267',
    timezone: 'Europe/Belgrade',
    windows: [{ from: at('10:00'), to: at('11:00') }],
    events,
    tallies: (options.tallies ?? []).map((t) => ({ ...t, door: 'main', from: at(t.from), to: at(t.to) })),
    log: options.log ?? [],
    now: at('12:00'),
  });
}

describe('a station review', () => {
  it('sets two volunteers who agree side by side, with the median the figures use', () => {
    // a: 10 taps 10:00–10:15; b (began later): 12. Median 11; 12 − 10 = 2 ≤ max(3, 2.2): no disagreement.
    const result = review([
      ...shift('a', '10:00', '10:15'),
      ...taps('a', 10, '10:01'),
      ...shift('b', '10:00', '10:15'),
      ...taps('b', 12, '10:02'),
    ]);
    expect(result.volunteers).toEqual([
      { id: 'a', kind: 'counter', label: 'A', excluded: false, counted: 10 },
      { id: 'b', kind: 'counter', label: 'B', excluded: false, counted: 12 },
    ]);
    expect(result.buckets).toEqual([
      {
        door: 'main',
        from: iso('10:00'),
        to: iso('10:15'),
        counts: { a: 10, b: 12 },
        median: 11,
        disagrees: false,
      },
    ]);
    expect(result.flagged).toEqual([]);
    expect(result.excluded).toBe(0);
  });

  it('marks the bucket where they disagree, and drops the disagreement once one is excluded', () => {
    // 10:15 bucket: a 5, b 20 → 15 > max(3, 2.5): disagree, median 12.5. The 10:00 bucket: a alone, 3.
    const events = [
      ...shift('a', '10:00', '10:30'),
      ...taps('a', 3, '10:01'),
      ...taps('a', 5, '10:16'),
      ...shift('b', '10:15', '10:30'),
      ...taps('b', 20, '10:16'),
    ];
    const both = review(events);
    expect(both.buckets.map((b) => [b.from, b.counts, b.median, b.disagrees])).toEqual([
      [iso('10:00'), { a: 3 }, 3, false],
      [iso('10:15'), { a: 5, b: 20 }, 12.5, true],
    ]);
    const log: ExclusionRow[] = [
      { station: '8267', volunteer: 'b', excluded: true, by: 'coordinator:a', at: at('12:00') },
    ];
    const without = review(events, { log });
    expect(without.buckets.map((b) => [b.counts, b.median, b.disagrees])).toEqual([
      [{ a: 3 }, 3, false],
      [{ a: 5, b: 20 }, 5, false],
    ]);
    expect(without.volunteers.map((v) => [v.label, v.excluded])).toEqual([
      ['A', false],
      ['B', true],
    ]);
    expect(without.excluded).toBe(1);
    expect(without.log).toEqual([
      { volunteer: 'b', label: 'B', excluded: true, by: 'coordinator', byLabel: 'A', at: iso('12:00') },
    ]);
  });

  it('puts a paper tally beside the taps, spread over its buckets', () => {
    // The tally says 30 people 10:00–10:30: 15 a bucket. a tapped 14 in 10:00–10:15.
    const result = review([...shift('a', '10:00', '10:15'), ...taps('a', 14, '10:03')], {
      tallies: [{ volunteer: 'tally:xyz', from: '10:00', to: '10:30', count: 30 }],
    });
    expect(result.volunteers.map((v) => [v.id, v.kind, v.label, v.counted])).toEqual([
      ['a', 'counter', 'A', 14],
      ['tally:xyz', 'tally', '1', 30],
    ]);
    expect(result.buckets.map((b) => [b.counts, b.median])).toEqual([
      [{ a: 14, 'tally:xyz': 15 }, 14.5],
      [{ 'tally:xyz': 15 }, 15],
    ]);
  });

  it('lists an out-of-hours tap and a too-fast one, but not an undone one, and counts none of them', () => {
    const late = event('a', 'entry', '11:40', { flagged: true });
    const fast = event('a', 'entry', '10:20', { flagged: true });
    const margin = event('a', 'entry', '11:05');
    const undone = event('a', 'entry', '09:00', { flagged: true });
    const result = review([
      ...taps('a', 2, '10:20'),
      fast,
      late,
      margin,
      undone,
      event('a', 'undo', '10:50', { target: undone.id }),
      event('a', 'queue', '07:00', { flagged: true, people: 3, waitMinutes: 5 }),
    ]);
    expect(result.flagged).toEqual([
      { volunteer: 'a', label: 'A', kind: 'queue', reason: 'out-of-hours', at: iso('07:00'), door: null },
      { volunteer: 'a', label: 'A', kind: 'entry', reason: 'too-fast', at: iso('10:20'), door: 'main' },
      { volunteer: 'a', label: 'A', kind: 'entry', reason: 'out-of-hours', at: iso('11:05'), door: 'main' },
      { volunteer: 'a', label: 'A', kind: 'entry', reason: 'out-of-hours', at: iso('11:40'), door: 'main' },
    ]);
    // The two good taps count; a tap outside a shift covers its own bucket.
    expect(result.buckets.map((b) => [b.from, b.counts])).toEqual([[iso('10:15'), { a: 2 }]]);
  });

  it('names volunteers by the order they began, and reads the latest line of the log as their state', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(letterLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    const result = review([...taps('late', 1, '10:40'), ...taps('early', 1, '10:05')]);
    expect(result.volunteers.map((v) => [v.id, v.label])).toEqual([
      ['early', 'A'],
      ['late', 'B'],
    ]);
    const row = (volunteer: string, excluded: boolean, station = '8267') => ({
      station,
      volunteer,
      excluded,
    });
    const now = currentExclusions([row('x', true), row('y', true), row('x', false), row('z', true, '9')]);
    expect(now).toEqual(
      new Map([
        ['8267', new Set(['y'])],
        ['9', new Set(['z'])],
      ]),
    );
  });
});
