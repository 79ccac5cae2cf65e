import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import { type CliResult, runCli } from '../../test-support/cli.js';

// Through the built bin, as a coordinator runs it: files on disk, a real SQLite database. Each test starts the
// CLI several times (a second or more each, much more on a busy machine), hence the longer timeout.
const SLOW = { timeout: 120_000 };

const ELECTION = `
id: test-2030
kind: referendum
title: { ru: "Тестовое голосование 2030", en: "Test vote 2030" }
days: [2030-05-10, 2030-05-11]
hours: { opens: "08:00", closes: "20:00" }
answers:
  - { id: "yes", ru: "Да", en: "Yes" }
  - { id: "no", ru: "Нет", en: "No" }
  - { id: invalid, ru: "Недействительный бюллетень", en: "Spoiled ballot" }
  - { id: removed, ru: "Бюллетень унесён или испорчен", en: "Ballot taken away or destroyed" }
  - { id: declined, ru: "Не захотел отвечать", en: "Declined to answer" }
sources: [ { publisher: "Example", title: "Example decree", year: 2030, url: "https://example.org/decree" } ]
`;

const HEADER = 'station,country,city,address,timezone,lat,lon,days,opens,closes';
const STATIONS = [
  HEADER,
  '8267,RS,Belgrade,"Deligradska 32, Beograd",Europe/Belgrade,44.8,20.46,,,',
  '8030,DE,Berlin,,Europe/Berlin,,,2030-05-11,09:00,21:00',
  '8100,GE,Tbilisi,,Asia/Tbilisi,,,,,',
].join('\n');

interface Setup {
  dir: string;
  env: NodeJS.ProcessEnv;
  file(name: string, content: string | Buffer): string;
}

