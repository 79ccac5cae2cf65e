import type { Kysely } from 'kysely';

// What the shared code (migrations, forgetting, retention, privacy checks) knows of a part's tables, so that a new
// part is added beside the others without editing them.

export type Dialect = 'sqlite' | 'postgres';

/** A part's share of a migration, run in the migration's transaction after the shares listed before it. */
export type MigrationStep = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;

/** A table whose rows belong to a user: forgetting the user and retention delete them. */
export interface UserRowsTable<Table extends string = string> {
  /** The table; its rows carry the user's key in a `user_key` column. */
  table: Table;
  /**
   * Its ISO-8601 time (or YYYY-MM-DD day) column: rows whose user row is gone (never saved, or forgotten mid-step)
   * age out by it.
   */
  agesBy: string;
  /**
   * The rows stay while their user is idle (a reminder asked for weeks ahead) and age out by `agesBy` alone;
   * forgetting the user still deletes them.
   */
  keepWhileIdle?: boolean;
}

export interface StorePart<Tables> {
  /** Every table of the part, for checks that must look at all of them (privacy scans). */
  tables: readonly (keyof Tables & string)[];
  /** Those that hold rows of a user, besides the user's own row. */
  userRows: readonly UserRowsTable<keyof Tables & string>[];
}
