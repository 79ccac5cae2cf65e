import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';

// Through the built bin, on a real SQLite file, with the shipped pres-2024 election: the official results, the
// paper tallies and Vote Abroad's exit poll imported, refused with their problems, imported again, and reported.
const SLOW = { timeout: 240_000 };

const STATIONS = [
  'station,country,city,address,timezone,lat,lon,days,opens,closes',
  '8267,RS,Belgrade,,Europe/Belgrade,,,2024-03-17,,',
  '8030,DE,Berlin,,Europe/Berlin,,,2024-03-17,,',
].join('\n');
const OFFICIAL = [
  'station,ballots,davankov,kharitonov,putin,slutsky,invalid',
  '8267,1000,100,20,800,30,50',
  '8030,900,300,10,500,40,50',
].join('\n');
// Anna watched the whole day at Belgrade's main door on paper: 12 hours, 480 people.
const TALLIES = [
  'station,door,volunteer,from,to,count',
  '8267,main,Anna Petrova,2024-03-17T08:00+01:00,2024-03-17T20:00+01:00,480',
].join('\n');
const VA_HEADER =
  'voting_station,country,city,data_source,volunteer,timestamp,gender,age,abroad,eta,trust,candidate,candidate_is_na,candidate_is_davankov,candidate_is_putin,candidate_is_slutsky,candidate_is_kharitonov,candidate_is_ballot_invalidated,candidate_is_ballot_removed';
const respondent = (station: string, time: string, candidate: number) =>
  `${station},RS,Belgrade,paper,Ivan,2024-03-17 ${time},female,34,,,,${candidate},0,0,0,0,0,0,0`;
// 8 for Davankov, 1 for Putin, 1 declined.
const VOTE_ABROAD = [
  VA_HEADER,
  ...Array.from({ length: 8 }, (_, i) => respondent('8267', `09:0${i}:00`, 1)),
  respondent('8267', '10:00:00', 2),
  respondent('8267', '10:30:00', 0),
].join('\n');

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-count-results-'));
  const env = { DATABASE_URL: `sqlite:${path.join(dir, 'count.db')}` };
  const file = (name: string, content: string) => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };
  const cli = (...args: string[]) => runCli(['count', ...args, '--election', 'pres-2024'], { env });
  return { file, cli, db: path.join(dir, 'count.db') };
}

async function withStations() {
  const s = setup();
  const imported = await s.cli('stations', 'import', s.file('s.csv', STATIONS));
  expect(imported.stderr).toBe('');
  return s;
}

