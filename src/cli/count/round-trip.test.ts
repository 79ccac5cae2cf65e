import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openingWindows } from '../../count/buckets.js';
import type { StoredEvent } from '../../count/events.js';
import { openStore } from '../../store/open-store.js';
import { runCli } from '../../test-support/cli.js';

// A coordinator's whole day at the scale of 2024, through the built bin on one SQLite file: 300 stations imported
// from CSV, 400,000 people counted by volunteers (written through the store as the counter's uploads are), the
// official results and Vote Abroad's exit poll imported, and the report read back. Every station's figure is known
// in advance, and three stations are built to part from the official count in the ways the flags name.

const ELECTION = 'pres-2024';
const DAY = '2024-03-17';
const STATIONS = 300;
const ENTRIES = 400_000;
const ZONES: [country: string, city: string, timezone: string][] = [
  ['RS', 'Belgrade', 'Europe/Belgrade'],
  ['GE', 'Tbilisi', 'Asia/Tbilisi'],
  ['US', 'New York', 'America/New_York'],
  ['IN', 'New Delhi', 'Asia/Kolkata'],
  ['AU', 'Sydney', 'Australia/Sydney'],
  ['AR', 'Buenos Aires', 'America/Argentina/Buenos_Aires'],
];

const numberOf = (i: number) => String(8000 + i);
/** People who came to station i: 400,000 shared out, the first stations one more. */
const cameTo = (i: number) => Math.floor(ENTRIES / STATIONS) + (i < ENTRIES % STATIONS ? 1 : 0);
const zoneOf = (i: number) => ZONES[i % ZONES.length] ?? ZONES[0];

// Station 0: twice as many ballots as people went in. Station 1: the poll is far from the official shares.
// Station 2: more respondents said Davankov than the official count credits him with. Station 3: two volunteers
// at one door whose counts differ. Every other station's official ballots equal its count, all for one answer.
const MORE_BALLOTS = 0;
const OUTSIDE = 1;
const CONTRADICTION = 2;
const DISAGREE = 3;

function officialRow(i: number): string {
  const n = cameTo(i);
  if (i === MORE_BALLOTS) return `${numberOf(i)},${2 * n},0,0,${2 * n},0,0`;
  if (i === OUTSIDE) {
    const davankov = Math.round(0.2 * n);
    const putin = Math.round(0.75 * n);
    return `${numberOf(i)},${n},${davankov},0,${putin},0,${n - davankov - putin}`;
  }
  if (i === CONTRADICTION) return `${numberOf(i)},${n},100,0,${n - 100},0,0`;
  return `${numberOf(i)},${n},0,0,${n},0,0`;
}

const VA_HEADER =
  'voting_station,country,city,data_source,volunteer,timestamp,gender,age,abroad,eta,trust,candidate,candidate_is_na,candidate_is_davankov,candidate_is_putin,candidate_is_slutsky,candidate_is_kharitonov,candidate_is_ballot_invalidated,candidate_is_ballot_removed';
function respondents(i: number, candidate: number, n: number): string[] {
  // 14:00 UTC is within 08:00–20:00 local at stations 1 (Tbilisi) and 2 (New York).
  return Array.from(
    { length: n },
    () => `${numberOf(i)},RS,Belgrade,paper,Ivan,${DAY} 14:00:00,,,,,,${candidate},0,0,0,0,0,0,0`,
  );
}

function event(kind: StoredEvent['kind'], at: number): StoredEvent {
  return {
    id: randomUUID(),
    kind,
    at,
    door: 'main',
    people: null,
    waitMinutes: null,
    target: null,
    answer: null,
    gender: null,
    age: null,
    flagged: false,
  };
}

/** One volunteer's shift over the whole opening and `taps` people spread evenly through it. */
function day(window: { from: number; to: number }, taps: number): StoredEvent[] {
  const span = window.to - window.from;
  return [
    event('shift-start', window.from),
    ...Array.from({ length: taps }, (_, k) =>
      event('entry', window.from + Math.floor(((k + 0.5) * span) / taps)),
    ),
    event('shift-end', window.to),
  ];
}