function setup(): Setup {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-count-cli-'));
  return {
    dir,
    // Without these the links fall back to HOST:PORT; set them empty so that the machine's own do not leak in.
    env: {
      DATABASE_URL: `sqlite:${path.join(dir, 'data', 'count.db')}`,
      PUBLIC_URL: '',
      TELEGRAM_BOT_USERNAME: '',
      HOST: '',
      PORT: '',
    },
    file(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
  };
}

async function withElection(): Promise<Setup> {
  const s = setup();
  const added = await runCli(['count', 'election', 'add', s.file('e.yaml', ELECTION)], { env: s.env });
  expect(added.stderr).toBe('');
  return s;
}

async function withStations(): Promise<Setup> {
  const s = await withElection();
  const imported = await runCli(
    ['count', 'stations', 'import', s.file('s.csv', STATIONS), '--election', 'test-2030'],
    { env: s.env },
  );
  expect(imported.stderr).toBe('');
  return s;
}

/** A --json failure: one {"error"} object on stdout, exit 1, nothing on stderr and no stack trace anywhere. */
function expectJsonError(result: CliResult): {
  error: string;
  problems?: unknown[];
} {
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('');
  expect(result.stdout).not.toMatch(/\n\s+at /);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const parsed = JSON.parse(lines[0] as string);
  expect(typeof parsed.error).toBe('string');
  return parsed;
}

async function stationsOf(s: Setup): Promise<unknown[]> {
  const listed = await runCli(['count', 'stations', '--election', 'test-2030', '--json'], { env: s.env });
  expect(listed.code).toBe(0);
  return JSON.parse(listed.stdout).stations;
}

describe('sobesednik count election add', SLOW, () => {
  it('adds an election from a YAML file, and replaces it when added again', async () => {
    const s = setup();
    const file = s.file('e.yaml', ELECTION);
    const first = await runCli(['count', 'election', 'add', file], { env: s.env });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      'added election test-2030: Test vote 2030, 2030-05-10, 2030-05-11, 5 answers\n',
    );
    const again = await runCli(['count', 'election', 'add', file, '--json'], { env: s.env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ election: 'test-2030', replaced: true });
    // The stations command now knows it.
    const listed = await runCli(['count', 'stations', '--election', 'test-2030'], { env: s.env });
    expect(listed.stdout).toContain('test-2030 has no stations yet');
  });

  it('names every problem by its field, and adds nothing', async () => {
    const s = setup();
    const broken = ELECTION.replace('kind: referendum', 'kind: plebiscite')
      .replace('2030-05-11]', '2030-05-32]')
      .replace('closes: "20:00"', 'closes: "07:00"')
      .replace('  - { id: removed', '  - { id: "yes", ru: "Да", en: "Yes" }\n  - { id: removed');
    const file = s.file('broken.yaml', broken);
    const human = await runCli(['count', 'election', 'add', file], { env: s.env });
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        `${file}: kind: expected presidential | duma | referendum`,
        `${file}: days.1: expected YYYY-MM-DD`,
        `${file}: hours.closes: expected closes after opens`,
        `${file}: answers.3.id: yes is used twice`,
      ]),
    );
    expect(human.stderr).toMatch(/sobesednik: \d+ problems in .*broken\.yaml; nothing was added\n$/);
    const json = expectJsonError(await runCli(['count', 'election', 'add', file, '--json'], { env: s.env }));
    expect(json.problems).toContainEqual({
      field: 'kind',
      message: 'expected presidential | duma | referendum',
    });
    const listed = await runCli(['count', 'stations', '--election', 'test-2030', '--json'], { env: s.env });
    expect(expectJsonError(listed).error).toMatch(/^unknown election 'test-2030'/);
  });

  it("refuses an id of the catalogue's own elections, which it would shadow", async () => {
    const s = setup();
    const file = s.file('pres.yaml', ELECTION.replace('id: test-2030', 'id: pres-2024'));
    const result = expectJsonError(
      await runCli(['count', 'election', 'add', file, '--json'], { env: s.env }),
    );
    expect(result).toEqual({
      error: `${file} was not added`,
      problems: [
        {
          field: 'id',
          message: 'pres-2024 is an election of the catalogue (content/elections); give yours another id',
        },
      ],
    });
    // The shipped election is there to import stations into, untouched.
    const listed = await runCli(['count', 'stations', '--election', 'pres-2024'], { env: s.env });
    expect(listed.stdout).toContain('pres-2024 has no stations yet');
  });

  it('points at the line and column of malformed YAML', async () => {
    const s = setup();
    const file = s.file('bad.yaml', 'id: test-2030\nkind: [referendum\ntitle: x\n');
    const result = expectJsonError(
      await runCli(['count', 'election', 'add', file, '--json'], { env: s.env }),
    );
    expect(result.problems?.[0]).toMatchObject({ field: expect.stringMatching(/^line \d+, column \d+$/) });
    const empty = await runCli(['count', 'election', 'add', s.file('empty.yaml', '')], { env: s.env });
    expect(empty.stderr).toContain('empty.yaml: (root): the file is empty');
  });

  it('says what is wrong with a missing file or a folder', async () => {
    const s = setup();
    const missing = path.join(s.dir, 'nope.yaml');
    const result = expectJsonError(
      await runCli(['count', 'election', 'add', missing, '--json'], { env: s.env }),
    );
    expect(result.error).toBe(`cannot read ${missing}: no such file`);
    const folder = await runCli(['count', 'election', 'add', s.dir], { env: s.env });
    expect(folder.stderr).toBe(`sobesednik: ${s.dir} is a folder, not a file\n`);
  });
});

