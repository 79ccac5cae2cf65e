import { describe, expect, it } from 'vitest';
import type { Election } from '../catalogue/election.js';
import type { Station } from '../catalogue/stations.js';
import type { Shift, Tally, TapRun } from './counted.js';
import { buildReport, exitPollPublic, type StationInput } from './report.js';

// Hand-computed cases: one day, 08:00–20:00 UTC (48 quarter hours); the Wilson figures worked out on paper
// with z = 1.96.

const election: Election = {
  id: 'test-2024',
  kind: 'presidential',
  title: { ru: 'Выборы', en: 'Election' },
  days: ['2024-03-17'],
  hours: { opens: '08:00', closes: '20:00' },
  answers: ['davankov', 'putin', 'invalid', 'removed', 'declined'].map((id) => ({ id, ru: id, en: id })),
  sources: [{ publisher: 'P', title: 'T', year: 2024, url: 'https://example.org' }],
};

const at = (time: string) => Date.parse(`2024-03-17T${time}:00Z`);

function station(id: string, timezone = 'UTC'): Station {
  const opening = { days: ['2024-03-17'], opens: '08:00', closes: '20:00' };
  return {
    station: id,
    country: 'RS',
    city: `City ${id}`,
    address: null,
    timezone,
    lat: null,
    lon: null,
    ...opening,
  };
}

function input(id: string, data: Partial<Omit<StationInput, 'station'>> = {}): StationInput {
  return { station: station(id), taps: [], shifts: [], tallies: [], official: null, answers: {}, ...data };
}

const taps = (volunteer: string, n: number, from: string): TapRun[] => [
  { volunteer, door: 'main', at: Array.from({ length: n }, (_, i) => at(from) + i * 1000) },
];
const shift = (volunteer: string, from: string, to: string): Shift => ({
  volunteer,
  door: 'main',
  from: at(from),
  to: at(to),
});
const tally = (volunteer: string, from: string, to: string, count: number): Tally => ({
  ...shift(volunteer, from, to),
  count,
});

