import type { Kysely } from 'kysely';
import { LANGS, type Lang } from '../catalogue/schema.js';
import {
  PRACTICE_OUTCOMES,
  type PracticeOutcome,
  type PracticeSummary,
  type Storage,
  type StoredUser,
} from '../dialogue/storage.js';
import { prepared } from './prepared.js';
import type { Database } from './schema.js';

// The Storage of the dialogue over Kysely: one code path for SQLite and PostgreSQL. Only single statements
// and transactions that both dialects run the same way (ON CONFLICT, UPDATE … WHERE version = n).

export interface PositionStat {
  position: string;
  total: number;
  /** Meetings per day (YYYY-MM-DD), days without any left out. */
  perDay: Record<string, number>;
}

export interface PracticeStat {
  persona: string;
  total: number;
  outcomes: Record<PracticeOutcome, number>;
}

/** Statistics over the last `days` days up to today (UTC), both ends included. */
export interface Period {
  days: number;
  from: string;
  to: string;
}

export interface SharedPhrasing {
  id: number;
  day: string;
  lang: Lang;
  text: string;
}

/** What the front ends need beyond the dialogue's Storage: retention, statistics, review, shutdown. */
export interface Store extends Storage {
  /** The database named for people: a file, or "PostgreSQL at host:port" (never a password). */
  readonly description: string;
  /** Deletes users idle since before the day of `olderThan`, with their practice summaries; returns how many users. */
  deleteIdleUsers(olderThan: Date): Promise<number>;
  /** Positions met, most often first. */
  positionStats(days: number): Promise<Period & { positions: PositionStat[] }>;
  /** Practice outcomes per persona, most practised first. */
  practiceStats(days: number): Promise<Period & { personas: PracticeStat[] }>;
  /** Every consented phrasing, oldest first. */
  sharedPhrasings(): Promise<SharedPhrasing[]>;
  close(): Promise<void>;
}

