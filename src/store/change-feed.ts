import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { StoreLog } from './open-store.js';

// "This station changed" for every instance on one database. On PostgreSQL it is a NOTIFY sent inside the
// writing transaction, so listeners hear of a change only once it is committed, in every instance; on SQLite
// (one process) a call after the commit.

export const CHANGE_CHANNEL = 'sobesednik_count';

export interface ChangeFeed {
  /** Inside the writing transaction. */
  inTransaction(trx: Kysely<unknown>, payload: string): Promise<void>;
  /** After the writing transaction committed. */
  afterCommit(payload: string): void;
  subscribe(listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}

function listeners() {
  const set = new Set<(payload: string) => void>();
  return {
    emit: (payload: string) => {
      for (const listener of set) listener(payload);
    },
    subscribe(listener: (payload: string) => void) {
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}

export function localFeed(): ChangeFeed {
  const { emit, subscribe } = listeners();
  return {
    inTransaction: async () => {},
    afterCommit: emit,
    subscribe,
    close: async () => {},
  };
}

const RECONNECT_MS = [250, 1000, 5000];

/**
 * One LISTEN connection per instance, opened with the first subscriber. If it drops it is opened again; changes
 * sent meanwhile are missed, so listeners are then told that everything may have changed (payload `*`).
 */
export function postgresFeed(config: pg.ClientConfig, log?: StoreLog): ChangeFeed {
  const { emit, subscribe } = listeners();
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) emit(message.payload);
    });
    next.on('error', (error) => {
      log?.warn({ event: 'count-listen-dropped', code: (error as { code?: string }).code }, 'listen');
      if (client === next) client = undefined;
      next.end().catch(() => {});
      reconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      if (attempt > 0) emit('*');
      attempt = 0;
    } catch (error) {
      log?.warn({ event: 'count-listen-failed', code: (error as { code?: string }).code }, 'listen');
      next.end().catch(() => {});
      reconnect();
    }
  }

  function reconnect(): void {
    if (closed) return;
    const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
    attempt++;
    setTimeout(() => void connect(), delay).unref();
  }

  let started: Promise<void> | undefined;
  return {
    async inTransaction(trx, payload) {
      await sql`select pg_notify(${CHANGE_CHANNEL}, ${payload})`.execute(trx);
    },
    afterCommit: () => {},
    subscribe(listener) {
      started ??= connect();
      return subscribe(listener);
    },
    async close() {
      closed = true;
      await started;
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
