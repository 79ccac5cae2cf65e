import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Election } from './election.js';
import { DEFAULT_CONTENT_DIR, loadElections } from './load.js';
import { parseStations, type StationsResult } from './stations.js';

const election: Election = {
  id: 'pres-2024',
  kind: 'presidential',
  title: { ru: 'Выборы', en: 'Election' },
  days: ['2024-03-15', '2024-03-16', '2024-03-17'],
  hours: { opens: '08:00', closes: '20:00' },
  answers: ['davankov', 'invalid', 'removed', 'declined'].map((id) => ({ id, ru: id, en: id })),
  sources: [{ publisher: 'P', title: 'T', year: 2024, url: 'https://example.org' }],
};

const HEADER = 'station,country,city,address,timezone,lat,lon,days,opens,closes';
// Test data only: the address is made up.
const BELGRADE =
  '8267,RS,Belgrade,"Test Street 1, Belgrade",Europe/Belgrade,44.8,20.47,2024-03-15;2024-03-16;2024-03-17,08:00,20:00';

function csv(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function problemsOf(result: StationsResult) {
  return result.ok ? [] : result.problems;
}

describe('parseStations', () => {
  it('reads a full row', () => {
    expect(parseStations(csv(HEADER, BELGRADE), election)).toEqual({
      ok: true,
      stations: [
        {
          station: '8267',
          country: 'RS',
          city: 'Belgrade',
          address: 'Test Street 1, Belgrade',
          timezone: 'Europe/Belgrade',
          lat: 44.8,
          lon: 20.47,
          days: ['2024-03-15', '2024-03-16', '2024-03-17'],
          opens: '08:00',
          closes: '20:00',
        },
      ],
    });
  });

  it("fills the election's days and hours where a station leaves them out", () => {
    const result = parseStations(csv(HEADER, '8300,DE,Berlin,,Europe/Berlin,,,,,'), election);
    expect(result).toMatchObject({
      ok: true,
      stations: [
        { address: null, lat: null, lon: null, days: election.days, opens: '08:00', closes: '20:00' },
      ],
    });
  });

  it('reads bytes with the BOM Excel writes, and CRLF line ends', () => {
    const text = `\uFEFF${HEADER}\r\n${BELGRADE}\r\n8300,DE,Berlin,,Europe/Berlin,,,2024-03-17,09:00,\r\n`;
    const result = parseStations(new TextEncoder().encode(text), election);
    expect(result).toMatchObject({
      ok: true,
      stations: [
        { station: '8267' },
        { station: '8300', days: ['2024-03-17'], opens: '09:00', closes: '20:00' },
      ],
    });
  });

  it('keeps a quoted newline in the field and counts lines after it right', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [
        HEADER,
        '8267,RS,Belgrade,"Test Street 1,\nfloor 2",Europe/Belgrade,,,,,',
        '8300,DE,Berlin,,Mars/Olympus,,,,,',
      ];
      const result = parseStations(text.join(eol), election);
      expect(problemsOf(result)).toEqual([
        { line: 4, column: 'timezone', message: expect.stringContaining('Mars/Olympus') },
      ]);
    }
    const result = parseStations(
      csv(HEADER, '8267,RS,Belgrade,"Test Street 1,\nfloor 2",Europe/Belgrade,,,,,'),
      election,
    );
    expect(result).toMatchObject({ ok: true, stations: [{ address: 'Test Street 1,\nfloor 2' }] });
  });

  it('gives the line where a multi-line row starts', () => {
    const result = parseStations(
      csv(HEADER, '', '8267,XX,Belgrade,"one\ntwo\nthree",Europe/Belgrade,,,,,'),
      election,
    );
    expect(problemsOf(result)).toEqual([
      { line: 3, column: 'country', message: expect.stringContaining('XX') },
    ]);
  });

  it('refuses a wrong header as one problem naming the expected one', () => {
    const result = parseStations(csv('station;country;city', '8267;RS;Belgrade'), election);
    expect(problemsOf(result)).toEqual([{ line: 1, column: null, message: expect.stringContaining(HEADER) }]);
  });

  it('names every bad field with its line and column', () => {
    const result = parseStations(
      csv(
        HEADER,
        '8267,Serbia,Belgrade,,Europe/Belgrade,,,,,',
        '8268,RS,Belgrade,,CET+1,,,,,',
        '8269,RS,,,Europe/Belgrade,95,20.47,2024-03-18,8:00,',
        '8270,RS,Belgrade,,Europe/Belgrade,44.8,,,21:00,20:00',
      ),
      election,
    );
    expect(problemsOf(result)).toEqual([
      { line: 2, column: 'country', message: 'expected an ISO 3166-1 alpha-2 code such as RS, found Serbia' },
      {
        line: 3,
        column: 'timezone',
        message: 'expected an IANA time zone such as Europe/Belgrade, found CET+1',
      },
      { line: 4, column: 'city', message: 'is required' },
      { line: 4, column: 'lat', message: 'expected a latitude from -90 to 90, found 95' },
      {
        line: 4,
        column: 'days',
        message: '2024-03-18 is not a day of pres-2024 (2024-03-15, 2024-03-16, 2024-03-17)',
      },
      { line: 4, column: 'opens', message: 'expected HH:MM, found 8:00' },
      { line: 5, column: 'lon', message: 'lat and lon go together' },
      { line: 5, column: 'closes', message: 'expected a time after opens (21:00)' },
    ]);
  });

  it('refuses a station listed twice, naming the first line', () => {
    const result = parseStations(
      csv(HEADER, BELGRADE, '8300,DE,Berlin,,Europe/Berlin,,,,,', BELGRADE),
      election,
    );
    expect(problemsOf(result)).toEqual([
      { line: 4, column: 'station', message: '8267 is already on line 2' },
    ]);
  });

  it('refuses a row with too few fields, an unclosed quote and a stray one', () => {
    expect(problemsOf(parseStations(csv(HEADER, '8267,RS,Belgrade'), election))).toEqual([
      { line: 2, column: null, message: 'expected 10 fields, found 3' },
    ]);
    const berlin = '8300,DE,Berlin,,Europe/Berlin,,,,,';
    const unclosed = csv(HEADER, BELGRADE, '8267,RS,"Belgrade,,Europe/Belgrade,,,,,', berlin, berlin);
    expect(problemsOf(parseStations(unclosed, election))).toEqual([
      { line: 3, column: null, message: 'a quoted field on this line is never closed' },
    ]);
    const strayQuote = csv(HEADER, BELGRADE, '8267,RS,"Bel"grade,,Europe/Belgrade,,,,,');
    expect(problemsOf(parseStations(strayQuote, election))).toEqual([
      { line: 3, column: null, message: 'a quote inside a field must be doubled ("")' },
    ]);
  });

  it('refuses an empty file, a header alone, and binary garbage with a clear message', () => {
    const messages = (file: Uint8Array | string) =>
      problemsOf(parseStations(file, election)).map((p) => p.message);
    expect(messages('')).toEqual(['the file is empty']);
    expect(messages('\uFEFF\n\n')).toEqual(['the file is empty']);
    expect(messages(csv(HEADER))).toEqual(['no stations below the header']);
    expect(messages(new Uint8Array([0x73, 0x74, 0, 0xff]))).toEqual([
      'the file is binary (it holds NUL bytes), not a CSV text',
    ]);
    expect(messages(new Uint8Array([0x73, 0xff, 0xfe, 0x0a]))).toEqual(['the file is not UTF-8 text']);
  });

  it('refuses 10 MB of garbage quickly, and more than 10,000 stations', () => {
    const garbage = new Uint8Array(10 * 1024 * 1024).map((_, i) => (i * 7919) % 256);
    const started = performance.now();
    expect(problemsOf(parseStations(garbage, election))).toEqual([
      { line: null, column: null, message: 'the file is larger than 5 MB' },
    ]);
    expect(problemsOf(parseStations('x'.repeat(6 * 1024 * 1024), election))[0]?.message).toBe(
      'the file is larger than 5 MB',
    );
    expect(performance.now() - started).toBeLessThan(200);

    const rows = Array.from({ length: 10_001 }, (_, i) => `${i},RS,Belgrade,,Europe/Belgrade,,,,,`);
    expect(problemsOf(parseStations(csv(HEADER, ...rows), election))).toEqual([
      { line: null, column: null, message: 'more than 10000 stations' },
    ]);
  });
});

describe('the station lists shipped in content/guide/stations', () => {
  it('import whole, each against its election', () => {
    const folder = path.join(DEFAULT_CONTENT_DIR, 'guide', 'stations');
    const lists = readdirSync(folder).filter((name) => name.endsWith('.csv'));
    expect(lists).toContain('pres-2024.csv');
    for (const name of lists) {
      const shipped = loadElections().find((e) => `${e.id}.csv` === name);
      if (!shipped) throw new Error(`${name}: no election of that id`);
      const result = parseStations(readFileSync(path.join(folder, name)), shipped);
      expect(result.ok ? [] : result.problems, name).toEqual([]);
      // The commission numbers are unique.
      if (result.ok) expect(new Set(result.stations.map((s) => s.station)).size).toBe(result.stations.length);
    }
  });
});
