import type { Kysely } from 'kysely';
import type { Lang } from '../catalogue/schema.js';
import {
  PRACTICE_OUTCOMES,
  type PracticeOutcome,
  type PracticeSummary,
  type TalkStorage,
} from '../dialogue/storage.js';
import { asLang, guarded, isoDay, type RepositoryOptions } from './repository.js';
import type { TalkTables } from './talk-tables.js';

// Talk's rows: what the dialogue's steps keep (TalkStorage), and what the statistics and the review read back.

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

export interface TalkRepository extends TalkStorage {
  /** Positions met, most often first. */
  positionStats(days: number): Promise<Period & { positions: PositionStat[] }>;
  /** Practice outcomes per persona, most practised first. */
  practiceStats(days: number): Promise<Period & { personas: PracticeStat[] }>;
  /** Every consented phrasing, oldest first. */
  sharedPhrasings(): Promise<SharedPhrasing[]>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PHRASING_LENGTH = 2000;
const DAY_MS = 86_400_000;

function checkDay(day: string): void {
  // A malformed day would silently split the statistics; it is a caller's bug, so fail loudly.
  if (!DAY.test(day)) throw new TypeError(`day must be YYYY-MM-DD, not '${day}'`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The dialogue validates what it reads back and resets an unusable state with a notice.
    return undefined;
  }
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((n): n is number => typeof n === 'number') : [];
}

export function createTalkRepository(db: Kysely<TalkTables>, options: RepositoryOptions): TalkRepository {
  const { now } = options;
  const guard = guarded(options.explain);

  function period(days: number): Period {
    if (!Number.isInteger(days) || days < 1)
      throw new TypeError(`days must be a positive integer, not ${days}`);
    const today = now();
    return { days, from: isoDay(new Date(today.getTime() - (days - 1) * DAY_MS)), to: isoDay(today) };
  }

  return {
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
  };
}
