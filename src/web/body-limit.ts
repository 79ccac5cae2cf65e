import type { Context, Env, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { WebEnv } from './web-env.js';

/** JSON bodies are a few lines of text; 16 KB leaves room for a long message and stops a flood early. */
export const MAX_BODY_BYTES = 16 * 1024;

/** 413 {error} past `limit` bytes, whether the body declares its length or streams. */
export function limitBody<E extends Env = WebEnv>(limit: number): MiddlewareHandler<E> {
  const size = limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`;
  const refuse = (c: Context) => c.json({ error: `the body is larger than ${size}` }, 413);
  const counted = bodyLimit({ maxSize: limit, onError: refuse });
  return (c, next) => {
    // Hono's bodyLimit looks at `request.body`, which makes the Node adapter build a whole web Request for
    // every call. A declared length is checked without it; only a streamed body has to be counted.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number(length) > limit ? Promise.resolve(refuse(c)) : next();
    return counted(c, next);
  };
}