const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-round-trip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('count: import → count → report for 300 stations and 400,000 people', { timeout: 600_000 }, () => {
  it('reports every station as counted, flags exactly the stations built to part, and re-imports idempotently', async () => {
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'count.db')}` };
    const cli = (...args: string[]) => runCli(['count', ...args, '--election', ELECTION], { env });
    const file = (name: string, lines: string[]) => {
      const at = path.join(dir, name);
      writeFileSync(at, `${lines.join('\n')}\n`);
      return at;
    };

    const stationsCsv = file('stations.csv', [
      'station,country,city,address,timezone,lat,lon,days,opens,closes',
      ...Array.from({ length: STATIONS }, (_, i) => {
        const [country, city, timezone] = zoneOf(i) ?? [];
        return `${numberOf(i)},${country},${city},,${timezone},,,${DAY},,`;
      }),
    ]);
    expect(await cli('stations', 'import', stationsCsv)).toMatchObject({ code: 0, stderr: '' });

    const store = await openStore(env.DATABASE_URL);
    try {
      const stations = await store.count.stations(ELECTION);
      expect(stations).toHaveLength(STATIONS);
      for (const station of stations) {
        const i = Number(station.station) - 8000;
        const [window] = openingWindows(station);
        if (!window) throw new Error('a station without its day');
        const volunteers = i === DISAGREE ? 2 : 1;
        const codes = await store.count.createInvites({
          election: ELECTION,
          station: station.station,
          role: 'volunteer',
          expiresAt: Date.now() + 86_400_000,
          n: volunteers,
        });
        for (const [v, code] of codes.entries()) {
          const joined = await store.count.redeemInvite(code, Date.now());
          if (!joined.ok) throw new Error(`invite refused: ${joined.reason}`);
          // At the disagreeing station the second volunteer counts everyone twice.
          const events = day(window, cameTo(i) * (v === 1 ? 2 : 1));
          for (let k = 0; k < events.length; k += 5000)
            await store.count.addEvents(joined.joined, events.slice(k, k + 5000), Date.now());
        }
      }
    } finally {
      await store.close();
    }

    const official = file('official.csv', [
      'station,ballots,davankov,kharitonov,putin,slutsky,invalid',
      ...Array.from({ length: STATIONS }, (_, i) => officialRow(i)),
    ]);
    const poll = file('voteabroad.csv', [
      VA_HEADER,
      // Station 1: 80 Davankov, 15 Putin, 5 declined, against 20% and 75% officially.
      ...respondents(OUTSIDE, 1, 80),
      ...respondents(OUTSIDE, 2, 15),
      ...respondents(OUTSIDE, 0, 5),
      // Station 2: 300 said Davankov, and the official count gives him 100.
      ...respondents(CONTRADICTION, 1, 300),
    ]);
    const importAll = async () => {
      expect(await cli('official', 'import', official)).toMatchObject({ code: 0, stderr: '' });
      expect(await cli('exitpoll', 'import', poll, '--format', 'voteabroad')).toMatchObject({
        code: 0,
        stderr: '',
      });
      const report = await cli('report', '--json');
      expect(report).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(report.stdout);
    };

    const first = await importAll();
    expect(first.stations).toHaveLength(STATIONS);
    expect(first.exitPollPublished).toBe(true);
    for (const station of first.stations) {
      const i = Number(station.station) - 8000;
      // Two volunteers at one door all day: the median of two is their mean, so the day is (n + 2n) / 2.
      const value = i === DISAGREE ? 1.5 * cameTo(i) : cameTo(i);
      expect(station.counted, station.station).toEqual({ value, coverage: 1, estimate: value });
    }
    const kindsAt = (i: number) =>
      new Set(
        first.stations
          .find((s: { station: string }) => s.station === numberOf(i))
          .flags.map((f: { kind: string; answer?: string }) => `${f.kind}${f.answer ? `:${f.answer}` : ''}`),
      );
    const flagged = first.stations
      .filter((s: { flags: unknown[] }) => s.flags.length > 0)
      .map((s: { station: string }) => s.station)
      .sort();
    expect(flagged).toEqual([MORE_BALLOTS, OUTSIDE, CONTRADICTION, DISAGREE].map(numberOf));
    expect(kindsAt(MORE_BALLOTS)).toEqual(new Set(['more-ballots-than-counted']));
    expect(kindsAt(OUTSIDE)).toEqual(new Set(['outside-survey:davankov', 'outside-survey:putin']));
    expect(kindsAt(CONTRADICTION)).toContain('contradiction:davankov');
    expect(kindsAt(DISAGREE)).toContain('counts-disagree');
    const outside = first.stations.find((s: { station: string }) => s.station === numberOf(OUTSIDE));
    expect(outside.exitPoll).toMatchObject({ respondents: 100, declined: 5 });
    expect(first.totals.counted).toBe(ENTRIES + 0.5 * cameTo(DISAGREE));
    expect(first.totals.flagged).toBe(4);

    // The same files again: the same report, not doubled figures.
    expect(await importAll()).toEqual(first);
  });
});