export interface SqlStoreOptions {
  description: string;
  now: () => Date;
  /** Turns a driver error into a StoreError (one clear line). */
  explain: (error: unknown) => Error;
  /** Called after rows of people were deleted, so that SQLite can also wipe them from its write-ahead log. */
  afterErase?: () => void;
  /** Releases the connection(s). */
  destroy: () => Promise<void>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PHRASING_LENGTH = 2000;
const DAY_MS = 86_400_000;

function checkDay(day: string): void {
  // A malformed day would silently split the statistics; it is a caller's bug, so fail loudly.
  if (!DAY.test(day)) throw new TypeError(`day must be YYYY-MM-DD, not '${day}'`);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function asLang(value: string): Lang {
  // An unknown language (a later version's, or a damaged row) falls back to the default rather than crash.
  return (LANGS as readonly string[]).includes(value) ? (value as Lang) : 'ru';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The dialogue validates what it reads back and resets an unusable state with a notice.
    return undefined;
  }
}

export function createSqlStore(db: Kysely<Database>, options: SqlStoreOptions): Store {
  const { now, explain } = options;
  let closed = false;

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

  /** Every public call goes through here, so that callers only ever see a StoreError. */
  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw explain(error);
    }
  }

  function period(days: number): Period {
    if (!Number.isInteger(days) || days < 1)
      throw new TypeError(`days must be a positive integer, not ${days}`);
    const today = now();
    return { days, from: isoDay(new Date(today.getTime() - (days - 1) * DAY_MS)), to: isoDay(today) };
  }

  return {
    description: options.description,

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

    addPracticeSummary: (userKey, summary) =>
      guard(async () => {
        await db
          .insertInto('practice_summaries')
          .values({
            user_key: userKey,
            finished_at: summary.finishedAt,
            persona: summary.persona,
            position: summary.position,
            outcome: summary.outcome,
            turns: summary.turns,
            empathic: summary.empathic,
            neutral: summary.neutral,
            toxic: summary.toxic,
            questions: summary.questions,
            reflections: summary.reflections,
            openness: JSON.stringify(summary.openness),
          })
          .execute();
      }),

    practiceSummaries: (userKey, limit) =>
      guard(async () => {
        const rows = await db
          .selectFrom('practice_summaries')
          .selectAll()
          .where('user_key', '=', userKey)
          .orderBy('finished_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute();
        return rows.reverse().map(
          (row): PracticeSummary => ({
            finishedAt: row.finished_at,
            persona: row.persona,
            position: row.position,
            outcome: (PRACTICE_OUTCOMES as readonly string[]).includes(row.outcome)
              ? (row.outcome as PracticeOutcome)
              : 'stopped',
            turns: row.turns,
            empathic: row.empathic,
            neutral: row.neutral,
            toxic: row.toxic,
            questions: row.questions,
            reflections: row.reflections,
            openness: numbers(parseJson(row.openness)),
          }),
        );
      }),

    async countPositionsMet(positionIds, day) {
      checkDay(day);
      // PostgreSQL refuses to update one row twice in a statement, so a repeated id counts once.
      const unique = [...new Set(positionIds)];
      if (unique.length === 0) return;
      await guard(async () => {
        await db
          .insertInto('positions_met')
          .values(unique.map((position) => ({ day, position, count: 1 })))
          .onConflict((oc) =>
            oc
              .columns(['day', 'position'])
              .doUpdateSet((eb) => ({ count: eb('positions_met.count', '+', 1) })),
          )
          .execute();
      });
    },

    async countPracticeOutcome(persona, outcome, day) {
      checkDay(day);
      await guard(async () => {
        await db
          .insertInto('practice_outcomes')
          .values({ day, persona, outcome, count: 1 })
          .onConflict((oc) =>
            oc
              .columns(['day', 'persona', 'outcome'])
              .doUpdateSet((eb) => ({ count: eb('practice_outcomes.count', '+', 1) })),
          )
          .execute();
      });
    },

    async sharePhrasing(text, lang, day) {
      checkDay(day);
      const kept = text.trim().slice(0, MAX_PHRASING_LENGTH);
      if (kept === '') return;
      await guard(async () => {
        await db.insertInto('shared_phrasings').values({ day, lang, text: kept }).execute();
      });
    },

    forgetUser: (userKey) =>
      guard(async () => {
        // One transaction: a failure half-way leaves the user whole, and the caller can say so and retry.
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('practice_summaries').where('user_key', '=', userKey).execute();
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
          await trx.deleteFrom('practice_summaries').where('user_key', 'in', idle).execute();
          // Summaries whose user row is gone (never saved, or forgotten mid-practice) age out as well.
          await trx
            .deleteFrom('practice_summaries')
            .where('finished_at', '<', cutoff)
            .where('user_key', 'not in', trx.selectFrom('users').select('user_key'))
            .execute();
          const result = await trx.deleteFrom('users').where('active_on', '<', cutoffDay).executeTakeFirst();
          return Number(result.numDeletedRows);
        });
        if (deleted > 0) options.afterErase?.();
        return deleted;
      }),

    async positionStats(days) {
      const range = period(days);
      return guard(async () => {
        const rows = await db
          .selectFrom('positions_met')
          .select(['day', 'position', 'count'])
          .where('day', '>=', range.from)
          .where('day', '<=', range.to)
          .orderBy('day')
          .execute();
        const byPosition = new Map<string, PositionStat>();
        for (const row of rows) {
          const stat = byPosition.get(row.position) ?? { position: row.position, total: 0, perDay: {} };
          stat.total += Number(row.count);
          stat.perDay[row.day] = Number(row.count);
          byPosition.set(row.position, stat);
        }
        const positions = [...byPosition.values()].sort(
          (a, b) => b.total - a.total || a.position.localeCompare(b.position),
        );
        return { ...range, positions };
      });
    },

    async practiceStats(days) {
      const range = period(days);
      return guard(async () => {
        const rows = await db
          .selectFrom('practice_outcomes')
          .select(['persona', 'outcome', 'count'])
          .where('day', '>=', range.from)
          .where('day', '<=', range.to)
          .execute();
        const byPersona = new Map<string, PracticeStat>();
        for (const row of rows) {
          const zero = Object.fromEntries(PRACTICE_OUTCOMES.map((o) => [o, 0])) as Record<
            PracticeOutcome,
            number
          >;
          const stat = byPersona.get(row.persona) ?? { persona: row.persona, total: 0, outcomes: zero };
          const outcome = row.outcome as PracticeOutcome;
          if (outcome in stat.outcomes) stat.outcomes[outcome] += Number(row.count);
          stat.total += Number(row.count);
          byPersona.set(row.persona, stat);
        }
        const personas = [...byPersona.values()].sort(
          (a, b) => b.total - a.total || a.persona.localeCompare(b.persona),
        );
        return { ...range, personas };
      });
    },

    sharedPhrasings: () =>
      guard(async () => {
        const rows = await db.selectFrom('shared_phrasings').selectAll().orderBy('id').execute();
        return rows.map((row) => ({ id: row.id, day: row.day, lang: asLang(row.lang), text: row.text }));
      }),

    async close() {
      if (closed) return;
      closed = true;
      await options.destroy();
    },
  };
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((n): n is number => typeof n === 'number') : [];
}
