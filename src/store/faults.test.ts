import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../test-support/databases.js';
import { closedPort } from '../test-support/ports.js';
import { dataDirFor, parseDatabaseUrl } from './database-url.js';
import { openStore } from './open-store.js';

// What an operator sees when the database cannot be used: one line naming the file or the server, never a
// password, never a stack trace, and never a damaged file made worse.

/** The error an opening fails with (and a test failure if it opens). */
async function failure(opening: Promise<unknown>): Promise<Error> {
  const outcome = await opening.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('the store opened, but should have failed');
  return outcome;
}

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'sobesednik-faults-'));

describe('opening a database that cannot be used', () => {
  it('says PostgreSQL cannot be reached, in one line, without the password', async () => {
    const port = await closedPort();
    const opening = openStore(`postgres://sobesednik:hunter2-Secret@127.0.0.1:${port}/sobesednik`);
    await expect(opening).rejects.toMatchObject({
      name: 'StoreError',
      message: `cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused`,
    });
  });

  it.skipIf(!TEST_DATABASE_URL)('names the user PostgreSQL refuses', async () => {
    const url = new URL(TEST_DATABASE_URL ?? 'postgres://x@localhost/x');
    url.username = 'no_such_role';
    url.password = 'hunter2-Secret';
    const error = await failure(openStore(url.toString()));
    expect(error).toMatchObject({ name: 'StoreError' });
    expect(error.message).toMatch(
      /^PostgreSQL at .+ (does not let|refused the password of) user 'no_such_role'/,
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects an unknown kind of database without echoing the URL', async () => {
    await expect(openStore('mysql://root:hunter2@db/app')).rejects.toThrow(
      /^DATABASE_URL must start with sqlite: or postgres:\/\/, not mysql:$/,
    );
  });

  it('names a corrupt SQLite file and leaves its bytes untouched', async () => {
    const file = path.join(tempDir(), 'sobesednik.db');
    const garbage = randomBytes(8192);
    writeFileSync(file, garbage);
    const error = await failure(openStore(`sqlite:${file}`));
    expect(error).toMatchObject({ name: 'StoreError' });
    expect(error.message).toContain(`${file} is not a SQLite database or is corrupt`);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('names a SQLite file locked by another process, at start and on a write', async () => {
    const file = path.join(tempDir(), 'sobesednik.db');
    const running = await openStore(`sqlite:${file}`, { sqliteBusyTimeoutMs: 100 });
    const other = new SqliteDatabase(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      await expect(running.users.saveUser('k', { lang: 'ru', state: '{}' }, undefined)).rejects.toThrow(
        `${file} is locked by another process`,
      );
      await expect(openStore(`sqlite:${file}`, { sqliteBusyTimeoutMs: 100 })).rejects.toThrow(
        `${file} is locked by another process`,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Once the lock is gone the same store works again: a locked moment is not a broken store.
    expect(await running.users.saveUser('k', { lang: 'ru', state: '{}' }, undefined)).toBe(1);
    await running.close();
  });
});

describe('the SQLite file', () => {
  it('is created on first start with its folder, readable by its owner only', async () => {
    const dir = tempDir();
    const store = await openStore('sqlite:./data/sobesednik.db', { cwd: dir });
    await store.users.saveUser('k', { lang: 'ru', state: '{}' }, undefined);
    const file = path.join(dir, 'data', 'sobesednik.db');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'data')).mode & 0o077).toBe(0);
    await store.close();
    // Closing folds the log into the file, so a copy of the file alone holds everything.
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('can live in memory for a throwaway run', async () => {
    const store = await openStore('sqlite::memory:');
    expect(await store.users.saveUser('k', { lang: 'en', state: '[1]' }, undefined)).toBe(1);
    expect(await store.users.loadUser('k')).toEqual({ lang: 'en', state: '[1]', version: 1 });
    await store.close();
  });
});

describe('DATABASE_URL', () => {
  it('reads the SQLite forms and PostgreSQL, keeping the password out of what is shown', () => {
    expect(parseDatabaseUrl('sqlite:./data/x.db', '/srv')).toEqual({
      kind: 'sqlite',
      file: '/srv/data/x.db',
    });
    expect(parseDatabaseUrl('sqlite:///var/x.db', '/srv')).toEqual({ kind: 'sqlite', file: '/var/x.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', file: ':memory:' });
    const postgres = parseDatabaseUrl('postgresql://bot:pw@db.internal:6543/sobesednik');
    expect(postgres).toMatchObject({ kind: 'postgres', address: 'db.internal:6543', user: 'bot' });
    expect(dataDirFor(parseDatabaseUrl('sqlite:./d/x.db', '/srv'), '/srv')).toBe('/srv/d');
    expect(dataDirFor(postgres, '/srv')).toBe('/srv/data');
    expect(() => parseDatabaseUrl('postgres://bot:pw@[bad')).toThrow(
      /^DATABASE_URL is not a valid postgres:\/\/ URL$/,
    );
  });
});
