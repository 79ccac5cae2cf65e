import { describe, expect, it } from 'vitest';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture, practiceSummary as summary } from '../test-support/stores.js';
import { startRetention } from './retention.js';
import { TABLES, USER_ROWS } from './schema.js';
import { StoreError } from './store-error.js';
import { userKey } from './user-key.js';
import type { UsersRepository } from './users-repository.js';

// The user's row and the erasing of users across every part, on every database the store supports (SQLite
// always, PostgreSQL when TEST_DATABASE_URL is set). Each test opens a fresh database.

noticeSkippedPostgres();

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const DAY_MS = 86_400_000;

/** Saves with the reload-and-retry loop the dialogue uses; returns how many conflicts it met. */
async function increment(users: UsersRepository, key: string): Promise<number> {
  for (let conflicts = 0; ; conflicts++) {
    const user = await users.loadUser(key);
    const count = Number(user?.state ?? 0);
    const saved = await users.saveUser(key, { lang: 'ru', state: String(count + 1) }, user?.version);
    if (saved !== undefined) return conflicts;
  }
}

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`users repository on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    it('saves and loads a user, counting versions, and knows no stranger', async () => {
      const { users } = await fixture.open();
      const state = JSON.stringify({ mode: 'practice', persona: 'мама', openness: [30, 41], none: null });
      expect(await users.saveUser('k1', { lang: 'ru', state }, undefined)).toBe(1);
      expect(await users.loadUser('k1')).toEqual({ lang: 'ru', state, version: 1 });
      expect(await users.saveUser('k1', { lang: 'en', state: '{"mode":"advise"}' }, 1)).toBe(2);
      expect(await users.loadUser('k1')).toEqual({ lang: 'en', state: '{"mode":"advise"}', version: 2 });
      expect(await users.loadUser('someone-else')).toBeUndefined();
    });

    it('refuses a stale save, so one instance never overwrites what another just saved', async () => {
      const a = (await fixture.open()).users;
      const b = (await fixture.open()).users;
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
      const a = (await fixture.open()).users;
      const b = (await fixture.open()).users;
      const results = await Promise.all([
        a.saveUser('new', { lang: 'ru', state: 'by a' }, undefined),
        b.saveUser('new', { lang: 'en', state: 'by b' }, undefined),
      ]);
      expect(results.sort()).toEqual([1, undefined]);
    });

    it('loses no update when two instances change the same user 50 times each', async () => {
      const a = (await fixture.open()).users;
      const b = (await fixture.open()).users;
      const run = async (users: UsersRepository) => {
        let conflicts = 0;
        for (let i = 0; i < 50; i++) conflicts += await increment(users, 'busy');
        return conflicts;
      };
      await Promise.all([run(a), run(b)]);
      expect(await a.loadUser('busy')).toMatchObject({ state: '100', version: 100 });
    });

    it("erases from every part's table that holds a user's key", async () => {
      await fixture.open();
      const db = fixture.database;
      const keyed =
        db.dialect === 'sqlite'
          ? await db.query(
              "select m.name as name from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table' and c.name = 'user_key'",
            )
          : await db.query(
              "select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'user_key'",
            );
      const erased = ['users', ...USER_ROWS.map((rows) => rows.table)];
      expect(keyed.map((row) => String(row.name)).sort()).toEqual(erased.sort());
    });

    it('forgets a user completely: no row anywhere mentions the key, other users stay', async () => {
      const { users, talk } = await fixture.open();
      const forgotten = userKey(SECRET, 'telegram', 111111111);
      const kept = userKey(SECRET, 'telegram', 222222222);
      for (const key of [forgotten, kept]) {
        await users.saveUser(
          key,
          { lang: 'ru', state: JSON.stringify({ marker: `state-of-${key.slice(0, 8)}` }) },
          undefined,
        );
        await talk.addPracticeSummary(key, summary());
        await talk.addPracticeSummary(key, summary({ outcome: 'closed' }));
      }
      await talk.countPositionsMet(['vote-rigged'], '2026-03-10');

      await users.forgetUser(forgotten);

      expect(await users.loadUser(forgotten)).toBeUndefined();
      expect(await talk.practiceSummaries(forgotten, 10)).toEqual([]);
      for (const table of TABLES) {
        const rows = await fixture.database.query(`select * from ${table}`);
        expect(JSON.stringify(rows), table).not.toContain(forgotten);
      }
      // What a seizure of the database would show: not even deleted remains (SQLite's secure_delete).
      const seized = await fixture.database.seize();
      expect(seized).not.toContain(forgotten);
      expect(seized).not.toContain(`state-of-${forgotten.slice(0, 8)}`);
      expect(seized).toContain(kept);
      expect(await talk.practiceSummaries(kept, 10)).toHaveLength(2);
      expect((await talk.positionStats(1)).positions).toHaveLength(1);
    });

    it('leaves the user whole when forgetting fails half-way', async () => {
      const { users, talk } = await fixture.open();
      const db = fixture.database;
      await users.saveUser('k', { lang: 'ru', state: '{"step":1}' }, undefined);
      await talk.addPracticeSummary('k', summary());
      // The parts' rows go first; make the last step, deleting the user row, fail.
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
      await expect(users.forgetUser('k')).rejects.toThrow(StoreError);
      expect(await talk.practiceSummaries('k', 10)).toHaveLength(1);
      expect(await users.loadUser('k')).toMatchObject({ state: '{"step":1}' });
    });

    it('deletes users idle longer than the retention period, with their rows in every part', async () => {
      const { users, talk } = await fixture.open();
      fixture.clock = new Date(Date.parse('2026-03-10T12:00:00Z') - 40 * DAY_MS);
      const longAgo = fixture.clock.toISOString();
      await users.saveUser('idle', { lang: 'ru', state: '{}' }, undefined);
      await talk.addPracticeSummary('idle', summary({ finishedAt: longAgo }));
      await talk.addPracticeSummary('never-saved', summary({ finishedAt: longAgo }));
      fixture.clock = new Date(Date.parse('2026-03-10T12:00:00Z') - 29 * DAY_MS);
      await users.saveUser('recent', { lang: 'ru', state: '{}' }, undefined);
      await talk.addPracticeSummary('recent', summary({ finishedAt: fixture.clock.toISOString() }));
      fixture.clock = new Date('2026-03-10T12:00:00Z');

      const retention = startRetention({ users, days: 30, now: () => fixture.clock });
      expect(await retention.firstRun).toBe(1);
      retention.stop();

      expect(await users.loadUser('idle')).toBeUndefined();
      expect(await talk.practiceSummaries('idle', 10)).toEqual([]);
      expect(await talk.practiceSummaries('never-saved', 10)).toEqual([]);
      expect(await users.loadUser('recent')).toBeDefined();
      expect(await talk.practiceSummaries('recent', 10)).toHaveLength(1);
      expect(await users.deleteIdleUsers(new Date(fixture.clock.getTime() - 30 * DAY_MS))).toBe(0);
    });

    it('stores a pseudonymous key, never the raw Telegram id, in the database bytes', async () => {
      const store = await fixture.open();
      const rawId = 918273645;
      const key = userKey(SECRET, 'telegram', rawId);
      await store.users.saveUser(key, { lang: 'ru', state: '{"turns":3,"openness":[20,40]}' }, undefined);
      await store.talk.addPracticeSummary(key, summary());
      await store.close();
      const seized = await fixture.database.seize();
      expect(seized).toContain(key);
      expect(seized).not.toContain(String(rawId));
    });

    it('hands back a damaged row as it is, with an unknown language as the default, so the dialogue can reset it', async () => {
      const { users } = await fixture.open();
      await users.saveUser('k', { lang: 'en', state: '{"ok":1}' }, undefined);
      await fixture.database.query("update users set state = '{not json', lang = 'xx' where user_key = 'k'");
      expect(await users.loadUser('k')).toEqual({ lang: 'ru', state: '{not json', version: 1 });
      expect(await users.saveUser('k', { lang: 'en', state: '{"ok":2}' }, 1)).toBe(2);
    });
  });
}
