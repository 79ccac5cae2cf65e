import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { RateLimiter } from '../app/rate-limit.js';
import type { Services } from '../app/services.js';
import type { Conversations } from '../dialogue/conversations.js';
import type { Store } from '../store/open-store.js';
import { HttpError } from './http-error.js';
import type { WebMetrics } from './metrics.js';

/** What every group of routes is built with. */
export interface RouteDeps {
  services: Services;
  /** The services' store, instrumented: use it rather than services.store, so failures are counted. */
  store: Store;
  /** The web's conversations (see app.ts). */
  conversations: Conversations;
  metrics: WebMetrics;
  limits: {
    /** Dialogue events per session. */
    events: RateLimiter;
    /** New sessions per client address: each one is a row in the database. */
    sessions: RateLimiter;
    /** Matching and judging per client address: the most CPU a request can ask for. */
    stateless: RateLimiter;
  };
}

export function enforce(limiter: RateLimiter, key: string): void {
  if (limiter.take(key) === 'ok') return;
  const seconds = limiter.retryAfterSeconds(key);
  throw new HttpError(429, `too many requests; try again in ${seconds} s`, {
    'Retry-After': String(seconds),
  });
}

/** The peer's address, for per-client limits (behind a proxy all clients share the proxy's). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (app.request) have no socket.
    return 'unknown';
  }
}
