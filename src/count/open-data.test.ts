import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openElection, testStation } from '../test-support/count.js';
import { csvField, toCsv } from './csv-write.js';
import {
  buildOpenData,
  DEFAULT_LICENCE,
  OPEN_DATA_TABLES,
  OPEN_DATA_VERSION,
  type OpenDataOptions,
  type OpenDataStation,
  openDataCsv,
} from './open-data.js';
import { buildReport } from './report.js';
import type { AnswerRow } from './storage.js';

// The open data on a small case worked out by hand: one station open 08:00–10:00 UTC, two volunteers at the main
// door and a paper tally at the side door, a queue, the exit poll and the official figures.

const election = {
  ...openElection('test-open'),
  days: ['2024-03-17'],
  hours: { opens: '08:00', closes: '10:00' },
};
const at = (time: string) => Date.parse(`2024-03-17T${time}:00Z`);
const station = testStation(election, '8267', { city: 'Herceg Novi, "Old town"', lat: 42.45, lon: 18.53 });

const taps = (volunteer: string, times: string[]) => [{ volunteer, door: 'main', at: times.map(at) }];

const input: OpenDataStation = {
  station,
  // Anna taps 3 then 2, Boris 5 then 2: the medians are 4 and 2.
  taps: [
    ...taps('anna', ['08:01', '08:02', '08:03', '08:20', '08:21']),
    ...taps('boris', ['08:01', '08:02', '08:03', '08:04', '08:05', '08:16', '08:17']),
  ],
  shifts: [
    { volunteer: 'anna', door: 'main', from: at('08:00'), to: at('08:30') },
    { volunteer: 'boris', door: 'main', from: at('08:00'), to: at('08:30') },
  ],
  // 10 people over 45 minutes at the side door: 10/3 a bucket.
  tallies: [{ volunteer: 'hash-of-vera', door: 'side', from: at('08:00'), to: at('08:45'), count: 10 }],
  official: { ballots: 40, votes: { a: 35, invalid: 5 } },
  queues: [{ at: at('08:10'), people: 25, waitMinutes: 30 }],
};

const answers: AnswerRow[] = [
  { station: '8267', bucket: at('08:15'), answer: 'declined', source: 'volunteers', respondents: 1 },
  { station: '8267', bucket: at('08:00'), answer: 'a', source: 'voteabroad', respondents: 3 },
  { station: '8267', bucket: at('08:00'), answer: 'a', source: 'volunteers', respondents: 2 },
  { station: '8267', bucket: at('08:00'), answer: 'gone', source: 'volunteers', respondents: 9 },
  { station: '9999', bucket: at('08:00'), answer: 'a', source: 'volunteers', respondents: 9 },
];

const options = (overrides: Partial<OpenDataOptions> = {}): OpenDataOptions => ({
  exitPollPublished: true,
  closesAt: at('10:00'),
  generatedAt: at('12:00'),
  licence: DEFAULT_LICENCE,
  url: 'https://count.example.org/api/count/elections/test-open/export.json',
  ...overrides,
});

