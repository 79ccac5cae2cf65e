import type { Kysely } from 'kysely';
import type { MigrationStep, StorePart } from './part.js';

// The guide's tables (issue 20: reminders before voting). A subscription is the pseudonymous key, the election,
// the station, the language and the chat to send to — sealed (AES-256-GCM under a key derived from
// SOBESEDNIK_SECRET, see sealed-chat.ts), since the key cannot be turned back into a Telegram chat.

export interface GuideRemindersTable {
  user_key: string;
  election: string;
  station: string;
  lang: string;
  /** The chat to send to, sealed: base64url of IV, ciphertext and tag, bound to user_key. */
  chat: string;
  /** The day (YYYY-MM-DD) of subscribing: only the day, as for a user's last message. */
  created_on: string;
  /** The station's last voting day: after it the row is of no use, and retention deletes it. */
  until_day: string;
}

/**
 * One row per reminder that went out or is going out: claimed ('sending') before the send, marked ('sent',
 * 'blocked') after. The unique key is what keeps a restart or a second instance from sending twice.
 */
export interface GuideReminderSendsTable {
  election: string;
  /** The slot id (reminders.ts): `DAY:eve` or `DAY:morning`. */
  slot: string;
  user_key: string;
  state: string;
  /** ISO-8601 UTC, when the row last changed. */
  at: string;
}

export interface GuideTables {
  guide_reminders: GuideRemindersTable;
  guide_reminder_sends: GuideReminderSendsTable;
}

export const guidePart: StorePart<GuideTables> = {
  tables: ['guide_reminders', 'guide_reminder_sends'],
  // Both go at /forget. A subscription outlives its user's idle time (people subscribe weeks before a vote and
  // say nothing meanwhile): retention deletes it once its last voting day is older than the retention days, and
  // a send row once it is that old itself.
  userRows: [
    { table: 'guide_reminders', agesBy: 'until_day', keepWhileIdle: true },
    { table: 'guide_reminder_sends', agesBy: 'at', keepWhileIdle: true },
  ],
};

/** 0009-guide-reminders. */
export const createGuideReminderTables: MigrationStep = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('guide_reminders')
    .addColumn('user_key', 'text', (c) => c.notNull())
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('chat', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('until_day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guide_reminders_pk', ['user_key', 'election'])
    .execute();
  // The broadcast reads a station's subscribers in key order.
  await db.schema
    .createIndex('guide_reminders_station')
    .on('guide_reminders')
    .columns(['election', 'station', 'user_key'])
    .execute();
  await db.schema
    .createTable('guide_reminder_sends')
    .addColumn('election', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('user_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guide_reminder_sends_pk', ['election', 'slot', 'user_key'])
    .execute();
  // Forgetting a user deletes by key.
  await db.schema
    .createIndex('guide_reminder_sends_user')
    .on('guide_reminder_sends')
    .column('user_key')
    .execute();
};
