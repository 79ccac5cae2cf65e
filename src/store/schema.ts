import { type CountTables, countPart } from './count-tables.js';
import { type GuideTables, guidePart } from './guide-tables.js';
import type { UserRowsTable } from './part.js';
import { type TalkTables, talkPart } from './talk-tables.js';
import { type UsersTables, usersPart } from './users-tables.js';

// The parts' tables together: a new part adds its tables to both lists.

/** Every table of every part, as Kysely types the database. */
export type Database = UsersTables & TalkTables & CountTables & GuideTables;

export const PARTS = [usersPart, talkPart, countPart, guidePart] as const;

/** Every table of ours, for checks that must look at all of them (forget, privacy scans). */
export const TABLES: readonly (keyof Database)[] = PARTS.flatMap((part) => part.tables);

/** Every part's tables that hold a user's rows besides the user's own: forgetting and retention delete them. */
export const USER_ROWS: readonly UserRowsTable<keyof Database>[] = PARTS.flatMap(
  (part): readonly UserRowsTable<keyof Database>[] => part.userRows,
);