describe('sobesednik count stations', SLOW, () => {
  it('imports a CSV, lists it as a table and as JSON, and updates by station number on a re-import', async () => {
    const s = await withElection();
    const file = s.file('s.csv', STATIONS);
    const imported = await runCli(['count', 'stations', 'import', file, '--election', 'test-2030'], {
      env: s.env,
    });
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toBe('stations of test-2030: 3 added, 0 updated\n');

    const table = await runCli(['count', 'stations', '--election', 'test-2030'], { env: s.env });
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('test-2030: 3 stations');
    expect(lines[2]).toMatch(/^station\s+country\s+city\s+time zone\s+days\s+hours\s+address$/);
    // In the commission's numeric order.
    expect(lines.slice(3, 6).map((l) => l.split(/\s+/)[0])).toEqual(['8030', '8100', '8267']);
    expect(table.stdout).toMatch(/8030\s+DE\s+Berlin\s+Europe\/Berlin\s+05-11\s+09:00–21:00/);
    expect(table.stdout).toMatch(
      /8267\s+RS\s+Belgrade\s+Europe\/Belgrade\s+all\s+08:00–20:00\s+Deligradska 32, Beograd/,
    );

    const updated = STATIONS.replace('Tbilisi,,Asia', 'Tbilisi,"Krtsanisi St, 7",Asia').concat(
      '\n8400,TR,Istanbul,,Europe/Istanbul,,,,,',
    );
    const again = await runCli(
      ['count', 'stations', 'import', s.file('s2.csv', updated), '--election', 'test-2030', '--json'],
      { env: s.env },
    );
    expect(JSON.parse(again.stdout)).toEqual({ election: 'test-2030', added: 1, updated: 3 });
    const stations = await stationsOf(s);
    expect(stations).toHaveLength(4);
    expect(stations).toContainEqual({
      station: '8100',
      country: 'GE',
      city: 'Tbilisi',
      address: 'Krtsanisi St, 7',
      timezone: 'Asia/Tbilisi',
      lat: null,
      lon: null,
      days: ['2030-05-10', '2030-05-11'],
      opens: '08:00',
      closes: '20:00',
    });
  });

  it('reads an Excel "CSV UTF-8" file with a BOM and CRLF line ends', async () => {
    const s = await withElection();
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(STATIONS.replaceAll('\n', '\r\n')),
    ]);
    const result = await runCli(
      ['count', 'stations', 'import', s.file('excel.csv', bom), '--election', 'test-2030', '--json'],
      { env: s.env },
    );
    expect(JSON.parse(result.stdout)).toEqual({ election: 'test-2030', added: 3, updated: 0 });
  });

  it('refuses a file with bad rows whole, naming each problem by line and column', async () => {
    const s = await withElection();
    const bad = [
      HEADER,
      '8267,RS,Belgrade,,Europe/Belgrade,,,,,',
      '8030,Germany,Berlin,,Europe/Berlin,,,,,',
      '8100,GE,Tbilisi,,Asia/Tiflis_Old,,,2030-06-01,,',
      '8267,RS,Novi Sad,,Europe/Belgrade,,,,,',
    ].join('\n');
    const file = s.file('bad.csv', bad);
    const human = await runCli(['count', 'stations', 'import', file, '--election', 'test-2030'], {
      env: s.env,
    });
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toBe(
      [
        `${file}:3: country: expected an ISO 3166-1 alpha-2 code such as RS, found Germany`,
        `${file}:4: timezone: expected an IANA time zone such as Europe/Belgrade, found Asia/Tiflis_Old`,
        `${file}:4: days: 2030-06-01 is not a day of test-2030 (2030-05-10, 2030-05-11)`,
        `${file}:5: station: 8267 is already on line 2`,
        `sobesednik: 4 problems in ${file}; no station was imported`,
        '',
      ].join('\n'),
    );
    const json = expectJsonError(
      await runCli(['count', 'stations', 'import', file, '--election', 'test-2030', '--json'], {
        env: s.env,
      }),
    );
    expect(json.problems).toContainEqual({
      line: 3,
      column: 'country',
      message: 'expected an ISO 3166-1 alpha-2 code such as RS, found Germany',
    });
    expect(await stationsOf(s)).toEqual([]);
  });

  it('gives a clear --json error for every kind of wrong file, and imports nothing', async () => {
    const s = await withElection();
    const cases: [string, string | Buffer, RegExp][] = [
      ['header.csv', 'number,country,city\n8267,RS,Belgrade', /^1 problem in .*; no station was imported$/],
      ['quotes.csv', `${HEADER}\n8267,RS,"Belgrade,,Europe/Belgrade,,,,,\n`, /^1 problem in /],
      ['stray-quote.csv', `${HEADER}\n8267,RS,Bel"grade,,Europe/Belgrade,,,,,\n`, /^1 problem in /],
      [
        'garbage.bin',
        Buffer.alloc(10 * 1024 * 1024, 'x\u0001,"\n'),
        /is larger than 5 MB; is it the right file\?$/,
      ],
      ['binary.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]), /^1 problem in /],
      [
        'latin1.csv',
        Buffer.from(`${HEADER}\n8267,RS,Z\xfcrich,,Europe/Zurich,,,,,\n`, 'latin1'),
        /^1 problem in /,
      ],
      ['empty.csv', '', /^1 problem in /],
    ];
    // Several processes at once: each is a whole CLI start, and the machine running the tests may be busy.
    const results = await Promise.all(
      cases.map(([name, content]) =>
        runCli(['count', 'stations', 'import', s.file(name, content), '--election', 'test-2030', '--json'], {
          env: s.env,
        }),
      ),
    );
    for (const [i, [name, , error]] of cases.entries())
      expect(expectJsonError(results[i] as CliResult).error, name).toMatch(error);
    const header = await runCli(
      ['count', 'stations', 'import', path.join(s.dir, 'header.csv'), '--election', 'test-2030'],
      { env: s.env },
    );
    expect(header.stderr).toContain(`header.csv:1: expected the header ${HEADER}, found number,country,city`);
    const quotes = await runCli(
      ['count', 'stations', 'import', path.join(s.dir, 'quotes.csv'), '--election', 'test-2030'],
      { env: s.env },
    );
    expect(quotes.stderr).toContain('quotes.csv:2: a quoted field on this line is never closed');
    expect(await stationsOf(s)).toEqual([]);
  });

  it('refuses an unknown election, a missing file and a missing --election', async () => {
    const s = await withElection();
    const file = s.file('s.csv', STATIONS);
    const unknown = expectJsonError(
      await runCli(['count', 'stations', 'import', file, '--election', 'nope-2030', '--json'], {
        env: s.env,
      }),
    );
    expect(unknown.error).toBe(
      "unknown election 'nope-2030' (add it with: sobesednik count election add FILE.yaml)",
    );
    const missing = path.join(s.dir, 'missing.csv');
    expect(
      expectJsonError(
        await runCli(['count', 'stations', 'import', missing, '--election', 'test-2030', '--json'], {
          env: s.env,
        }),
      ).error,
    ).toBe(`cannot read ${missing}: no such file`);
    expect(
      expectJsonError(await runCli(['count', 'stations', 'import', file, '--json'], { env: s.env })).error,
    ).toBe('which election? give --election ID');
    const human = await runCli(['count', 'stations', '--election', 'nope-2030'], { env: s.env });
    expect(human).toMatchObject({ code: 1, stdout: '' });
    expect(human.stderr).toBe(
      "sobesednik: unknown election 'nope-2030' (add it with: sobesednik count election add FILE.yaml)\n",
    );
  });
});

