import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadElections } from '../../catalogue/load.js';
import { createCounting } from '../../count/counting.js';
import { createForms } from '../../count/forms.js';
import { openStore } from '../../store/open-store.js';
import { runCli } from '../../test-support/cli.js';
import { defaultFormsFolder, parseFormCount } from './forms.js';

// `count exitpoll codes` through the built bin, as a coordinator runs it: pages of cards written to a folder,
// the codes and their links on stdout with --json, each one a form a voter can answer once.

let dir: string;
let env: NodeJS.ProcessEnv;
const cli = (args: string[]) => runCli(['count', ...args], { env, cwd: dir });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-forms-'));
  env = {
    DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
    SOBESEDNIK_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'https://count.example.org',
  };
  writeFileSync(
    path.join(dir, 'stations.csv'),
    'station,country,city,address,timezone,lat,lon,days,opens,closes\n8267,RS,Belgrade,,Europe/Belgrade,,,,,\n',
  );
  expect((await cli(['stations', 'import', 'stations.csv', '--election', 'pres-2024'])).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('count exitpoll codes', () => {
  it('writes A4 pages of cards into exitpoll-forms-<station>/ and says where', async () => {
    const result = await cli([
      'exitpoll',
      'codes',
      '--election',
      'pres-2024',
      '--station',
      '8267',
      '--n',
      '25',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = path.join(dir, 'exitpoll-forms-8267');
    expect(readdirSync(folder).sort()).toEqual(['forms-01.svg', 'forms-02.svg', 'forms-03.svg']);
    expect(result.stdout).toContain('25 single-use exit-poll forms for station 8267 of pres-2024');
    expect(result.stdout).toContain(`on 3 A4 pages (12 cards a page) in ${folder}`);
    const last = readFileSync(path.join(folder, 'forms-03.svg'), 'utf8');
    expect(last.match(/class="card"/g)).toHaveLength(1);

    // Running it again would overwrite pages whose codes exist nowhere else.
    const again = await cli([
      'exitpoll',
      'codes',
      '--election',
      'pres-2024',
      '--station',
      '8267',
      '--n',
      '5',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds forms-\*\.svg pages/);
  });

  it('prints the codes, their links and the pages with --json, and each code answers once', async () => {
    const out = path.join(dir, 'json-run');
    const args = ['--election', 'pres-2024', '--station', '8267', '--n', '2', '--out', out, '--json'];
    const result = await cli(['exitpoll', 'codes', ...args]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { codes: { code: string; url: string }[]; pages: string[] };
    expect(printed.pages).toEqual([path.join(out, 'forms-01.svg')]);
    expect(printed.codes).toHaveLength(2);
    for (const { code, url } of printed.codes)
      expect(url).toBe(`https://count.example.org/count/form#${code}`);

    const store = await openStore(env.DATABASE_URL ?? '');
    try {
      const counting = createCounting({ storage: store.count, shipped: loadElections });
      const forms = createForms({ counting, storage: store.count });
      const code = printed.codes[0]?.code ?? '';
      expect(await forms.answer({ code, answer: 'davankov' })).toEqual({ ok: true });
      expect(await forms.answer({ code, answer: 'davankov' })).toEqual({ ok: false, reason: 'used' });
      counting.close();
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown election or station, and a count out of range, with one clear line', async () => {
    const run = (extra: string[]) => cli(['exitpoll', 'codes', '--out', path.join(dir, 'refused'), ...extra]);
    const noElection = await run(['--election', 'nope', '--station', '8267', '--n', '3', '--json']);
    expect(noElection.code).toBe(1);
    expect(JSON.parse(noElection.stdout)).toEqual({
      error: "unknown election 'nope' (add it with: sobesednik count election add FILE.yaml)",
    });
    const noStation = await run(['--election', 'pres-2024', '--station', '1', '--n', '3']);
    expect(noStation.stderr).toBe(
      "sobesednik: pres-2024 has no station '1' (see: sobesednik count stations --election pres-2024)\n",
    );
    // Nothing was left behind for a command that made nothing.
    expect(existsSync(path.join(dir, 'refused'))).toBe(false);
    const tooMany = await run(['--election', 'pres-2024', '--station', '8267', '--n', '2001']);
    expect(tooMany.stderr).toBe("sobesednik: --n must be a whole number from 1 to 2000, not '2001'\n");
  });

  it('reads --n strictly and names a folder after any station', () => {
    expect(parseFormCount('2000')).toBe(2000);
    for (const bad of [undefined, '0', '2001', '1.5', '-3', 'ten'])
      expect(() => parseFormCount(bad), String(bad)).toThrow(/--n/);
    expect(defaultFormsFolder('8267')).toBe('exitpoll-forms-8267');
    expect(defaultFormsFolder('../Варна 1')).toBe('exitpoll-forms-..-Варна-1');
  });
});
