import type { Lang } from '../catalogue/schema.js';

// What the dialogue needs from a database, in two parts: the user's row that every part shares, and what talk's
// steps leave behind. `store` implements them (SQLite or PostgreSQL); tests may use memory. Everything is keyed
// by a pseudonymous user key (an HMAC made by the caller), never by a raw id, and nothing carries a message the
// user typed, except `sharePhrasing`, which is unlinked and consented.

/** How a practice ended. */
export const PRACTICE_OUTCOMES = ['opened', 'closed', 'stopped', 'limit'] as const;
export type PracticeOutcome = (typeof PRACTICE_OUTCOMES)[number];

/** One finished practice, in numbers only: what the progress view and the statistics show. */
export interface PracticeSummary {
  /** ISO date-time of the end. */
  finishedAt: string;
  persona: string;
  position: string;
  outcome: PracticeOutcome;
  turns: number;
  empathic: number;
  neutral: number;
  toxic: number;
  questions: number;
  reflections: number;
  /** Openness 0–100 before the first reply and after each one. */
  openness: number[];
}

export interface StoredUser {
  lang: Lang;
  /** The dialogue state as JSON text; parsed and validated by the dialogue when read back (stored-step.ts). */
  state: string;
  /** Optimistic lock: saving with a stale version fails instead of losing another instance's update. */
  version: number;
}

/** The user's row: language and conversation state, under an optimistic lock. */
export interface UserStorage {
  loadUser(userKey: string): Promise<StoredUser | undefined>;
  /**
   * Saves the user's state if its version is still `expectedVersion` (undefined: the user must not exist yet).
   * Returns the new version, or undefined when another writer got there first (the caller reloads and retries).
   */
  saveUser(
    userKey: string,
    user: Omit<StoredUser, 'version'>,
    expectedVersion: number | undefined,
  ): Promise<number | undefined>;
  /** Deletes every row of this user, in every part. */
  forgetUser(userKey: string): Promise<void>;
}

/** What talk's steps keep: the user's practice summaries and the anonymous counters and phrasings. */
export interface TalkStorage {
  addPracticeSummary(userKey: string, summary: PracticeSummary): Promise<void>;
  /** This user's summaries, oldest first, at most `limit` of the most recent. */
  practiceSummaries(userKey: string, limit: number): Promise<PracticeSummary[]>;
  /** Anonymous aggregate: one more meeting of each position on `day` (YYYY-MM-DD). No user link. */
  countPositionsMet(positionIds: readonly string[], day: string): Promise<void>;
  /** Anonymous aggregate: one more practice with this persona that ended so on `day`. No user link. */
  countPracticeOutcome(persona: string, outcome: PracticeOutcome, day: string): Promise<void>;
  /** A phrasing the matcher did not recognise, kept for editors because the user agreed. No user link. */
  sharePhrasing(text: string, lang: Lang, day: string): Promise<void>;
}
