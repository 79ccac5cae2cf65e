import { type Kysely, sql } from 'kysely';
import type { MigrationStep, StorePart } from './part.js';

// The row every part shares: a pseudonymous user's language and conversation state. Times are ISO-8601 UTC
// text and days `YYYY-MM-DD` in every table, so they sort and compare the same way in SQLite and PostgreSQL.

/** Per user, under a pseudonymous key (an HMAC or a random session id): settings and the dialogue state. */
export interface UsersTable {
  user_key: string;
  lang: string;
  /** The dialogue state, JSON. */
  state: string;
  version: number;
  /** The day (YYYY-MM-DD) of the user's last message: retention deletes by it. */
  active_on: string;
}

export interface UsersTables {
  users: UsersTable;
}

/** The users table is deleted from last, by the users repository itself, so it lists no user rows. */
export const usersPart: StorePart<UsersTables> = { tables: ['users'], userRows: [] };

/** Its share of 0001-initial. */
export const createUsersTable: MigrationStep = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('users')
    .addColumn('user_key', 'text', (c) => c.primaryKey())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Retention deletes by idle time.
  await db.schema.createIndex('users_updated_at').on('users').column('updated_at').execute();
};

/**
 * 0002-active-day: only the day of a user's last message is kept, not its time. Retention counts whole days,
 * the hours a person writes at are more than the product needs to know, and the index no longer changes with
 * every message.
 */
export const keepActiveDay: MigrationStep = async (db: Kysely<unknown>) => {
  await db.schema
    .alterTable('users')
    .addColumn('active_on', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db
    .updateTable('users' as never)
    .set({ active_on: sql`substr(updated_at, 1, 10)` } as never)
    .execute();
  await db.schema.dropIndex('users_updated_at').execute();
  await db.schema.alterTable('users').dropColumn('updated_at').execute();
  await db.schema.createIndex('users_active_on').on('users').column('active_on').execute();
};
