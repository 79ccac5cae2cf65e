import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { StoreError } from '../store/store-error.js';
import { routeLabel } from './observe.js';
import type { WebEnv } from './web-env.js';

// Every failure is {error} JSON with no stack trace. Client mistakes (HTTPException) say what was wrong; a database
// problem is 503, so a proxy or a client may retry; anything else is a bug: 500 "internal error", and the log
// gets its kind and stack frames, never its message (which might quote what the user typed).

/** A client mistake with a message safe to show; `headers` ride along on the {error} response (Retry-After). */
export function refuse(
  status: ContentfulStatusCode,
  message: string,
  headers?: Record<string, string>,
): HTTPException {
  return new HTTPException(status, {
    message,
    res: headers && Response.json({ error: message }, { status, headers }),
  });
}

function frames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8);
}

export function errorHandler(log: Logger): ErrorHandler<WebEnv> {
  return (error: Error, c: Context<WebEnv>) => {
    // A prepared response (Retry-After, or bearerAuth's WWW-Authenticate) already holds the {error} body.
    if (error instanceof HTTPException) return error.res ?? c.json({ error: error.message }, error.status);
    const route = routeLabel(c);
    if (error instanceof StoreError) {
      // The StoreError message is written to be safe (no user data, no password).
      log.error({ kind: error.name, route, reason: error.message }, 'database error');
      return c.json({ error: 'the database is unavailable; try again shortly' }, 503);
    }
    log.error({ kind: error.name, route, frames: frames(error) }, 'internal error');
    return c.json({ error: 'internal error' }, 500);
  };
}

export const notFound: NotFoundHandler = (c) => c.json({ error: 'not found' }, 404);
