import type { Generated } from 'kysely';

// The one typed schema of both dialects. Times are ISO-8601 UTC text (`Date#toISOString`, fixed width), so
// they sort and compare the same way as text in SQLite and PostgreSQL; days are `YYYY-MM-DD`.

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

export interface Database {
  users: UsersTable;
  practice_summaries: PracticeSummariesTable;
  positions_met: PositionsMetTable;
  practice_outcomes: PracticeOutcomesTable;
  shared_phrasings: SharedPhrasingsTable;
}

/** Every table of ours, for checks that must look at all of them (forget, privacy scans). */
export const TABLES = [
  'users',
  'practice_summaries',
  'positions_met',
  'practice_outcomes',
  'shared_phrasings',
] as const satisfies readonly (keyof Database)[];
