import type { Kysely } from 'kysely';
import type { ReminderStorage, SendState } from '../guide/reminders.js';
import type { GuideTables } from './guide-tables.js';
import { asLang, guarded, isoDay, type RepositoryOptions } from './repository.js';

// The guide's rows (ReminderStorage): reminder subscriptions and the record of each reminder sent. Only
// statements both dialects run the same way (ON CONFLICT, NOT EXISTS).

export type GuideRepository = ReminderStorage;

const SEND_STATES: readonly SendState[] = ['sending', 'sent', 'blocked'];

export function createGuideRepository(db: Kysely<GuideTables>, options: RepositoryOptions): GuideRepository {
  const guard = guarded(options.explain);
  const { now } = options;

  return {
    subscribe: (userKey, { election, station, lang, chat, until }) =>
      guard(async () => {
        const row = { station, lang, chat, created_on: isoDay(now()), until_day: until };
        await db
          .insertInto('guide_reminders')
          .values({ user_key: userKey, election, ...row })
          .onConflict((oc) => oc.columns(['user_key', 'election']).doUpdateSet(row))
          .execute();
      }),

    subscriptions: (userKey) =>
      guard(async () => {
        const rows = await db
          .selectFrom('guide_reminders')
          .select(['election', 'station', 'lang'])
          .where('user_key', '=', userKey)
          .orderBy('election')
          .execute();
        return rows.map((row) => ({ election: row.election, station: row.station, lang: asLang(row.lang) }));
      }),

    unsubscribe: (userKey, election) =>
      guard(async () => {
        let query = db.deleteFrom('guide_reminders').where('user_key', '=', userKey);
        if (election !== undefined) query = query.where('election', '=', election);
        const result = await query.executeTakeFirst();
        return Number(result.numDeletedRows);
      }),

    subscribedElections: () =>
      guard(async () => {
        const rows = await db
          .selectFrom('guide_reminders')
          .select('election')
          .distinct()
          .orderBy('election')
          .execute();
        return rows.map((row) => row.election);
      }),

    subscriberCounts: (election) =>
      guard(async () => {
        const rows = await db
          .selectFrom('guide_reminders')
          .select(['station', 'lang', (eb) => eb.fn.countAll<number | string>().as('subscribers')])
          .where('election', '=', election)
          .groupBy(['station', 'lang'])
          .orderBy('station')
          .orderBy('lang')
          .execute();
        return rows.map((row) => ({
          station: row.station,
          lang: asLang(row.lang),
          subscribers: Number(row.subscribers),
        }));
      }),

    recipients: (election, station, slot, { after, limit }) =>
      guard(async () => {
        let query = db
          .selectFrom('guide_reminders as r')
          .select(['r.user_key', 'r.lang', 'r.chat'])
          .where('r.election', '=', election)
          .where('r.station', '=', station)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('guide_reminder_sends as s')
                  .select('s.user_key')
                  .whereRef('s.election', '=', 'r.election')
                  .where('s.slot', '=', slot)
                  .whereRef('s.user_key', '=', 'r.user_key'),
              ),
            ),
          );
        if (after !== undefined) query = query.where('r.user_key', '>', after);
        const rows = await query.orderBy('r.user_key').limit(limit).execute();
        return rows.map((row) => ({ userKey: row.user_key, lang: asLang(row.lang), chat: row.chat }));
      }),

    claim: (election, slot, userKey) =>
      guard(async () => {
        const result = await db
          .insertInto('guide_reminder_sends')
          .values({ election, slot, user_key: userKey, state: 'sending', at: now().toISOString() })
          .onConflict((oc) => oc.columns(['election', 'slot', 'user_key']).doNothing())
          .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
      }),

    mark: (election, slot, userKey, state) =>
      guard(async () => {
        await db
          .updateTable('guide_reminder_sends')
          .set({ state, at: now().toISOString() })
          .where('election', '=', election)
          .where('slot', '=', slot)
          .where('user_key', '=', userKey)
          .execute();
      }),

    release: (election, slot, userKey) =>
      guard(async () => {
        await db
          .deleteFrom('guide_reminder_sends')
          .where('election', '=', election)
          .where('slot', '=', slot)
          .where('user_key', '=', userKey)
          .where('state', '=', 'sending')
          .execute();
      }),

    sendCounts: (election) =>
      guard(async () => {
        const rows = await db
          .selectFrom('guide_reminder_sends')
          .select(['slot', 'state', (eb) => eb.fn.countAll<number | string>().as('sends')])
          .where('election', '=', election)
          .groupBy(['slot', 'state'])
          .orderBy('slot')
          .orderBy('state')
          .execute();
        return rows.map((row) => ({
          slot: row.slot,
          state: (SEND_STATES as readonly string[]).includes(row.state)
            ? (row.state as SendState)
            : 'sending',
          sends: Number(row.sends),
        }));
      }),
  };
}