describe('buildReport', () => {
  // 100 counted all day; 200 ballots; the poll says davankov 80, putin 10, declined 10 of 100.
  const belgrade = input('8267', {
    taps: taps('a', 100, '09:00'),
    shifts: [shift('a', '08:00', '20:00')],
    official: { ballots: 200, votes: { davankov: 90, putin: 100, invalid: 10 } },
    answers: { davankov: 80, putin: 10, declined: 10 },
  });

  it('flags official shares outside the poll and more ballots than people counted', () => {
    const [report] = buildReport(election, [belgrade], { exitPollPublished: true }).stations;
    expect(report?.counted).toEqual({ value: 100, coverage: 1, estimate: 100 });
    const poll = report?.exitPoll;
    expect(poll?.respondents).toBe(100);
    expect(poll?.declined).toBe(10);
    // putin: low = Wilson low of 10/100, high = Wilson high of (10 + 10 declined)/100.
    expect(poll?.answers.putin?.share).toBe(0.1);
    expect(poll?.answers.putin?.low).toBeCloseTo(0.05523, 4);
    expect(poll?.answers.putin?.high).toBeCloseTo(0.28883, 4);
    // Official 90/200 = 0.45 is below davankov's low (0.711), 100/200 = 0.5 above putin's high (0.289);
    // invalid's 10/200 = 0.05 is within [0, 0.174]. 200 ballots > 1.1 × 100 + 10.
    expect(report?.flags).toEqual([
      { kind: 'outside-survey', answer: 'davankov' },
      { kind: 'outside-survey', answer: 'putin' },
      { kind: 'more-ballots-than-counted' },
    ]);
  });

  it('flags more respondents for an answer than its official votes, with declined = 0', () => {
    const [report] = buildReport(
      election,
      [
        input('8268', {
          official: { ballots: 100, votes: { davankov: 20, putin: 70, invalid: 10 } },
          answers: { davankov: 30 },
        }),
      ],
      { exitPollPublished: true },
    ).stations;
    const poll = report?.exitPoll;
    expect(poll?.declined).toBe(0);
    expect(poll?.answers.declined).toEqual({ count: 0, share: 0, low: 0, high: expect.closeTo(0.11352, 4) });
    // 30 of 30: low 0.8865, high 1; putin 0 of 30: high 0.1135 (nobody declined, so nothing is added).
    expect(poll?.answers.davankov?.low).toBeCloseTo(0.88652, 4);
    expect(poll?.answers.davankov?.high).toBe(1);
    expect(poll?.answers.putin?.high).toBeCloseTo(0.11352, 4);
    // 30 − 20 = 10 > max(5, 1.5). No count at all: no ballot flag, and the counted figures are null, not 0.
    expect(report?.flags).toEqual([
      { kind: 'outside-survey', answer: 'davankov' },
      { kind: 'outside-survey', answer: 'putin' },
      { kind: 'contradiction', answer: 'davankov' },
    ]);
    expect(report?.counted).toEqual({ value: null, coverage: null, estimate: null });
  });

  it('flags volunteers who disagree, and gives no estimate below half coverage', () => {
    const [report] = buildReport(
      election,
      [
        input('8269', {
          taps: [...taps('a', 10, '08:01'), ...taps('b', 20, '08:02')],
          shifts: [shift('a', '08:00', '08:15'), shift('b', '08:00', '08:15')],
        }),
      ],
      { exitPollPublished: true },
    ).stations;
    // 20 − 10 = 10 > max(3, 20% of 15); the bucket counts the median, 15; 15 of 720 minutes covered.
    expect(report?.counted).toEqual({ value: 15, coverage: 15 / 720, estimate: null });
    expect(report?.flags).toEqual([{ kind: 'counts-disagree' }]);
    expect(report?.official).toBeNull();
    expect(report?.exitPoll).toBeNull();
  });

  it('gives one respondent wide bounds', () => {
    const [report] = buildReport(election, [input('8270', { answers: { putin: 1 } })], {
      exitPollPublished: true,
    }).stations;
    expect(report?.exitPoll?.respondents).toBe(1);
    expect(report?.exitPoll?.answers.putin).toEqual({
      count: 1,
      share: 1,
      low: expect.closeTo(0.20654, 4),
      high: 1,
    });
    expect(report?.exitPoll?.answers.davankov).toEqual({
      count: 0,
      share: 0,
      low: 0,
      high: expect.closeTo(0.79346, 4),
    });
    expect(report?.flags).toEqual([]);
  });

  it('counts paper tallies spread over the hours they cover', () => {
    const report = buildReport(
      election,
      [
        input('8271', { tallies: [tally('p', '08:00', '10:00', 80)] }),
        input('8272', { tallies: [tally('q', '08:00', '20:00', 480)] }),
      ],
      { exitPollPublished: true },
    );
    expect(report.stations.map((s) => s.counted)).toEqual([
      { value: 80, coverage: 120 / 720, estimate: null },
      { value: 480, coverage: 1, estimate: 480 },
    ]);
    expect(report.totals.counted).toBe(560);
  });

  it('hides the exit poll and the flags that would tell it, keeping the rest', () => {
    const report = buildReport(election, [belgrade, input('8268')], { exitPollPublished: false });
    expect(report.exitPollPublished).toBe(false);
    expect(report.stations[0]?.exitPoll).toBeNull();
    expect(report.stations[0]?.flags).toEqual([{ kind: 'more-ballots-than-counted' }]);
    expect(report.totals.exitPoll).toBeNull();
    expect(report.totals.official).toEqual({
      ballots: 200,
      votes: { davankov: 90, putin: 100, invalid: 10 },
    });
    expect(report.totals.flagged).toBe(1);
    // A station with nothing at all: null figures, never zeros.
    expect(report.stations[1]).toEqual({
      station: '8268',
      country: 'RS',
      city: 'City 8268',
      counted: { value: null, coverage: null, estimate: null },
      official: null,
      exitPoll: null,
      flags: [],
      excluded: 0,
    });
  });

  it('sums the exit poll over all stations', () => {
    const report = buildReport(
      election,
      [
        input('1', { answers: { putin: 3, declined: 1 } }),
        input('2', { answers: { putin: 1, davankov: 5 } }),
      ],
      { exitPollPublished: true },
    );
    expect(report.totals.exitPoll?.respondents).toBe(10);
    expect(report.totals.exitPoll?.answers.putin?.share).toBe(0.4);
  });
});

describe('exitPollPublic', () => {
  // New York is on summer time (UTC−4) from 10 March 2024: its 20:00 is midnight UTC, the last close.
  const stations = [station('1', 'Asia/Tokyo'), station('2', 'America/New_York'), station('3')];

  it('waits for the last station to close in its own time zone', () => {
    expect(exitPollPublic(stations, Date.parse('2024-03-17T23:59:59Z'))).toBe(false);
    expect(exitPollPublic(stations, Date.parse('2024-03-18T00:00:00Z'))).toBe(true);
  });

  it('publishes nothing for an election with no stations', () => {
    expect(exitPollPublic([], Date.now())).toBe(false);
  });
});
