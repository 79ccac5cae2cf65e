import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './sqlite-checkpointer.js';

const PAGE = 4096;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function database(): { file: string; db: SqliteDatabase.Database } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-checkpoint-'));
  dirs.push(dir);
  const file = path.join(dir, 'test.db');
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${100 * PAGE}`);
  db.exec('create table users (id integer primary key, state text not null)');
  return { file, db };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the SQLite checkpointer thread', () => {
  it('folds the log into the file while the serving connection writes, and keeps the log bounded', async () => {
    const { file, db } = database();
    const checkpointer = startCheckpointer({ file, everyMs: 5, maxLogPages: 200 });
    const save = db.prepare('insert or replace into users (id, state) values (?, ?)');
    const state = 'x'.repeat(3000);
    let largestLog = 0;
    // The thread takes a moment to start.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Steady writes, about one page each, far more than the log may hold: without the thread (automatic
    // checkpoints are off here) the log would reach 3,000 pages.
    for (let i = 0; i < 3000; i++) {
      save.run(i % 500, `${state}${i}`);
      if (i % 20 === 0) {
        await tick();
        largestLog = Math.max(largestLog, statSync(`${file}-wal`).size);
      }
    }
    await checkpointer.stop();
    expect(largestLog).toBeLessThan(1000 * PAGE);
    // What was written is in the database file itself once the log is folded in and dropped.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const reader = new SqliteDatabase(file, { readonly: true });
    expect(reader.prepare('select count(*) as n from users').get()).toEqual({ n: 500 });
    expect(reader.prepare('select state from users where id = 499').get()).toEqual({
      state: `${state}2999`,
    });
    reader.close();
  });

  it('reports a file it cannot use and still stops', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-checkpoint-'));
    dirs.push(dir);
    const codes: string[] = [];
    const checkpointer = startCheckpointer({
      file: path.join(dir, 'missing', 'test.db'),
      everyMs: 5,
      onError: (code) => codes.push(code),
    });
    await checkpointer.stop();
    expect(codes.length).toBeGreaterThan(0);
  });
});
