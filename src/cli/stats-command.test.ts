import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../store/migrations.js';
import { openStore } from '../store/open-store.js';
import { runCli } from '../test-support/cli.js';
import { closedPort } from '../test-support/ports.js';

const DAY_MS = 86_400_000;
const day = (ago: number) => new Date(Date.now() - ago * DAY_MS).toISOString().slice(0, 10);
const freshUrl = () =>
  `sqlite:${path.join(mkdtempSync(path.join(tmpdir(), 'sobesednik-stats-')), 'data', 'x.db')}`;

async function populated(): Promise<string> {
  const url = freshUrl();
  const store = await openStore(url);
  await store.talk.countPositionsMet(['vote-rigged', 'nato'], day(0));
  await store.talk.countPositionsMet(['vote-rigged'], day(1));
  await store.talk.countPositionsMet(['vote-rigged'], day(2));
  await store.talk.countPositionsMet(['tv-says'], day(40));
  await store.talk.countPracticeOutcome('mum', 'opened', day(0));
  await store.talk.countPracticeOutcome('mum', 'closed', day(3));
  await store.talk.countPracticeOutcome('brother', 'limit', day(1));
  await store.close();
  return url;
}

describe('sobesednik stats', () => {
  it('prints the positions met, most often first, with counts per day, and practice outcomes', async () => {
    const result = await runCli(['stats', '--days', '7'], { env: { DATABASE_URL: await populated() } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`Last 7 days, ${day(6)} … ${day(0)} (anonymous daily counts)`);
    const vote = lines.findIndex((l) => l.trimStart().startsWith('vote-rigged'));
    const nato = lines.findIndex((l) => l.trimStart().startsWith('nato'));
    expect(vote).toBeGreaterThan(0);
    expect(nato).toBeGreaterThan(vote);
    expect(lines[vote]).toMatch(
      new RegExp(`vote-rigged\\s+3\\s+${day(2).slice(5)}: 1  ${day(1).slice(5)}: 1`),
    );
    expect(result.stdout).not.toContain('tv-says');
    expect(result.stdout).toMatch(/persona\s+total\s+opened\s+closed\s+stopped\s+limit/);
    expect(result.stdout).toMatch(/mum\s+2\s+1\s+1\s+0\s+0/);
  });

  it('gives the same as JSON for programs', async () => {
    const result = await runCli(['stats', '--json', '--days', '60'], {
      env: { DATABASE_URL: await populated() },
    });
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.stdout);
    expect(stats).toMatchObject({ days: 60, from: day(59), to: day(0) });
    expect(stats.positions.map((p: { id: string; total: number }) => [p.id, p.total])).toEqual([
      ['vote-rigged', 3],
      ['nato', 1],
      ['tv-says', 1],
    ]);
    expect(stats.practice[0]).toEqual({
      persona: 'mum',
      total: 2,
      outcomes: { opened: 1, closed: 1, stopped: 0, limit: 0 },
    });
  });

  it('says "none yet" on a database that has just been created', async () => {
    const result = await runCli(['stats'], { env: { DATABASE_URL: freshUrl() } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Positions met, most often first:\n  none yet');
  });

  it('starts safely as several processes on one fresh SQLite file', async () => {
    const url = freshUrl();
    const results = await Promise.all(
      [1, 2, 3].map(() => runCli(['stats', '--json'], { env: { DATABASE_URL: url } })),
    );
    expect(results.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
      [0, ''],
    ]);
    const db = new SqliteDatabase(url.slice('sqlite:'.length), { readonly: true });
    // Each migration ran once, whichever process got there first.
    expect(db.prepare('select name from kysely_migration order by name').all()).toEqual(
      [...new Set(MIGRATIONS.map(([name]) => name))].map((name) => ({ name })),
    );
    db.close();
  });

  it('refuses a bad --days', async () => {
    const result = await runCli(['stats', '--days', 'week', '--json'], { env: { DATABASE_URL: freshUrl() } });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      error: "--days must be a whole number from 1 to 3660, not 'week'",
    });
  });

  it('reports an unreachable database in one line, without the password or a stack trace', async () => {
    const port = await closedPort();
    const env = { DATABASE_URL: `postgres://bot:hunter2-Secret@127.0.0.1:${port}/sobesednik` };
    const json = await runCli(['stats', '--json'], { env });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: `cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused`,
    });
    const human = await runCli(['stats'], { env });
    expect(human.code).toBe(1);
    expect(human.stderr).toBe(
      `sobesednik: cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused\n`,
    );
    expect(json.stdout + human.stdout + human.stderr).not.toContain('hunter2');
  });

  it('names a corrupt database file', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sobesednik-stats-')), 'broken.db');
    writeFileSync(file, 'this is not a database, it is a shopping list '.repeat(200));
    const result = await runCli(['stats', '--json'], { env: { DATABASE_URL: `sqlite:${file}` } });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatch(`${file} is not a SQLite database or is corrupt`);
  });
});
