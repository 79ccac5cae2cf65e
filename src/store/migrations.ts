import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

// Migrations live in code (not a folder read at run time) so that the built package carries them and they
// are type-checked. Names sort in the order they run. Never edit one that has shipped: add the next.

type Dialect = 'sqlite' | 'postgres';

function initial(dialect: Dialect): Migration {
  // An auto-numbered key: SQLite makes `integer primary key` the rowid; PostgreSQL needs `serial`.
  const autoId = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('user_key', 'text', (c) => c.primaryKey())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Retention deletes by idle time.
      await db.schema.createIndex('users_updated_at').on('users').column('updated_at').execute();

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
    },
  };
}

/**
 * Only the day of a user's last message is kept, not its time: retention counts whole days, and the hours a
 * person writes at are more than the product needs to know. It also makes a save cheaper, because the index
 * on the column no longer changes with every message.
 */
const activeDay: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('users')
      .addColumn('active_on', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db
      .updateTable('users' as never)
      .set({ active_on: sql`substr(updated_at, 1, 10)` } as never)
      .execute();
    await db.schema.dropIndex('users_updated_at').execute();
    await db.schema.alterTable('users').dropColumn('updated_at').execute();
    await db.schema.createIndex('users_active_on').on('users').column('active_on').execute();
  },
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return { '0001-initial': initial(dialect), '0002-active-day': activeDay };
    },
  };
}
