import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimiter } from '../app/rate-limit.js';
import { refuse } from './errors.js';
import type { WebEnv } from './web-env.js';

/** 429 with Retry-After once `key`'s budget in `limiter` is spent. */
export function rateLimit(
  limiter: RateLimiter,
  key: (c: Context<WebEnv>) => string,
): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const who = key(c);
    if (limiter.take(who) !== 'ok') {
      const seconds = limiter.retryAfterSeconds(who);
      throw refuse(429, `too many requests; try again in ${seconds} s`, { 'Retry-After': String(seconds) });
    }
    await next();
  };
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
