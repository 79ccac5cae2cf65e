import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PracticeSummary } from '../dialogue/storage.js';
import { noticeSkippedPostgres, type TestDatabase, testDialects } from '../test-support/databases.js';
import { parseDatabaseUrl } from './database-url.js';
import { migrationProvider } from './migrations.js';
import { type OpenStoreOptions, openStore } from './open-store.js';
import { startRetention } from './retention.js';
import { TABLES } from './schema.js';
import type { Store } from './sql-store.js';
import { StoreError } from './store-error.js';
import { userKey } from './user-key.js';

// One suite, run on every database the store supports (SQLite always, PostgreSQL when TEST_DATABASE_URL is
// set). Each test opens a fresh database and checks what the bot's users and operators would notice.

noticeSkippedPostgres();

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const DAY_MS = 86_400_000;

function summary(overrides: Partial<PracticeSummary> = {}): PracticeSummary {
  return {
    finishedAt: '2026-03-10T11:00:00.000Z',
    persona: 'mum',
    position: 'vote-rigged',
    outcome: 'opened',
    turns: 6,
    empathic: 4,
    neutral: 1,
    toxic: 1,
    questions: 3,
    reflections: 2,
    openness: [30, 35, 50, 62],
    ...overrides,
  };
}

/** Saves with the reload-and-retry loop the dialogue will use; returns how many conflicts it met. */
async function increment(store: Store, key: string): Promise<number> {
  for (let conflicts = 0; ; conflicts++) {
    const user = await store.loadUser(key);
    const count = Number(user?.state ?? 0);
    const saved = await store.saveUser(key, { lang: 'ru', state: String(count + 1) }, user?.version);
    if (saved !== undefined) return conflicts;
  }
}

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
  const migrator = new Migrator({ db, provider: migrationProvider(location.kind) });
  const { error } = await migrator.migrateTo('0001-initial');
  if (error) throw error;
  return db;
}

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`store on ${dialect.name}`, () => {
    let db: TestDatabase;
    let clock: Date;
    const open: Store[] = [];
    const options: OpenStoreOptions = { now: () => clock };

    async function openIt(extra: OpenStoreOptions = {}): Promise<Store> {
      const store = await openStore(db.url, { ...options, ...extra });
      open.push(store);
      return store;
    }

    beforeEach(async () => {
      clock = new Date('2026-03-10T12:00:00.000Z');
      db = await dialect.create();
    });

    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
      await db.drop();
    });

    it('creates its tables on first start and keeps the data when reopened, migrating once', async () => {
      const first = await openIt();
      expect(await first.saveUser('k1', { lang: 'en', state: '{"step":2}' }, undefined)).toBe(1);
      await first.close();

      const second = await openIt();
      expect(await second.loadUser('k1')).toEqual({ lang: 'en', state: '{"step":2}', version: 1 });
      expect(await db.tables()).toEqual(expect.arrayContaining([...TABLES, 'kysely_migration']));
      expect(await db.query('select name from kysely_migration order by name')).toEqual([
        { name: '0001-initial' },
        { name: '0002-active-day' },
      ]);
    });

    it("keeps only the day of each user's last message, also for users saved before it did", async () => {
      const old = await atFirstMigration(db.url);
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

      const store = await openIt();
      expect(await store.loadUser('old')).toEqual({ lang: 'ru', state: '{}', version: 1 });
      await store.saveUser('new', { lang: 'en', state: '{}' }, undefined);
      const rows = await db.query('select * from users order by user_key');
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
        const stores = await Promise.all([openIt(), openIt(), openIt()]);
        expect(await stores[2]!.saveUser('k', { lang: 'ru', state: '{}' }, undefined)).toBe(1);
        expect(await db.query('select name from kysely_migration')).toHaveLength(2);
      },
    );

    it('saves and loads a user, counting versions, and knows no stranger', async () => {
      const store = await openIt();
      const state = JSON.stringify({ mode: 'practice', persona: 'мама', openness: [30, 41], none: null });
      expect(await store.saveUser('k1', { lang: 'ru', state }, undefined)).toBe(1);
      expect(await store.loadUser('k1')).toEqual({ lang: 'ru', state, version: 1 });
      expect(await store.saveUser('k1', { lang: 'en', state: '{"mode":"advise"}' }, 1)).toBe(2);
      expect(await store.loadUser('k1')).toEqual({ lang: 'en', state: '{"mode":"advise"}', version: 2 });
      expect(await store.loadUser('someone-else')).toBeUndefined();
    });

    it('refuses a stale save, so one instance never overwrites what another just saved', async () => {
      const a = await openIt();
      const b = await openIt();
      await a.saveUser('k', { lang: 'ru', state: 'by nobody' }, undefined);
      const [savedA, savedB] = await Promise.all([
        a.saveUser('k', { lang: 'ru', state: 'by a' }, 1),
        b.saveUser('k', { lang: 'ru', state: 'by b' }, 1),
      ]);
      expect([savedA, savedB].filter((v) => v === 2)).toHaveLength(1);
      expect([savedA, savedB].filter((v) => v === undefined)).toHaveLength(1);
      const winner = savedA === 2 ? 'a' : 'b';
      expect(await b.loadUser('k')).toEqual({ lang: 'ru', state: `by ${winner}`, version: 2 });
    });

    it('lets only one of two first messages create the user', async () => {
      const a = await openIt();
      const b = await openIt();
      const results = await Promise.all([
        a.saveUser('new', { lang: 'ru', state: 'by a' }, undefined),
        b.saveUser('new', { lang: 'en', state: 'by b' }, undefined),
      ]);
      expect(results.sort()).toEqual([1, undefined]);
    });

    it('loses no update when two instances change the same user 50 times each', async () => {
      const a = await openIt();
      const b = await openIt();
      const run = async (store: Store) => {
        let conflicts = 0;
        for (let i = 0; i < 50; i++) conflicts += await increment(store, 'busy');
        return conflicts;
      };
      await Promise.all([run(a), run(b)]);
      expect(await a.loadUser('busy')).toMatchObject({ state: '100', version: 100 });
    });

    it('keeps practice summaries as numbers and returns the most recent, oldest first', async () => {
      const store = await openIt();
      for (let i = 1; i <= 5; i++)
        await store.addPracticeSummary('k', summary({ finishedAt: `2026-03-0${i}T10:00:00.000Z`, turns: i }));
      await store.addPracticeSummary('other', summary({ turns: 99 }));
      const recent = await store.practiceSummaries('k', 3);
      expect(recent.map((s) => s.turns)).toEqual([3, 4, 5]);
      expect(recent[2]).toEqual(summary({ finishedAt: '2026-03-05T10:00:00.000Z', turns: 5 }));
    });

    it('forgets a user completely: no row anywhere mentions the key, other users stay', async () => {
      const store = await openIt();
      const forgotten = userKey(SECRET, 'telegram', 111111111);
      const kept = userKey(SECRET, 'telegram', 222222222);
      for (const key of [forgotten, kept]) {
        await store.saveUser(
          key,
          { lang: 'ru', state: JSON.stringify({ marker: `state-of-${key.slice(0, 8)}` }) },
          undefined,
        );
        await store.addPracticeSummary(key, summary());
        await store.addPracticeSummary(key, summary({ outcome: 'closed' }));
      }
      await store.countPositionsMet(['vote-rigged'], '2026-03-10');

      await store.forgetUser(forgotten);

      expect(await store.loadUser(forgotten)).toBeUndefined();
      expect(await store.practiceSummaries(forgotten, 10)).toEqual([]);
      for (const table of TABLES) {
        const rows = await db.query(`select * from ${table}`);
        expect(JSON.stringify(rows), table).not.toContain(forgotten);
      }
      // What a seizure of the database would show: not even deleted remains (SQLite's secure_delete).
      const seized = await db.seize();
      expect(seized).not.toContain(forgotten);
      expect(seized).not.toContain(`state-of-${forgotten.slice(0, 8)}`);
      expect(seized).toContain(kept);
      expect(await store.practiceSummaries(kept, 10)).toHaveLength(2);
      expect((await store.positionStats(1)).positions).toHaveLength(1);
    });

    it('leaves the user whole when forgetting fails half-way', async () => {
      const store = await openIt();
      await store.saveUser('k', { lang: 'ru', state: '{"step":1}' }, undefined);
      await store.addPracticeSummary('k', summary());
      // The summaries go first; make the second step, deleting the user row, fail.
      if (db.dialect === 'sqlite')
        await db.query(
          "create trigger refuse before delete on users begin select raise(abort, 'disk trouble'); end",
        );
      else {
        await db.query(
          "create function refuse() returns trigger language plpgsql as $$ begin raise exception 'disk trouble'; end $$",
        );
        await db.query('create trigger refuse before delete on users for each row execute function refuse()');
      }
      await expect(store.forgetUser('k')).rejects.toThrow(StoreError);
      expect(await store.practiceSummaries('k', 10)).toHaveLength(1);
      expect(await store.loadUser('k')).toMatchObject({ state: '{"step":1}' });
    });

    it('deletes users idle longer than the retention period, with their summaries', async () => {
      const store = await openIt();
      clock = new Date(Date.parse('2026-03-10T12:00:00Z') - 40 * DAY_MS);
      await store.saveUser('idle', { lang: 'ru', state: '{}' }, undefined);
      await store.addPracticeSummary('idle', summary({ finishedAt: clock.toISOString() }));
      await store.addPracticeSummary('never-saved', summary({ finishedAt: clock.toISOString() }));
      clock = new Date(Date.parse('2026-03-10T12:00:00Z') - 29 * DAY_MS);
      await store.saveUser('recent', { lang: 'ru', state: '{}' }, undefined);
      await store.addPracticeSummary('recent', summary({ finishedAt: clock.toISOString() }));
      clock = new Date('2026-03-10T12:00:00Z');

      const retention = startRetention({ store, days: 30, now: () => clock });
      expect(await retention.firstRun).toBe(1);
      retention.stop();

      expect(await store.loadUser('idle')).toBeUndefined();
      expect(await store.practiceSummaries('idle', 10)).toEqual([]);
      expect(await store.practiceSummaries('never-saved', 10)).toEqual([]);
      expect(await store.loadUser('recent')).toBeDefined();
      expect(await store.practiceSummaries('recent', 10)).toHaveLength(1);
      expect(await store.deleteIdleUsers(new Date(clock.getTime() - 30 * DAY_MS))).toBe(0);
    });

    it('counts positions met and practice outcomes per day, without any user, for the statistics', async () => {
      const store = await openIt();
      await store.countPositionsMet(['vote-rigged', 'nato', 'vote-rigged'], '2026-03-10');
      await store.countPositionsMet(['vote-rigged'], '2026-03-10');
      await store.countPositionsMet(['nato'], '2026-03-09');
      await store.countPositionsMet(['nato'], '2026-03-08');
      await store.countPositionsMet(['tv-says'], '2026-02-01'); // outside a week
      await store.countPositionsMet([], '2026-03-10');
      for (const outcome of ['opened', 'opened', 'closed'] as const)
        await store.countPracticeOutcome('mum', outcome, '2026-03-10');
      await store.countPracticeOutcome('brother', 'limit', '2026-03-04');

      const positions = await store.positionStats(7);
      expect(positions).toMatchObject({ days: 7, from: '2026-03-04', to: '2026-03-10' });
      expect(positions.positions).toEqual([
        { position: 'nato', total: 3, perDay: { '2026-03-08': 1, '2026-03-09': 1, '2026-03-10': 1 } },
        { position: 'vote-rigged', total: 2, perDay: { '2026-03-10': 2 } },
      ]);
      expect((await store.positionStats(1)).positions.map((p) => p.position)).toEqual([
        'vote-rigged',
        'nato',
      ]);

      const practice = await store.practiceStats(7);
      expect(practice.personas).toEqual([
        { persona: 'mum', total: 3, outcomes: { opened: 2, closed: 1, stopped: 0, limit: 0 } },
        { persona: 'brother', total: 1, outcomes: { opened: 0, closed: 0, stopped: 0, limit: 1 } },
      ]);
      expect((await db.query('select * from positions_met'))[0]).not.toHaveProperty('user_key');
    });

    it('keeps shared phrasings with no link to who shared them', async () => {
      const store = await openIt();
      await store.sharePhrasing('  Они там все воруют  ', 'ru', '2026-03-10');
      await store.sharePhrasing('   ', 'ru', '2026-03-10');
      await store.sharePhrasing('x'.repeat(5000), 'en', '2026-03-10');
      const shared = await store.sharedPhrasings();
      expect(shared.map((p) => [p.text.length, p.lang])).toEqual([
        ['Они там все воруют'.length, 'ru'],
        [2000, 'en'],
      ]);
      expect(Object.keys((await db.query('select * from shared_phrasings'))[0]!).sort()).toEqual([
        'day',
        'id',
        'lang',
        'text',
      ]);
    });

    it('stores a pseudonymous key, never the raw Telegram id, in the database bytes', async () => {
      const store = await openIt();
      const rawId = 918273645;
      const key = userKey(SECRET, 'telegram', rawId);
      await store.saveUser(key, { lang: 'ru', state: '{"turns":3,"openness":[20,40]}' }, undefined);
      await store.addPracticeSummary(key, summary());
      await store.close();
      const seized = await db.seize();
      expect(seized).toContain(key);
      expect(seized).not.toContain(String(rawId));
    });

    it('hands back a damaged row as it is, with an unknown language as the default, so the dialogue can reset it', async () => {
      const store = await openIt();
      await store.saveUser('k', { lang: 'en', state: '{"ok":1}' }, undefined);
      await db.query("update users set state = '{not json', lang = 'xx' where user_key = 'k'");
      expect(await store.loadUser('k')).toEqual({ lang: 'ru', state: '{not json', version: 1 });
      expect(await store.saveUser('k', { lang: 'en', state: '{"ok":2}' }, 1)).toBe(2);
    });

    it('refuses a malformed day rather than splitting the statistics', async () => {
      const store = await openIt();
      await expect(store.countPositionsMet(['a'], '10.03.2026')).rejects.toThrow(/YYYY-MM-DD/);
      expect((await store.positionStats(30)).positions).toEqual([]);
    });
  });
}