describe('sobesednik count official, tallies, exitpoll import and report', SLOW, () => {
  it('imports all three, and a second import of the same files changes no figure', async () => {
    const s = await withStations();
    const files = {
      official: s.file('o.csv', OFFICIAL),
      tallies: s.file('t.csv', TALLIES),
      exitpoll: s.file('va.csv', VOTE_ABROAD),
    };
    const importAll = async () => {
      expect(await s.cli('official', 'import', files.official)).toMatchObject({ code: 0, stderr: '' });
      expect(await s.cli('tallies', 'import', files.tallies)).toMatchObject({ code: 0, stderr: '' });
      const poll = await s.cli('exitpoll', 'import', files.exitpoll, '--format', 'voteabroad', '--json');
      expect(JSON.parse(poll.stdout)).toEqual({ election: 'pres-2024', stations: 1, rows: 10 });
      const report = await s.cli('report', '--json');
      expect(report.code).toBe(0);
      return JSON.parse(report.stdout);
    };
    const first = await importAll();
    const belgrade = first.stations.find((st: { station: string }) => st.station === '8267');
    expect(belgrade.counted).toEqual({ value: 480, coverage: 1, estimate: 480 });
    expect(belgrade.official).toEqual({
      ballots: 1000,
      votes: { davankov: 100, kharitonov: 20, putin: 800, slutsky: 30, invalid: 50 },
    });
    expect(belgrade.exitPoll).toMatchObject({ respondents: 10, declined: 1 });
    expect(belgrade.exitPoll.answers.davankov).toMatchObject({ count: 8, share: 0.8 });
    // 1000 ballots > 1.1 × 480 + 10 counted at full coverage; the official 10% and 80% are far outside the poll.
    expect(belgrade.flags).toEqual([
      { kind: 'outside-survey', answer: 'davankov' },
      { kind: 'outside-survey', answer: 'putin' },
      { kind: 'more-ballots-than-counted' },
    ]);
    expect(first.totals.official.ballots).toBe(1900);
    // The label on the paper is never in the output, nor in the database, where only a keyed pseudonym is.
    expect(JSON.stringify(first)).not.toContain('Anna');
    const disk = [s.db, `${s.db}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    expect(disk.join('')).toContain('8267');
    expect(disk.join('')).not.toContain('Anna Petrova');

    expect(await importAll()).toEqual(first);

    const text = await s.cli('report');
    expect(text.stdout).toMatch(/station\s+country\s+city\s+counted\s+coverage/);
    expect(text.stdout).toMatch(
      /8267\s+RS\s+Belgrade\s+480\s+100%\s+480\s+1000\s+10\s+10%\s+80% \(49–98%\) \/ 10%/,
    );
  });

  it('refuses a file with unknown stations, negative counts or answers the election lacks, importing nothing', async () => {
    const s = await withStations();
    const official = s.file(
      'bad.csv',
      [
        'station,ballots,davankov,kharitonov,putin,slutsky,invalid',
        '8267,1000,100,20,800,30,50',
        '9999,10,1,1,1,1,1',
        '8030,-5,1,1,1,1,1',
      ].join('\n'),
    );
    const refused = await s.cli('official', 'import', official);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        `${official}:3: station: 9999 is not a station of pres-2024`,
        `${official}:4: ballots: expected a whole number ≥ 0, found -5`,
        `sobesednik: 2 problems in ${official}; nothing was imported`,
      ]),
    );
    const extra = s.file(
      'extra.csv',
      'station,ballots,davankov,kharitonov,putin,slutsky,invalid,navalny\n8267,1,0,0,1,0,0,0\n',
    );
    const column = await s.cli('official', 'import', extra, '--json');
    expect(column.code).toBe(1);
    expect(JSON.parse(column.stdout).problems[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('navalny is not an answer'),
    });

    const tallies = s.file(
      'bad-t.csv',
      [
        'station,door,volunteer,from,to,count',
        '8267,main,A,2024-03-17T10:00+01:00,2024-03-17T09:00+01:00,5',
        '8267,,A,2024-03-17 10:00,2024-03-17T11:00Z,-1',
      ].join('\n'),
    );
    const badTallies = await s.cli('tallies', 'import', tallies);
    expect(badTallies.stderr).toContain(`${tallies}:2: to: expected a time after from`);
    expect(badTallies.stderr).toContain(`${tallies}:3: from: expected an ISO-8601 time with an offset`);
    expect(badTallies.stderr).toContain(`${tallies}:3: count: expected a whole number ≥ 0, found -1`);

    const poll = s.file(
      'bad-va.csv',
      [
        VA_HEADER,
        respondent('8267', '09:00:00', 1),
        respondent('1234', '09:00:00', 1),
        respondent('8267', '09:00:00', 9),
      ].join('\n'),
    );
    const badPoll = await s.cli('exitpoll', 'import', poll, '--format', 'voteabroad');
    expect(badPoll.stderr).toContain(`${poll}:3: voting_station: 1234 is not a station of pres-2024`);
    expect(badPoll.stderr).toContain(`${poll}:4: candidate: expected a code from 0 to 6, found 9`);
    expect(badPoll.stderr).not.toMatch(/\n\s+at /);

    const report = JSON.parse((await s.cli('report', '--json')).stdout);
    for (const station of report.stations) {
      expect(station.official).toBeNull();
      expect(station.exitPoll).toBeNull();
      expect(station.counted.value).toBeNull();
    }
  });

  it('asks for the format of an exit poll, and for a known election', async () => {
    const s = setup();
    const missing = await s.cli('exitpoll', 'import', s.file('va.csv', VOTE_ABROAD));
    expect(missing.stderr).toContain('--format voteabroad');
    const unknown = await runCli(['count', 'report', '--election', 'nope'], {
      env: { DATABASE_URL: `sqlite:${path.join(tmpdir(), `sobesednik-${process.pid}-none.db`)}` },
    });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown election 'nope'");
  });
});