describe('buildOpenData', () => {
  const data = buildOpenData(election, [input], answers, options());

  it('gives the 15-minute counts per door, median and spread tally, summing to the report counted', () => {
    expect(data.tables.counts).toEqual([
      {
        station: '8267',
        door: 'main',
        bucket_start: '2024-03-17T08:00:00.000Z',
        bucket_end: '2024-03-17T08:15:00.000Z',
        count: 4,
        covered_minutes: 15,
        volunteers: 2,
      },
      {
        station: '8267',
        door: 'main',
        bucket_start: '2024-03-17T08:15:00.000Z',
        bucket_end: '2024-03-17T08:30:00.000Z',
        count: 2,
        covered_minutes: 15,
        volunteers: 2,
      },
      ...['08:00', '08:15', '08:30'].map((start, i) => ({
        station: '8267',
        door: 'side',
        bucket_start: `2024-03-17T${start}:00.000Z`,
        bucket_end: `2024-03-17T${['08:15', '08:30', '08:45'][i]}:00.000Z`,
        count: 3.33,
        covered_minutes: 15,
        volunteers: 1,
      })),
    ]);
    const report = buildReport(election, [{ ...input, answers: {} }], { exitPollPublished: true });
    const summed = data.tables.counts.reduce((sum, row) => sum + Number(row.count), 0);
    expect(report.stations[0]?.counted.value).toBeCloseTo(16, 9);
    expect(summed).toBeCloseTo(16, 1);
  });

  it('lists the station, the queue and the official figures as imported', () => {
    expect(data.tables.stations).toEqual([
      {
        station: '8267',
        country: 'RS',
        city: 'Herceg Novi, "Old town"',
        address: null,
        timezone: 'UTC',
        lat: 42.45,
        lon: 18.53,
        days: '2024-03-17',
        opens: '08:00',
        closes: '10:00',
      },
    ]);
    expect(data.tables.queues).toEqual([
      { station: '8267', at: '2024-03-17T08:10:00.000Z', people: 25, wait_minutes: 30 },
    ]);
    expect(data.tables.official).toEqual([{ station: '8267', ballots: 40, a: 35, invalid: 5 }]);
  });

  it("gives the answers per bucket and source in the election's order, without answers it does not have", () => {
    expect(data.tables.answers).toEqual([
      {
        station: '8267',
        bucket_start: '2024-03-17T08:00:00.000Z',
        answer: 'a',
        respondents: 2,
        source: 'volunteers',
      },
      {
        station: '8267',
        bucket_start: '2024-03-17T08:00:00.000Z',
        answer: 'a',
        respondents: 3,
        source: 'voteabroad',
      },
      {
        station: '8267',
        bucket_start: '2024-03-17T08:15:00.000Z',
        answer: 'declined',
        respondents: 1,
        source: 'volunteers',
      },
    ]);
    expect(data.readme).toContain('The exit-poll answers are included');
  });

  it('withholds the answers before the last station closes, and the README says so and until when', () => {
    const early = buildOpenData(
      election,
      [input],
      answers,
      options({ exitPollPublished: false, generatedAt: at('09:00') }),
    );
    expect(early.exitPollPublished).toBe(false);
    expect(early.tables.answers).toEqual([]);
    expect(early.readme).toContain('exit-poll answers are withheld');
    expect(early.readme).toContain('2024-03-17T10:00:00.000Z');
    expect(openDataCsv(early, 'answers')).toBe('station,bucket_start,answer,respondents,source\n');
    // A coordinator's early export says it is not for publication.
    const privileged = buildOpenData(election, [input], answers, options({ generatedAt: at('09:00') }));
    expect(privileged.tables.answers).toHaveLength(3);
    expect(privileged.readme).toContain('do not publish it before then');
  });

  it('makes the CSV headers, the JSON keys and the README from one description of the columns', () => {
    for (const table of OPEN_DATA_TABLES) {
      const names = data.schema[table].map((c) => c.name);
      const csv = openDataCsv(data, table);
      expect(csv.split('\n')[0]).toBe(names.join(','));
      for (const row of data.tables[table]) expect(Object.keys(row)).toEqual(names);
      expect(data.readme).toContain(`### ${table}.csv`);
      for (const column of data.schema[table])
        expect(data.readme).toContain(`| ${column.name} | ${column.type} |`);
      // Parsed back, every CSV gives the JSON rows (as text, empty for null).
      const parsed = parse(csv, { columns: true }) as Record<string, string>[];
      expect(parsed).toEqual(
        data.tables[table].map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)])),
        ),
      );
    }
    expect(data.schema.official.map((c) => c.name)).toEqual(['station', 'ballots', 'a', 'invalid']);
  });

  it('states the version, licence, how to cite and the changelog', () => {
    expect(data.version).toBe(OPEN_DATA_VERSION);
    expect(data.readme).toContain(`Dataset format version: ${OPEN_DATA_VERSION}`);
    expect(data.readme).toContain('Licence: CC BY 4.0');
    expect(data.readme).toContain('## How to cite');
    expect(data.readme).toContain('https://count.example.org/api/count/elections/test-open/export.json');
    expect(data.readme).toMatch(/## Changelog\n\n- 1\.0\.0 \(/);
    expect(data.readme).toContain('Generated: 2024-03-17T12:00:00.000Z');
  });

  it('names no volunteer and no tally label anywhere', () => {
    const text = JSON.stringify(data) + OPEN_DATA_TABLES.map((t) => openDataCsv(data, t)).join('');
    for (const secret of ['anna', 'boris', 'hash-of-vera']) expect(text).not.toContain(secret);
  });
});

describe('toCsv', () => {
  it('quotes only what must be quoted, doubles quotes, leaves null empty, ends lines with LF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3.25)).toBe('3.25');
    const text = toCsv(
      ['x', 'y'],
      [
        ['Белград', null],
        ['a\r\nb', 0],
      ],
    );
    expect(text).toBe('x,y\nБелград,\n"a\r\nb",0\n');
    expect(parse(text)).toEqual([
      ['x', 'y'],
      ['Белград', ''],
      ['a\r\nb', '0'],
    ]);
  });
});
