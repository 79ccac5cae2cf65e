import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDE_TOPICS } from '../../catalogue/guide.js';
import { jsonLines, runCli } from '../../test-support/cli.js';

// Through the built bin, as a voter or a volunteer answering questions in a chat would use it.

describe('sobesednik guide', { timeout: 60_000 }, () => {
  it('lists the topics in the spec order, and shows one with its sources for one election', async () => {
    const list = await runCli(['guide', 'topics', '--lang', 'en', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((t: { id: string }) => t.id)).toEqual([...GUIDE_TOPICS]);

    const json = await runCli([
      'guide',
      'topic',
      'documents',
      '--lang',
      'en',
      '--election',
      'pres-2024',
      '--json',
    ]);
    expect(json.code).toBe(0);
    const view = JSON.parse(json.stdout);
    expect(view).toMatchObject({ id: 'documents', title: expect.any(String), short: expect.any(String) });
    expect(view.facts.length).toBeGreaterThan(0);
    for (const fact of view.facts) expect(fact.source.url).toMatch(/^https:\/\//);

    const text = await runCli(['guide', 'topic', 'voting-days']);
    expect(text.stdout).toContain('Факты и источники:');
    expect(text.stdout).toMatch(/проверено \d{1,2} [а-я]+ \d{4}\)/);
  });

  it('finds the topic of a practical question, and none in what a relative says about elections', async () => {
    const lines = [
      'с просроченным загранпаспортом пустят на участок?',
      'nado li registrirovatsya zaranee chtoby progolosovat v belgrade',
      'голосовать бесполезно, всё решено без нас',
    ];
    const result = await runCli(['guide', 'ask', '--jsonl'], {
      input: `${lines.map((text) => JSON.stringify({ text })).join('\n')}\n{"text": 5}\n`,
    });
    const [passport, register, relative, bad] = jsonLines(result.stdout);
    expect(passport).toMatchObject({ lang: 'ru', topics: [{ id: 'documents' }] });
    expect(register.topics[0]).toMatchObject({ id: 'register-ahead' });
    expect(relative).toEqual({ lang: 'ru', topics: [] });
    expect(bad).toEqual({ error: 'line 4: "text" must be a string' });
  });

  it('names an unknown topic or election rather than failing', async () => {
    const topic = await runCli(['guide', 'topic', 'passports', '--json']);
    expect(topic.code).toBe(1);
    expect(JSON.parse(topic.stdout).error).toBe("unknown topic 'passports' (see: sobesednik guide topics)");
    const election = await runCli(['guide', 'topic', 'ballot', '--election', 'pres-2030']);
    expect(election.code).toBe(1);
    expect(election.stderr).toMatch(/unknown election 'pres-2030' \(known: .*pres-2024/);
  });
});

describe('sobesednik guide stations', { timeout: 120_000 }, () => {
  const STATIONS = [
    'station,country,city,address,timezone,lat,lon,days,opens,closes',
    '8267,RS,Belgrade,"Deligradska 32, Beograd",Europe/Belgrade,44.7906,20.4667,,,',
    '8120,HU,Budapest,"Andrássy út 104, Budapest",Europe/Budapest,47.5096,19.0484,,,',
    '8270,AM,Yerevan,"Grigor Lusavorich 13",Asia/Yerevan,40.1811,44.5136,2024-03-16;2024-03-17,09:00,20:00',
  ].join('\n');

  /** A temporary SQLite database holding the stations, imported as a coordinator would. */
  async function withStations(): Promise<NodeJS.ProcessEnv> {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-guide-stations-'));
    const file = path.join(dir, 'stations.csv');
    writeFileSync(file, STATIONS);
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'guide.db')}` };
    const imported = await runCli(['count', 'stations', 'import', file, '--election', 'pres-2024'], { env });
    expect(imported.code, imported.stderr).toBe(0);
    return env;
  }

  it('finds the station of a city written in Russian, and the nearest stations of a point', async () => {
    const env = await withStations();
    const city = await runCli(
      ['guide', 'stations', '--election', 'pres-2024', '--city', 'Белград', '--json'],
      {
        env,
      },
    );
    expect(city.code, city.stderr).toBe(0);
    expect(JSON.parse(city.stdout)).toEqual({
      stations: [
        {
          station: '8267',
          country: 'RS',
          city: 'Belgrade',
          address: 'Deligradska 32, Beograd',
          timezone: 'Europe/Belgrade',
          days: ['2024-03-15', '2024-03-16', '2024-03-17'],
          opens: '08:00',
          closes: '20:00',
        },
      ],
      didYouMean: [],
    });

    const near = await runCli(['guide', 'stations', '--election', 'pres-2024', '--near', '44.8125,20.4612'], {
      env,
    });
    expect(near.code, near.stderr).toBe(0);
    const rows = near.stdout.split('\n').filter((line) => /^\d{4} /.test(line));
    expect(rows.map((line) => line.split(/\s+/)[1])).toEqual(['Belgrade', 'Budapest', 'Yerevan']);
    expect(rows[0]).toMatch(/Deligradska 32, Beograd\s+03-15 03-16 03-17\s+08:00–20:00\s+2\.\d km$/);

    const country = await runCli(
      ['guide', 'stations', '--election', 'pres-2024', '--country', 'Armenia', '--json'],
      {
        env,
      },
    );
    expect(JSON.parse(country.stdout).stations).toMatchObject([
      { station: '8270', days: ['2024-03-16', '2024-03-17'] },
    ]);

    const typo = await runCli(['guide', 'stations', '--election', 'pres-2024', '--city', 'Белгорадия'], {
      env,
    });
    expect(typo.stdout).toBe('no station of pres-2024 found; did you mean Белград?\n');
  });

  it('refuses a search without one place, a wrong point or an unknown election, with one clear line', async () => {
    const env = await withStations();
    const cases: [string[], RegExp][] = [
      [['--election', 'pres-2024'], /^where\? usage: sobesednik guide stations/],
      [
        ['--election', 'pres-2024', '--city', 'Белград', '--country', 'RS'],
        /^give only one of --city and --country:/,
      ],
      [['--election', 'pres-2024', '--near', '44.8'], /^--near must be LAT,LON in degrees/],
      [['--election', 'pres-2024', '--near', '95,20'], /^--near must be LAT,LON in degrees/],
      [['--city', 'Белград'], /^which election\? give --election ID/],
      [
        ['--election', 'pres-2030', '--city', 'Белград'],
        /^unknown election 'pres-2030' \(known: .*pres-2024/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['guide', 'stations', ...args, '--json'], { env });
      expect(result.code, args.join(' ')).toBe(1);
      expect(JSON.parse(result.stdout).error, args.join(' ')).toMatch(message);
      expect(result.stderr).toBe('');
    }
  });
});
