import type { Generated, Kysely } from 'kysely';
import type { MigrationStep, StorePart } from './part.js';

// Talk's tables: a user's finished practices in numbers only, and anonymous counters and phrasings.

/** One finished practice of a user, in numbers only. */
export interface PracticeSummariesTable {
  id: Generated<number>;
  user_key: string;
  finished_at: string;
  persona: string;
  position: string;
  outcome: string;
  turns: number;
  empathic: number;
  neutral: number;
  toxic: number;
  questions: number;
  reflections: number;
  /** JSON array of numbers 0–100. */
  openness: string;
}

/** Anonymous: how often a position was met on a day. No user column, by design. */
export interface PositionsMetTable {
  day: string;
  position: string;
  count: number;
}

/** Anonymous: how practices with a persona ended on a day. No user column, by design. */
export interface PracticeOutcomesTable {
  day: string;
  persona: string;
  outcome: string;
  count: number;
}

/** Consented, unrecognised phrasings for editors. No user column, by design. */
export interface SharedPhrasingsTable {
  id: Generated<number>;
  day: string;
  lang: string;
  text: string;
}

export interface TalkTables {
  practice_summaries: PracticeSummariesTable;
  positions_met: PositionsMetTable;
  practice_outcomes: PracticeOutcomesTable;
  shared_phrasings: SharedPhrasingsTable;
}

export const talkPart: StorePart<TalkTables> = {
  tables: ['practice_summaries', 'positions_met', 'practice_outcomes', 'shared_phrasings'],
  userRows: [{ table: 'practice_summaries', agesBy: 'finished_at' }],
};

/** Its share of 0001-initial. */
export const createTalkTables: MigrationStep = async (db: Kysely<unknown>, dialect) => {
  // An auto-numbered key: SQLite makes `integer primary key` the rowid; PostgreSQL needs `serial`.
  const autoId = dialect === 'postgres' ? 'serial' : 'integer';
  await db.schema
    .createTable('practice_summaries')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('user_key', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('turns', 'integer', (c) => c.notNull())
    .addColumn('empathic', 'integer', (c) => c.notNull())
    .addColumn('neutral', 'integer', (c) => c.notNull())
    .addColumn('toxic', 'integer', (c) => c.notNull())
    .addColumn('questions', 'integer', (c) => c.notNull())
    .addColumn('reflections', 'integer', (c) => c.notNull())
    .addColumn('openness', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('practice_summaries_user')
    .on('practice_summaries')
    .columns(['user_key', 'finished_at'])
    .execute();

  await db.schema
    .createTable('positions_met')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('positions_met_pk', ['day', 'position'])
    .execute();

  await db.schema
    .createTable('practice_outcomes')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_outcomes_pk', ['day', 'persona', 'outcome'])
    .execute();

  await db.schema
    .createTable('shared_phrasings')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
};
