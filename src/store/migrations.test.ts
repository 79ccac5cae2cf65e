import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';
import { parseDatabaseUrl } from './database-url.js';
import { MIGRATIONS, migrationProvider } from './migrations.js';
import { TABLES } from './schema.js';

// Every part's migrations as one ordered list, on every database the store supports: a fresh database, one the
// first release left, and several instances starting at once.

noticeSkippedPostgres();

/** A database as the first release left it: only the first migration run. */
async function atFirstMigration(url: string): Promise<Kysely<unknown>> {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'sqlite') mkdirSync(path.dirname(location.file), { recursive: true });
  const db = new Kysely<unknown>({
    dialect:
      location.kind === 'sqlite'
        ? new SqliteDialect({ database: new SqliteDatabase(location.file) })
        : new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, max: 1 }) }),
  });
  // As openStore does: the migration tables in the connection's own schema, or Kysely finds another schema's.
  const schema =
    location.kind === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider(location.kind),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateTo('0001-initial');
  if (error) throw error;
  return db;
}

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`migrations on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    it('creates its tables on first start and keeps the data when reopened, migrating once', async () => {
      const first = await fixture.open();
      expect(await first.users.saveUser('k1', { lang: 'en', state: '{"step":2}' }, undefined)).toBe(1);
      await first.close();

      const second = await fixture.open();
      const db = fixture.database;
      expect(await second.users.loadUser('k1')).toEqual({ lang: 'en', state: '{"step":2}', version: 1 });
      expect(await db.tables()).toEqual(expect.arrayContaining([...TABLES, 'kysely_migration']));
      expect(await db.query('select name from kysely_migration order by name')).toEqual([
        { name: '0001-initial' },
        { name: '0002-active-day' },
        { name: '0003-count' },
        { name: '0004-count-bot' },
        { name: '0005-count-results' },
        { name: '0006-count-forms' },
        { name: '0007-count-review' },
        { name: '0008-count-report-index' },
        { name: '0009-guide-reminders' },
      ]);
    });

    it('lists every table of every part, so that privacy checks see them all', async () => {
      await fixture.open();
      const ours = (await fixture.database.tables()).filter((table) => !table.startsWith('kysely_'));
      expect(ours.sort()).toEqual([...TABLES].sort());
    });

    it("keeps only the day of each user's last message, also for users saved before it did", async () => {
      const old = await atFirstMigration(fixture.database.url);
      await old
        .insertInto('users' as never)
        .values({
          user_key: 'old',
          lang: 'ru',
          state: '{}',
          version: 1,
          updated_at: '2026-03-09T23:59:58.123Z',
        } as never)
        .execute();
      await old.destroy();

      const { users } = await fixture.open();
      expect(await users.loadUser('old')).toEqual({ lang: 'ru', state: '{}', version: 1 });
      await users.saveUser('new', { lang: 'en', state: '{}' }, undefined);
      const rows = await fixture.database.query('select * from users order by user_key');
      expect(rows.map((row) => [row.user_key, row.active_on])).toEqual([
        ['new', '2026-03-10'],
        ['old', '2026-03-09'],
      ]);
      // No time of day is left anywhere in a user's row.
      expect(JSON.stringify(rows)).not.toMatch(/T\d\d:\d\d/);
    });

    // SQLite's driver is synchronous: two stores in one process would block each other's thread, so the
    // SQLite case runs real processes (src/cli/stats-command.test.ts).
    it.skipIf(dialect.name === 'sqlite')(
      'lets several instances start on a fresh database at the same time',
      async () => {
        const stores = await Promise.all([fixture.open(), fixture.open(), fixture.open()]);
        expect(await stores[2]!.users.saveUser('k', { lang: 'ru', state: '{}' }, undefined)).toBe(1);
        expect(await fixture.database.query('select name from kysely_migration')).toHaveLength(
          new Set(MIGRATIONS.map(([name]) => name)).size,
        );
      },
    );
  });
}
