import type { Kysely, Transaction } from 'kysely';
import type { StoredUser, UserStorage } from '../dialogue/storage.js';
import type { UserRowsTable } from './part.js';
import { prepared } from './prepared.js';
import { asLang, guarded, isoDay, type RepositoryOptions } from './repository.js';
import type { UsersTables } from './users-tables.js';

// The user's row that every part shares, and the erasing of users across every part's tables. Only statements
// that both dialects run the same way (ON CONFLICT, UPDATE … WHERE version = n).

export interface UsersRepository extends UserStorage {
  /** Deletes users idle since before the day of `olderThan`, with their rows in every part; returns how many users. */
  deleteIdleUsers(olderThan: Date): Promise<number>;
}

export interface UsersRepositoryOptions extends RepositoryOptions {
  /** Every part's tables that hold a user's rows: they are deleted before the user's own row. */
  userRows: readonly UserRowsTable[];
  /** Called after rows of people were deleted, so that SQLite can also wipe them from its write-ahead log. */
  afterErase?: () => void;
}

/** Another part's table as seen here: only its user key and its time column are touched. */
type UserRows = Record<string, { user_key: string } & Record<string, string>>;

export function createUsersRepository(
  db: Kysely<UsersTables>,
  options: UsersRepositoryOptions,
): UsersRepository {
  const { now, userRows } = options;
  const guard = guarded(options.explain);

  // The three statements of every message, compiled once (see prepared.ts).
  const selectUser = prepared(db, (param: (name: 'userKey') => never) =>
    db.selectFrom('users').select(['lang', 'state', 'version']).where('user_key', '=', param('userKey')),
  );
  type UserValues = 'userKey' | 'lang' | 'state' | 'activeOn' | 'version';
  const insertUser = prepared(db, (param: (name: UserValues) => never) =>
    db
      .insertInto('users')
      .values({
        user_key: param('userKey'),
        version: param('version'),
        lang: param('lang'),
        state: param('state'),
        active_on: param('activeOn'),
      })
      .onConflict((oc) => oc.column('user_key').doNothing()),
  );
  // The WHERE on the version makes this a compare-and-set in one statement, on both databases: PostgreSQL
  // re-checks it after waiting for a concurrent writer's row lock.
  const updateUser = prepared(db, (param: (name: UserValues | 'expected') => never) =>
    db
      .updateTable('users')
      .set({
        lang: param('lang'),
        state: param('state'),
        active_on: param('activeOn'),
        version: param('version'),
      })
      .where('user_key', '=', param('userKey'))
      .where('version', '=', param('expected')),
  );

  const ownedBy = (trx: Transaction<UsersTables>) => trx as unknown as Transaction<UserRows>;

  return {
    loadUser: (userKey) =>
      guard(async (): Promise<StoredUser | undefined> => {
        const [row] = (await selectUser({ userKey })).rows;
        if (!row) return undefined;
        return { lang: asLang(row.lang), state: row.state, version: row.version };
      }),

    saveUser: (userKey, user, expectedVersion) =>
      guard(async () => {
        const values = {
          userKey,
          lang: user.lang,
          state: user.state,
          activeOn: isoDay(now()),
        };
        // Two first messages at once: the second insert finds the row and reports the conflict.
        const result =
          expectedVersion === undefined
            ? await insertUser({ ...values, version: 1 })
            : await updateUser({ ...values, version: expectedVersion + 1, expected: expectedVersion });
        const version = (expectedVersion ?? 0) + 1;
        return Number(result.numAffectedRows ?? 0) === 1 ? version : undefined;
      }),

    forgetUser: (userKey) =>
      guard(async () => {
        // One transaction: a failure half-way leaves the user whole, and the caller can say so and retry.
        await db.transaction().execute(async (trx) => {
          for (const { table } of userRows)
            await ownedBy(trx).deleteFrom(table).where('user_key', '=', userKey).execute();
          await trx.deleteFrom('users').where('user_key', '=', userKey).execute();
        });
        options.afterErase?.();
      }),

    deleteIdleUsers: (olderThan) =>
      guard(async () => {
        // A user active on the cutoff's day stays: the store knows days, not times.
        const cutoff = olderThan.toISOString();
        const cutoffDay = isoDay(olderThan);
        const deleted = await db.transaction().execute(async (trx) => {
          const idle = trx.selectFrom('users').select('user_key').where('active_on', '<', cutoffDay);
          const users = trx.selectFrom('users').select('user_key');
          for (const { table, agesBy, keepWhileIdle } of userRows) {
            if (keepWhileIdle) {
              await ownedBy(trx).deleteFrom(table).where(agesBy, '<', cutoff).execute();
              continue;
            }
            await ownedBy(trx).deleteFrom(table).where('user_key', 'in', idle).execute();
            // Rows whose user row is gone (never saved, or forgotten mid-practice) age out as well.
            await ownedBy(trx)
              .deleteFrom(table)
              .where(agesBy, '<', cutoff)
              .where('user_key', 'not in', users)
              .execute();
          }
          const result = await trx.deleteFrom('users').where('active_on', '<', cutoffDay).executeTakeFirst();
          return Number(result.numDeletedRows);
        });
        if (deleted > 0) options.afterErase?.();
        return deleted;
      }),
  };
}
