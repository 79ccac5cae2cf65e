import type { Kysely, Migration, MigrationProvider } from 'kysely';
import {
  createCountExclusionsTable,
  createCountResultTables,
  createCountTables,
  createFormCodesTable,
  indexCountedEntries,
  keepBotUserState,
} from './count-tables.js';
import { createGuideReminderTables } from './guide-tables.js';
import type { Dialect, MigrationStep } from './part.js';
import { createTalkTables } from './talk-tables.js';
import { createUsersTable, keepActiveDay } from './users-tables.js';

// Migrations live in code (not a folder read at run time) so that the built package carries them and they
// are type-checked.

/**
 * Every part's migrations, in the order they run. Databases record the names, so a shipped entry is never
 * edited or reordered: a part appends its own. Entries under one name run as one migration (0001 created every
 * table at once).
 */
export const MIGRATIONS: readonly (readonly [name: string, step: MigrationStep])[] = [
  ['0001-initial', createUsersTable],
  ['0001-initial', createTalkTables],
  ['0002-active-day', keepActiveDay],
  ['0003-count', createCountTables],
  ['0004-count-bot', keepBotUserState],
  ['0005-count-results', createCountResultTables],
  ['0006-count-forms', createFormCodesTable],
  ['0007-count-review', createCountExclusionsTable],
  ['0008-count-report-index', indexCountedEntries],
  ['0009-guide-reminders', createGuideReminderTables],
];

export function migrationProvider(dialect: Dialect): MigrationProvider {
  const steps = new Map<string, MigrationStep[]>();
  let last = '';
  for (const [name, step] of MIGRATIONS) {
    // Kysely runs migrations in the order of their names.
    if (name < last) throw new Error(`migration ${name} is listed after ${last}; append in name order`);
    last = name;
    steps.set(name, [...(steps.get(name) ?? []), step]);
  }
  const migrations = Object.fromEntries(
    [...steps].map(([name, parts]): [string, Migration] => [
      name,
      {
        async up(db: Kysely<unknown>) {
          for (const step of parts) await step(db, dialect);
        },
      },
    ]),
  );
  return { getMigrations: async () => migrations };
}
