import type { Hook } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { refuse } from './errors.js';
import type { WebEnv } from './web-env.js';

// The zod validator checks a request against its route's schema; these keep its refusals as precise as they were:
// 415 for another media type, 400 for a missing or malformed body, and the first problem named with its field
// ("text: expected string, received number"). A refusal never echoes the body.

export function describeIssues(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is invalid';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
  return `${where}: ${issue.message}`;
}

/** The default hook of every route group: a failed check is a 400 naming the first problem. */
export const invalidInput: Hook<unknown, WebEnv, string, undefined> = (result) => {
  if (!result.success) throw refuse(400, describeIssues(result.error));
};

function hasBody(length: string | undefined, encoding: string | undefined): boolean {
  return length !== undefined ? Number(length) > 0 : encoding !== undefined;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Before the validator: Hono's own treats another media type as an empty object and names malformed JSON in its
 * own words. `optional` lets a route take no body at all (the validator then sees `{}`).
 */
export function jsonBody<E extends Env = WebEnv>(options: { optional?: boolean } = {}): MiddlewareHandler<E> {
  return async (c, next) => {
    if (!hasBody(c.req.header('content-length'), c.req.header('transfer-encoding'))) {
      if (options.optional) {
        // An empty body under a JSON Content-Type would otherwise reach the validator as malformed JSON.
        c.req.bodyCache.json = Promise.resolve({});
        return next();
      }
      throw refuse(400, 'the request needs a JSON body');
    }
    if (!JSON_TYPE.test((c.req.header('content-type') ?? '').trim()))
      throw refuse(415, 'the body must be JSON (Content-Type: application/json)');
    try {
      // Read once here; the validator gets the same parsed value from Hono's body cache.
      await c.req.json();
    } catch {
      throw refuse(400, 'the body is not valid JSON');
    }
    await next();
  };
}
