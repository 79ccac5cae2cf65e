import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';
import { writeFolder } from './export.js';

// `count export` through the built bin, on a real SQLite file with the shipped pres-2024 (closed in 2024, so the
// exit poll is public): the CSV folder and the JSON hold the same rows, a folder is never half-written or
// overwritten unasked, and no tally label or its pseudonym gets out.
const SLOW = { timeout: 240_000 };

const STATIONS = [
  'station,country,city,address,timezone,lat,lon,days,opens,closes',
  '8267,RS,Belgrade,"Bulevar, 1",Europe/Belgrade,44.8,20.46,2024-03-17,,',
  '8030,DE,Berlin,,Europe/Berlin,,,2024-03-17,,',
].join('\n');
const OFFICIAL = [
  'station,ballots,davankov,kharitonov,putin,slutsky,invalid',
  '8267,1000,100,20,800,30,50',
].join('\n');
// Anna Petrova watched Belgrade's main door 08:00–09:00 local on paper: 10 people, 2.5 a quarter hour.
const TALLIES = [
  'station,door,volunteer,from,to,count',
  '8267,main,Anna Petrova,2024-03-17T08:00+01:00,2024-03-17T09:00+01:00,10',
].join('\n');
const VOTE_ABROAD = [
  'voting_station,country,city,data_source,volunteer,timestamp,gender,age,abroad,eta,trust,candidate,candidate_is_na,candidate_is_davankov,candidate_is_putin,candidate_is_slutsky,candidate_is_kharitonov,candidate_is_ballot_invalidated,candidate_is_ballot_removed',
  '8267,RS,Belgrade,paper,Ivan Sidorov,2024-03-17 09:01:00,female,34,,,,1,0,0,0,0,0,0,0',
  '8267,RS,Belgrade,paper,Ivan Sidorov,2024-03-17 09:02:00,male,50,,,,0,0,0,0,0,0,0,0',
].join('\n');

async function setUp() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-count-export-'));
  const db = path.join(dir, 'count.db');
  const env = { DATABASE_URL: `sqlite:${db}`, PUBLIC_URL: 'https://count.example.org' };
  const file = (name: string, content: string) => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };
  const cli = (...args: string[]) => runCli(['count', ...args, '--election', 'pres-2024'], { env, cwd: dir });
  for (const args of [
    ['stations', 'import', file('s.csv', STATIONS)],
    ['official', 'import', file('o.csv', OFFICIAL)],
    ['tallies', 'import', file('t.csv', TALLIES)],
    ['exitpoll', 'import', file('va.csv', VOTE_ABROAD), '--format', 'voteabroad'],
  ])
    expect(await cli(...args)).toMatchObject({ code: 0, stderr: '' });
  return { dir, db, cli };
}

const readFolder = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));

describe('sobesednik count export', SLOW, () => {
  it('writes the CSV folder and the JSON with the same rows, a README, and nothing of who counted', async () => {
    const s = await setUp();
    const written = await s.cli('export', '--format', 'csv');
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(written.stdout).toContain('written to pres-2024-open-data');
    const folder = readFolder(path.join(s.dir, 'pres-2024-open-data'));
    expect(Object.keys(folder).sort()).toEqual([
      'README.md',
      'answers.csv',
      'counts.csv',
      'official.csv',
      'queues.csv',
      'stations.csv',
    ]);

    const printed = await s.cli('export', '--format', 'json');
    expect(printed.code).toBe(0);
    const data = JSON.parse(printed.stdout);
    expect(data).toMatchObject({ version: '1.0.0', election: 'pres-2024', exitPollPublished: true });
    // The same README but for the time each was generated.
    const undated = (readme: string) => readme.replace(/Generated: \S+/, '');
    expect(undated(data.readme)).toBe(undated(folder['README.md'] as string));
    for (const table of ['stations', 'counts', 'queues', 'answers', 'official']) {
      const text = folder[`${table}.csv`] as string;
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toContain('\r');
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      const asText = (row: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]));
      expect(rows).toEqual(data.tables[table].map(asText));
    }
    expect(data.tables.stations.map((r: { station: string }) => r.station)).toEqual(['8030', '8267']);
    expect(data.tables.stations[1]).toMatchObject({ station: '8267', address: 'Bulevar, 1', lat: 44.8 });
    expect(data.tables.counts.map((r: { count: number }) => r.count)).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(data.tables.answers).toEqual([
      {
        station: '8267',
        bucket_start: '2024-03-17T09:00:00.000Z',
        answer: 'davankov',
        respondents: 1,
        source: 'voteabroad',
      },
      {
        station: '8267',
        bucket_start: '2024-03-17T09:00:00.000Z',
        answer: 'declined',
        respondents: 1,
        source: 'voteabroad',
      },
    ]);
    expect(data.tables.official).toEqual([
      { station: '8267', ballots: 1000, davankov: 100, putin: 800, slutsky: 30, kharitonov: 20, invalid: 50 },
    ]);
    expect(folder['README.md']).toContain(
      'https://count.example.org/api/count/elections/pres-2024/export.json',
    );
    expect(folder['README.md']).toContain('CC BY 4.0');

    const stored = new Database(s.db, { readonly: true });
    const { volunteer } = stored.prepare('SELECT volunteer FROM count_tallies').get() as {
      volunteer: string;
    };
    stored.close();
    const everything = `${printed.stdout}${Object.values(folder).join('')}`;
    for (const secret of ['Anna', 'Petrova', 'Ivan', 'Sidorov', volunteer, 'female'])
      expect(everything).not.toContain(secret);
  });

  it('refuses a folder that exists, replaces an earlier export only when asked, and never a folder of other files', async () => {
    const s = await setUp();
    const out = path.join(s.dir, 'open');
    expect((await s.cli('export', '--format', 'csv', '--out', out)).code).toBe(0);
    const first = readFolder(out);

    const again = await s.cli('export', '--format', 'csv', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; give --replace');
    expect(readFolder(out)).toEqual(first);

    const replaced = await s.cli('export', '--format', 'csv', '--out', out, '--replace');
    expect(replaced).toMatchObject({ code: 0, stderr: '' });
    expect(Object.keys(readFolder(out)).sort()).toEqual(Object.keys(first).sort());

    const mine = path.join(s.dir, 'mine');
    mkdirSync(mine);
    writeFileSync(path.join(mine, 'thesis.docx'), 'years of work');
    const refused = await s.cli('export', '--format', 'csv', '--out', mine, '--replace', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error).toContain('not an export');
    expect(readFolder(mine)).toEqual({ 'thesis.docx': 'years of work' });

    const json = await s.cli('export', '--format', 'json', '--out', path.join(s.dir, 'as-json'), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ files: ['export.json'], version: '1.0.0' });
    expect(JSON.parse(readFileSync(path.join(s.dir, 'as-json', 'export.json'), 'utf8')).election).toBe(
      'pres-2024',
    );

    const nowhere = await s.cli(
      'export',
      '--format',
      'csv',
      '--out',
      path.join(s.dir, 'no', 'such', 'place'),
    );
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('cannot write into');
    expect(existsSync(path.join(s.dir, 'no'))).toBe(false);
    // No partial folder is left anywhere.
    expect(readdirSync(s.dir).filter((name) => name.includes('partial'))).toEqual([]);

    const noFormat = await s.cli('export');
    expect(noFormat.code).toBe(1);
    expect(noFormat.stderr).toContain('give --format csv or --format json');
    const unknown = await runCli(['count', 'export', '--election', 'no-such', '--format', 'csv'], {
      env: { DATABASE_URL: `sqlite:${s.db}` },
      cwd: s.dir,
    });
    expect(unknown.stderr).toContain("unknown election 'no-such'");
  });
});

