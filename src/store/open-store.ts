import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';
import { type ChangeFeed, localFeed, postgresFeed } from './change-feed.js';
import { type CountRepository, createCountRepository } from './count-repository.js';
import type { CountTables } from './count-tables.js';
import { type DatabaseLocation, describeLocation, parseDatabaseUrl } from './database-url.js';
import { explainError } from './explain-error.js';
import { createGuideRepository, type GuideRepository } from './guide-repository.js';
import type { GuideTables } from './guide-tables.js';
import { migrationProvider } from './migrations.js';
import { type Database, USER_ROWS } from './schema.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { createTalkRepository, type TalkRepository } from './talk-repository.js';
import type { TalkTables } from './talk-tables.js';
import { createUsersRepository, type UsersRepository } from './users-repository.js';
import type { UsersTables } from './users-tables.js';

/** An open database: a repository per part. Front ends hand each handler only the repositories it uses. */
export interface Store {
  /** The database named for people: a file, or "PostgreSQL at host:port" (never a password). */
  readonly description: string;
  readonly users: UsersRepository;
  readonly talk: TalkRepository;
  readonly count: CountRepository;
  /** The guide's reminder subscriptions and the record of reminders sent. */
  readonly guide: GuideRepository;
  close(): Promise<void>;
}

/** pino-compatible, so a pino logger can be passed as is. Only event kinds and numbers are logged. */
export interface StoreLog {
  warn(data: object, message: string): void;
}

export interface OpenStoreOptions {
  /** Relative SQLite paths are resolved against it (default: the process's). */
  cwd?: string;
  /** The clock for a user's active day and the statistics' "today" (tests move it). */
  now?: () => Date;
  log?: StoreLog;
  /** How long SQLite waits for another process's lock before it fails (default 5 s). */
  sqliteBusyTimeoutMs?: number;
  /** How long to wait for PostgreSQL to accept a connection (default 5 s). */
  connectTimeoutMs?: number;
  /** PostgreSQL connections per instance (default 10). */
  poolSize?: number;
}

interface Opened {
  db: Kysely<Database>;
  /** PostgreSQL schema that the migration tables go in (the connection's current schema). */
  schema?: string;
  afterErase?: () => void;
  /** Before closing: fold SQLite's write-ahead log into the file. */
  beforeClose?: () => Promise<void>;
  /** How one instance hears of another's committed changes (count's live figures). */
  feed: ChangeFeed;
  /** Runs the migrator under the database's own lock, when Kysely takes none (SQLite). */
  migrateLocked?: <T>(migrate: () => Promise<T>) => Promise<T>;
}

function openSqlite(file: string, options: OpenStoreOptions): Opened {
  if (file !== ':memory:') {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Create the file ourselves with mode 0600: SQLite gives its -wal and -shm files the same mode.
    closeSync(openSync(file, 'a', 0o600));
  }
  const sqlite = new SqliteDatabase(file, { timeout: options.sqliteBusyTimeoutMs ?? 5000 });
  try {
    // The first statement reads the header: a file that is not a database fails here, named.
    sqlite.pragma('journal_mode = WAL');
    // Deleted rows are overwritten with zeros, so /forget and retention leave no readable remains in the file.
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('synchronous = NORMAL');
    // A lock held by another process is reported at start, not at the first user's message.
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec('ROLLBACK');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  // A database in memory has no log; a file's log is folded in by a thread of its own (see the checkpointer).
  const checkpointer =
    file === ':memory:'
      ? undefined
      : startCheckpointer({
          file,
          busyTimeoutMs: options.sqliteBusyTimeoutMs ?? 5000,
          onError: (code) => options.log?.warn({ event: 'sqlite-checkpoint-failed', code }, 'checkpoint'),
        });
  if (checkpointer) {
    sqlite.pragma('wal_autocheckpoint = 0');
    // When the log starts afresh, its file is cut back to this size instead of keeping its largest.
    sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  }
  const checkpoint = () => {
    try {
      // Rewrites the log into the file and empties it, so erased rows do not linger in old log frames.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      options.log?.warn(
        { event: 'sqlite-checkpoint-failed', code: (error as { code?: string }).code },
        'checkpoint',
      );
    }
  };
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    feed: localFeed(),
    afterErase: checkpoint,
    async beforeClose() {
      await checkpointer?.stop();
      checkpoint();
    },
    // Kysely takes no lock on SQLite, and a deferred transaction lets two processes starting together both
    // see "not migrated yet". BEGIN IMMEDIATE makes the second wait (busy timeout) until the first is done.
    async migrateLocked(migrate) {
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await migrate();
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew, and preparing costs about as much as running a small query. The bot runs
 * the same few statements all the time, so they are prepared once and reused (better-sqlite3 statements are
 * reusable; the cache is bounded because `in (…)` lists make some texts vary).
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

async function openPostgres(url: string, options: OpenStoreOptions): Promise<Opened> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => {
    options.log?.warn({ event: 'postgres-idle-error', code: (error as { code?: string }).code }, 'postgres');
  });
  try {
    const result = await pool.query<{ schema: string | null }>('select current_schema() as schema');
    const schema = result.rows[0]?.schema ?? undefined;
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      schema,
      feed: postgresFeed(
        { connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000 },
        options.log,
      ),
    };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

/** A part's view of the database. Kysely's type is invariant in its tables, but a part only names its own. */
function partView<Tables>(db: Kysely<Database extends Tables ? Database : never>): Kysely<Tables> {
  return db as unknown as Kysely<Tables>;
}

/**
 * Opens the database named by `url` (DATABASE_URL) and brings its schema up to date. Several instances
 * may open the same PostgreSQL at once: Kysely's migrator takes an advisory lock.
 * Throws a StoreError with one clear line when the database cannot be used.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const location: DatabaseLocation = parseDatabaseUrl(url, options.cwd);
  const explain = (error: unknown) => explainError(error, location);
  let opened: Opened;
  try {
    opened =
      location.kind === 'sqlite'
        ? openSqlite(location.file, options)
        : await openPostgres(location.url, options);
  } catch (error) {
    throw explain(error);
  }
  try {
    const migrator = new Migrator({
      db: opened.db,
      provider: migrationProvider(location.kind),
      ...(opened.schema ? { migrationTableSchema: opened.schema } : {}),
      // With our own lock the whole run is already one transaction; Kysely must not open a nested one.
      ...(opened.migrateLocked ? { disableTransactions: true } : {}),
    });
    const migrate = () => migrator.migrateToLatest();
    const { error } = await (opened.migrateLocked ? opened.migrateLocked(migrate) : migrate());
    if (error) throw error;
  } catch (error) {
    await opened.beforeClose?.().catch(() => {});
    await opened.db.destroy().catch(() => {});
    throw explain(error);
  }
  const repository = { now: options.now ?? (() => new Date()), explain };
  let closed = false;
  return {
    description: describeLocation(location),
    users: createUsersRepository(partView<UsersTables>(opened.db), {
      ...repository,
      userRows: USER_ROWS,
      ...(opened.afterErase ? { afterErase: opened.afterErase } : {}),
    }),
    talk: createTalkRepository(partView<TalkTables>(opened.db), repository),
    count: createCountRepository(partView<CountTables>(opened.db), {
      ...repository,
      feed: opened.feed,
      dialect: location.kind,
    }),
    guide: createGuideRepository(partView<GuideTables>(opened.db), repository),
    async close() {
      if (closed) return;
      closed = true;
      await opened.feed.close();
      await opened.beforeClose?.();
      await opened.db.destroy();
    },
  };
}
