import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

// The databases a storage test runs on, as Kysely's own tests do: SQLite on a real temporary file always,
// PostgreSQL when TEST_DATABASE_URL is set (CI sets it). Each test gets a fresh database: a new file, or a
// new schema (the connection's search_path points at it), so test files running in parallel never meet.

export interface TestDatabase {
  dialect: 'sqlite' | 'postgres';
  /** The DATABASE_URL to open. */
  url: string;
  /** SQLite: the database file (its -wal beside it). */
  file?: string;
  /** Runs SQL on a separate connection, as someone else holding the database would. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** The names of every table in the database (ours and the migrator's). */
  tables(): Promise<string[]>;
  /**
   * What someone who seized the database would read: the raw bytes of the SQLite file and its log, or every
   * row of every table as PostgreSQL prints it.
   */
  seize(): Promise<string>;
  drop(): Promise<void>;
}

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /** False when PostgreSQL is not configured: the suite is then skipped with a notice. */
  available: boolean;
  create(): Promise<TestDatabase>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

function sqliteDatabase(): TestDatabase {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sobesednik-store-')), 'data', 'test.db');
  const withDb = <T>(use: (db: SqliteDatabase.Database) => T): T => {
    const db = new SqliteDatabase(file, { timeout: 5000 });
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    dialect: 'sqlite',
    url: `sqlite:${file}`,
    file,
    query: async (sql) =>
      withDb((db) => {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all() as Record<string, unknown>[];
        statement.run();
        return [];
      }),
    tables: async () =>
      withDb((db) =>
        (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
          (row) => row.name,
        ),
      ),
    async seize() {
      // latin1 keeps every byte as one character, so an ASCII needle is found wherever its bytes are.
      return ['', '-wal', '-journal']
        .filter((suffix) => existsSync(file + suffix))
        .map((suffix) => readFileSync(file + suffix).toString('latin1'))
        .join('\n');
    },
    drop: async () => {},
  };
}

async function postgresDatabase(url: string): Promise<TestDatabase> {
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.query(`set search_path = ${schema}`);
  const query = async (sql: string) => (await admin.query(sql)).rows as Record<string, unknown>[];
  const tables = async () =>
    (await query(`select table_name from information_schema.tables where table_schema = '${schema}'`)).map(
      (row) => String(row.table_name),
    );
  const separator = url.includes('?') ? '&' : '?';
  return {
    dialect: 'postgres',
    url: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    query,
    tables,
    async seize() {
      const dumps: string[] = [];
      for (const table of await tables()) {
        const rows = await query(`select t::text as row from ${schema}."${table}" t`);
        dumps.push(...rows.map((row) => `${table}: ${String(row.row)}`));
      }
      return dumps.join('\n');
    },
    async drop() {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

export function testDialects(): TestDialect[] {
  const postgresUrl = TEST_DATABASE_URL;
  return [
    { name: 'sqlite', available: true, create: async () => sqliteDatabase() },
    {
      name: 'postgres',
      available: postgresUrl !== undefined,
      create: () => {
        if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
        return postgresDatabase(postgresUrl);
      },
    },
  ];
}

let noticeShown = false;

/** Says once, visibly, that the PostgreSQL half was skipped, so a green local run is not mistaken for CI's. */
export function noticeSkippedPostgres(): void {
  if (TEST_DATABASE_URL || noticeShown) return;
  noticeShown = true;
  console.warn(
    'NOTICE: TEST_DATABASE_URL is not set, so the PostgreSQL storage tests are SKIPPED ' +
      '(export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them).',
  );
}