// A vote in 2030: its exit poll is not public yet.
const FUTURE = `
id: test-2030
kind: referendum
title: { ru: "Тестовое голосование 2030", en: "Test vote 2030" }
days: [2030-05-10]
hours: { opens: "08:00", closes: "20:00" }
answers:
  - { id: "yes", ru: "Да", en: "Yes" }
  - { id: invalid, ru: "Недействительный бюллетень", en: "Spoiled ballot" }
  - { id: removed, ru: "Бюллетень унесён или испорчен", en: "Ballot taken away or destroyed" }
  - { id: declined, ru: "Не захотел отвечать", en: "Declined to answer" }
sources: [ { publisher: "Example", title: "Example decree", year: 2030, url: "https://example.org/decree" } ]
`;

describe('sobesednik count export before the polls close', SLOW, () => {
  it('withholds the exit poll unless --with-exit-poll is given, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-count-export-'));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'count.db')}` };
    const file = (name: string, content: string) => {
      writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    const cli = (...args: string[]) => runCli(['count', ...args], { env, cwd: dir });
    expect((await cli('election', 'add', file('e.yaml', FUTURE))).code).toBe(0);
    const stations =
      'station,country,city,address,timezone,lat,lon,days,opens,closes\n8267,RS,Belgrade,,Europe/Belgrade,,,,,';
    expect((await cli('stations', 'import', file('s.csv', stations), '--election', 'test-2030')).code).toBe(
      0,
    );
    const poll = `${VOTE_ABROAD.split('\n')[0]}\n8267,RS,Belgrade,paper,Ivan,2030-05-10 09:01:00,,,,,,0,0,0,0,0,0,0,0`;
    const imported = await cli(
      'exitpoll',
      'import',
      file('va.csv', poll),
      '--election',
      'test-2030',
      '--format',
      'voteabroad',
    );
    expect(imported).toMatchObject({ code: 0, stderr: '' });

    const withheld = await cli('export', '--election', 'test-2030', '--format', 'csv');
    expect(withheld.stdout).toContain('the exit-poll answers are withheld until the last station closes');
    const folder = readFolder(path.join(dir, 'test-2030-open-data'));
    expect(folder['answers.csv']).toBe('station,bucket_start,answer,respondents,source\n');
    expect(folder['README.md']).toContain('2030-05-10T18:00:00.000Z');

    const early = JSON.parse(
      (await cli('export', '--election', 'test-2030', '--format', 'json', '--with-exit-poll')).stdout,
    );
    expect(early.tables.answers).toMatchObject([{ station: '8267', answer: 'declined', respondents: 1 }]);
    expect(early.readme).toContain('do not publish it before then');
  });
});

describe('writeFolder', () => {
  it('leaves neither the folder nor a partial one when a file cannot be written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-export-fail-'));
    const out = path.join(dir, 'export');
    // A NUL in a file name makes the second write fail after the first has succeeded.
    expect(() => writeFolder(out, { 'a.csv': 'x\n', 'b\0.csv': 'y\n' }, false)).toThrow(
      'nothing was written',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the earlier export when the new one cannot be written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-export-fail-'));
    const out = path.join(dir, 'export');
    writeFolder(out, { 'README.md': 'first\n' }, false);
    expect(() => writeFolder(out, { 'README.md': 'second\n', 'b\0.csv': 'y\n' }, true)).toThrow();
    expect(readdirSync(dir)).toEqual(['export']);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('first\n');
  });
});
