import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';

// Through the built bin, on a real SQLite file, with the shipped pres-2024 election: two paper tallies at one
// door that disagree, reviewed side by side, one excluded from the report and counted again.

const STATIONS = [
  'station,country,city,address,timezone,lat,lon,days,opens,closes',
  '8267,RS,Belgrade,,Europe/Belgrade,,,2024-03-17,,',
].join('\n');
// Both watched 08:00–08:30 in Belgrade: Anna 30 (15 a bucket), Boris 60 (30 a bucket): they disagree.
// Anna's sheet starts a minute before opening, so she is tally 1 (the order of their first interval); her 30
// people still spread over the open minutes only.
const TALLIES = [
  'station,door,volunteer,from,to,count',
  '8267,main,Anna,2024-03-17T07:59+01:00,2024-03-17T08:30+01:00,30',
  '8267,main,Boris,2024-03-17T08:00+01:00,2024-03-17T08:30+01:00,60',
].join('\n');

describe('sobesednik count review and exclude', { timeout: 240_000 }, () => {
  it('shows the tallies side by side, excludes one from the report, and counts it again with --undo', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-count-review-'));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'count.db')}` };
    const file = (name: string, content: string) => {
      writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    const cli = (...args: string[]) => runCli(['count', ...args, '--election', 'pres-2024'], { env });
    expect((await cli('stations', 'import', file('s.csv', STATIONS))).code).toBe(0);
    expect((await cli('tallies', 'import', file('t.csv', TALLIES))).code).toBe(0);

    const table = await cli('review', '--station', '8267');
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe(
      'pres-2024, station 8267: 2 volunteers, 2 bucket(s) where they disagree, 0 excluded (times Europe/Belgrade)',
    );
    expect(lines[2]).toMatch(/^bucket\s+door\s+1\s+2\s+median$/);
    expect(lines[3]).toMatch(/^17\/03 08:00–08:15\s+main\s+15\s+30\s+22\.5\s+DISAGREE$/);
    expect(lines[4]).toMatch(/^17\/03 08:15–08:30\s+main\s+15\s+30\s+22\.5\s+DISAGREE$/);
    // Names written on paper are never printed, only the keyed pseudonym that serves as the handle.
    expect(table.stdout).not.toMatch(/Anna|Boris/);

    const review = JSON.parse((await cli('review', '--station', '8267', '--json')).stdout);
    const boris = review.volunteers.find((v: { counted: number }) => v.counted === 60);
    const excluded = await cli('exclude', '--station', '8267', '--volunteer', boris.id);
    expect(excluded.stdout).toBe(
      `volunteer ${boris.label} at station 8267: excluded from the figures (their data is kept; --undo counts it again)\n`,
    );
    const report = JSON.parse((await cli('report', '--json')).stdout);
    expect(report.stations[0]).toMatchObject({ counted: { value: 30 }, excluded: 1, flags: [] });
    expect(report.totals.stationsWithExclusions).toBe(1);
    expect((await cli('report')).stdout).toContain(
      "a coordinator excluded volunteers' data from the figures at: 8267 (1)",
    );
    const after = await cli('review', '--station', '8267');
    expect(after.stdout).toMatch(/^17\/03 08:00–08:15\s+main\s+15\s+30\s+15$/m);
    expect(after.stdout).toMatch(/exclusion log:\n\s+\d\d\/\d\d \d\d:\d\d\s+2\s+excluded\s+admin \(cli\)/);

    const undone = await cli('exclude', '--station', '8267', '--volunteer', boris.id, '--undo', '--json');
    expect(JSON.parse(undone.stdout)).toMatchObject({
      ok: true,
      volunteer: { excluded: false },
      log: [{ excluded: true }, { excluded: false, by: 'admin (cli)' }],
    });
    const back = JSON.parse((await cli('report', '--json')).stdout);
    expect(back.stations[0]).toMatchObject({ counted: { value: 45 }, excluded: 0 });

    const unknown = await cli('exclude', '--station', '8267', '--volunteer', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no volunteer 'nobody' has data at station 8267/);
    const noStation = await cli('review', '--station', '9999', '--json');
    expect(JSON.parse(noStation.stdout).error).toMatch(/no station 9999 in 'pres-2024'/);
  });
});