describe('sobesednik count invite', SLOW, () => {
  it('prints single-use codes with their web and Telegram links, as JSON for programs', async () => {
    const s = await withStations();
    const env = {
      ...s.env,
      PUBLIC_URL: 'https://count.example.org/',
      TELEGRAM_BOT_USERNAME: 'sobesednik_bot',
    };
    const result = await runCli(
      ['count', 'invite', '--election', 'test-2030', '--station', '8267', '--n', '3', '--json'],
      { env },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { codes, ...rest } = JSON.parse(result.stdout);
    expect(rest).toEqual({});
    expect(codes).toHaveLength(3);
    expect(new Set(codes.map((c: { code: string }) => c.code)).size).toBe(3);
    for (const entry of codes) {
      expect(Object.keys(entry)).toEqual(['code', 'web', 'telegram']);
      expect(entry.web).toBe(`https://count.example.org/count/join#${entry.code}`);
      expect(entry.telegram).toBe(`https://t.me/sobesednik_bot?start=c_${entry.code}`);
    }

    // Each code joins its station once, with the role it was made for.
    const store = await openStore(s.env.DATABASE_URL as string);
    try {
      const joined = await store.count.redeemInvite(codes[0].code, Date.now());
      expect(joined).toMatchObject({
        ok: true,
        joined: { election: 'test-2030', station: '8267', role: 'volunteer' },
      });
      expect(await store.count.redeemInvite(codes[0].code, Date.now())).toEqual({
        ok: false,
        reason: 'used',
      });
    } finally {
      await store.close();
    }
  });

  it('makes coordinator codes, and tells a person which settings the links need', async () => {
    const s = await withStations();
    const result = await runCli(
      ['count', 'invite', '--election', 'test-2030', '--station', '8030', '--role', 'coordinator'],
      { env: s.env },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^1 single-use coordinator code for station 8030 of test-2030, valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC:$/,
    );
    const code = lines[2] as string;
    expect(lines[3]).toBe(`  web:      http://127.0.0.1:3000/count/join#${code}`);
    expect(result.stdout).not.toContain('t.me');
    expect(result.stdout).toContain('PUBLIC_URL is not set');
    expect(result.stdout).toContain('Telegram links need TELEGRAM_BOT_USERNAME');

    const json = await runCli(['count', 'invite', '--election', 'test-2030', '--station', '8030', '--json'], {
      env: s.env,
    });
    expect(JSON.parse(json.stdout).codes[0]).toMatchObject({ telegram: null });

    const store = await openStore(s.env.DATABASE_URL as string);
    try {
      expect(await store.count.redeemInvite(code, Date.now())).toMatchObject({
        ok: true,
        joined: { station: '8030', role: 'coordinator' },
      });
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown election or station and a bad --n or --role, making no code', async () => {
    const s = await withStations();
    const cases: [string[], string | RegExp][] = [
      [['--election', 'nope', '--station', '8267'], /^unknown election 'nope'/],
      [
        ['--election', 'test-2030', '--station', '9999'],
        "test-2030 has no station '9999' (see: sobesednik count stations --election test-2030)",
      ],
      [['--election', 'test-2030'], 'which station? give --station N'],
      [['--station', '8267', '--n', '0'], "--n must be a whole number from 1 to 200, not '0'"],
      [['--station', '8267', '--n', '2.5'], /^--n must be/],
      [['--station', '8267', '--role', 'admin'], "--role must be one of volunteer, coordinator, not 'admin'"],
      [['--station', '8267', '--bogus'], /bogus/],
    ];
    const results = await Promise.all(
      cases.map(([args]) => runCli(['count', 'invite', ...args, '--json'], { env: s.env })),
    );
    for (const [i, [args, error]] of cases.entries())
      expect(expectJsonError(results[i] as CliResult).error, args.join(' ')).toMatch(error);
    const badUrl = await runCli(
      ['count', 'invite', '--election', 'test-2030', '--station', '8267', '--json'],
      {
        env: { ...s.env, PUBLIC_URL: 'ftp://example.org' },
      },
    );
    expect(expectJsonError(badUrl).error).toBe('PUBLIC_URL must be an http(s) URL');
    const db = new SqliteDatabase((s.env.DATABASE_URL as string).slice('sqlite:'.length), { readonly: true });
    expect(db.prepare('select count(*) as n from count_invites').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('sobesednik count', SLOW, () => {
  it('explains its subcommands, and refuses an unknown one', async () => {
    const s = setup();
    const help = await runCli(['count', '--help'], { env: s.env });
    expect(help.stdout).toContain('sobesednik count invite --election ID --station N');
    const unknown = expectJsonError(await runCli(['count', 'vote', '--json'], { env: s.env }));
    expect(unknown.error).toBe("unknown count command 'vote' (see: sobesednik count --help)");
  });
});
