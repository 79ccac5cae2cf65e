import { describe, expect, it } from 'vitest';
import { countStation, disagree, type Shift, type Tally, type Tap, tapRuns } from './counted.js';

// Times on 17 March 2024 in UTC; the station is open 10:00–11:00 (four buckets, 60 minutes) unless told.
const at = (hhmm: string, day = '2024-03-17') => Date.parse(`${day}T${hhmm}:00Z`);
const hour = [{ from: at('10:00'), to: at('11:00') }];
const shift = (volunteer: string, from: string, to: string, door = 'main'): Shift => ({
  volunteer,
  door,
  from: at(from),
  to: at(to),
});
/** `n` taps ten seconds apart from `from`. */
const taps = (volunteer: string, n: number, from: string, door = 'main'): Tap[] =>
  Array.from({ length: n }, (_, i) => ({ volunteer, door, at: at(from) + i * 10_000 }));
const count = (input: { windows?: typeof hour; taps?: Tap[]; shifts?: Shift[]; tallies?: Tally[] }) =>
  countStation({ windows: hour, shifts: [], tallies: [], ...input, taps: tapRuns(input.taps ?? []) });

describe('counted', () => {
  it('spreads a tally that starts mid-bucket over the minutes of each bucket', () => {
    // 30 people 10:07–10:52 (45 min): 30·8/45 = 5.33 in 10:00, 10 in 10:15, 10 in 10:30, 30·7/45 = 4.67 in 10:45
    const result = count({ tallies: [{ ...shift('a', '10:07', '10:52'), count: 30 }] });
    expect(result.buckets.map((b) => b.count)).toEqual([
      expect.closeTo(16 / 3, 9),
      expect.closeTo(10, 9),
      expect.closeTo(10, 9),
      expect.closeTo(14 / 3, 9),
    ]);
    // value 30; 45 of 60 minutes watched: coverage 0.75, estimate 30 / 0.75 = 40
    expect(result.counted.value).toBeCloseTo(30, 9);
    expect(result.counted.coverage).toBe(0.75);
    expect(result.counted.estimate).toBeCloseTo(40, 9);
  });

  it('takes the median of volunteers at one door, and flags them when they differ by more than max(3, 20%)', () => {
    // 10 and 14: median 12, coverage 15/60 = 0.25 so no estimate; 14 − 10 = 4 > max(3, 0.2·12 = 2.4): disagree
    const two = count({
      shifts: [shift('a', '10:00', '10:15'), shift('b', '10:00', '10:15')],
      taps: [...taps('a', 10, '10:00'), ...taps('b', 14, '10:01')],
    });
    expect(two.counted).toEqual({ value: 12, coverage: 0.25, estimate: null });
    expect(two.disagreements).toEqual([{ door: 'main', from: at('10:00'), to: at('10:15') }]);
    // 10, 11, 30: median 11; 30 − 10 = 20 > max(3, 2.2): disagree
    const three = count({
      shifts: ['a', 'b', 'c'].map((v) => shift(v, '10:15', '10:30')),
      taps: [...taps('a', 10, '10:15'), ...taps('b', 11, '10:16'), ...taps('c', 30, '10:17')],
    });
    expect(three.counted.value).toBe(11);
    expect(three.disagreements).toHaveLength(1);
    expect(disagree([10, 13])).toBe(false); // 3 is not more than max(3, 2.3)
    expect(disagree([100, 118])).toBe(false); // 18 ≤ 20% of 109 = 21.8
    expect(disagree([100, 125])).toBe(true); // 25 > 20% of 112.5 = 22.5
  });

  it('lets a tap outside any shift cover its own bucket', () => {
    // 5 taps in the shift 10:00–10:15, one at 10:40 with no shift: 6 people, buckets 10:00 and 10:30 covered,
    // 30/60 = 0.5, which is enough for an estimate: 6 / 0.5 = 12
    const result = count({
      shifts: [shift('a', '10:00', '10:15')],
      taps: [...taps('a', 5, '10:00'), ...taps('a', 1, '10:40')],
    });
    expect(result.counted).toEqual({ value: 6, coverage: 0.5, estimate: 12 });
    expect(result.buckets.map((b) => b.count)).toEqual([5, null, 1, null]);
  });

  it('gives no estimate below half coverage', () => {
    // open 10:00–12:30 (150 min), watched 10:00–11:00: coverage 60/150 = 0.4
    const result = count({
      windows: [{ from: at('10:00'), to: at('12:30') }],
      shifts: [shift('a', '10:00', '11:00')],
      taps: taps('a', 20, '10:20'),
    });
    expect(result.counted).toEqual({ value: 20, coverage: 0.4, estimate: null });
  });

  it('adds up a handover inside a bucket instead of taking the median of two halves', () => {
    // a watches 10:00–10:07 (3 people), b from 10:07 (5 by 10:15, then 4): the bucket 10:00 is 3 + 5 = 8
    const result = count({
      shifts: [shift('a', '10:00', '10:07'), shift('b', '10:07', '10:30')],
      taps: [...taps('a', 3, '10:01'), ...taps('b', 5, '10:08'), ...taps('b', 4, '10:20')],
    });
    expect(result.buckets.map((b) => b.count)).toEqual([8, 4, null, null]);
    expect(result.counted).toEqual({ value: 12, coverage: 0.5, estimate: 24 });
    expect(result.disagreements).toEqual([]);
  });

  it('takes the median only over the part of a bucket that both volunteers watched', () => {
    // a watches 10:00–10:15 (taps 10:01, 10:03, 10:11, 10:12), b only 10:10–10:15 (10:11, 10:12, 10:13):
    // 10:00–10:10 a alone, 2; 10:10–10:15 median(2, 3) = 2.5; the bucket 4.5, not median(4, 3) = 3.5
    const tap = (volunteer: string, hhmm: string): Tap => ({ volunteer, door: 'main', at: at(hhmm) });
    const result = count({
      shifts: [shift('a', '10:00', '10:15'), shift('b', '10:10', '10:15')],
      taps: ['10:01', '10:03', '10:11', '10:12']
        .map((t) => tap('a', t))
        .concat(['10:11', '10:12', '10:13'].map((t) => tap('b', t))),
    });
    expect(result.buckets[0]).toMatchObject({ count: 4.5, coveredMs: 15 * 60_000 });
  });

  it('takes coverage over every door that has any count', () => {
    // main watched 60 min (40 people), side 30 min (10), a door watched only after closing does not count:
    // (60 + 30) / (60 · 2) = 0.75; value 50; estimate 50 / 0.75 = 66.7
    const result = count({
      shifts: [
        shift('a', '10:00', '11:00'),
        shift('b', '10:30', '11:00', 'side'),
        shift('c', '12:00', '13:00', 'back'),
      ],
      taps: [...taps('a', 40, '10:00'), ...taps('b', 10, '10:31', 'side'), ...taps('c', 7, '12:01', 'back')],
    });
    expect(result.counted.value).toBe(50);
    expect(result.counted.coverage).toBe(0.75);
    expect(result.counted.estimate).toBeCloseTo(200 / 3, 9);
    expect(new Set(result.buckets.map((b) => b.door))).toEqual(new Set(['main', 'side']));
  });

  it('spreads a tally across a day boundary over the open minutes only', () => {
    // open 18:00–20:00 on the 16th and 08:00–10:00 on the 17th; 60 people from 19:00 to 09:00 the next day:
    // 60 open minutes each side of the night, 30 people each; coverage 120/240 = 0.5, estimate 120
    const windows = [
      { from: at('18:00', '2024-03-16'), to: at('20:00', '2024-03-16') },
      { from: at('08:00'), to: at('10:00') },
    ];
    const tally = {
      volunteer: 'a',
      door: 'main',
      from: at('19:00', '2024-03-16'),
      to: at('09:00'),
      count: 60,
    };
    const result = count({ windows, tallies: [tally] });
    expect(result.counted).toEqual({ value: 60, coverage: 0.5, estimate: 120 });
    expect(result.buckets.filter((b) => b.count !== null).every((b) => b.count === 7.5)).toBe(true);
  });

  it('is null, never 0, when nobody counted in opening hours', () => {
    const empty = { value: null, coverage: null, estimate: null };
    expect(count({}).counted).toEqual(empty);
    expect(count({ taps: taps('a', 3, '09:00') }).counted).toEqual(empty);
    expect(count({ windows: [], taps: taps('a', 3, '10:00') }).counted).toEqual(empty);
  });

  it('counts a watched door where nobody came as 0', () => {
    expect(count({ shifts: [shift('a', '10:00', '11:00')] }).counted).toEqual({
      value: 0,
      coverage: 1,
      estimate: 0,
    });
  });
});
