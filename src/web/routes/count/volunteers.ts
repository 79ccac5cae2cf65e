import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { RateLimiter } from '../../../app/rate-limit.js';
import type { Counting } from '../../../count/counting.js';
import type { RedeemResult, Volunteer } from '../../../count/storage.js';
import { limitBody } from '../../body-limit.js';
import { refuse } from '../../errors.js';
import type { WebMetrics } from '../../metrics.js';
import { badInput, json, refusal, tooMany } from '../../openapi.js';
import { clientAddress, rateLimit } from '../../rate-limit.js';
import { invalidInput, jsonBody } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { bearerToken, unauthorized } from './bearer.js';
import { eventsBody, joinBody, joinedSchema, recordedSchema } from './schemas.js';

// What volunteers call: joining with an invite code, and sending the events their phone or bot recorded.

/** 500 events of the longest kind (an exit-poll answer with gender and age) take about 100 KB. */
export const MAX_EVENTS_BYTES = 256 * 1024;
export const EVENTS_PATH = '/api/count/events';

export interface VolunteerDeps {
  counting: Pick<Counting, 'join' | 'volunteerByToken' | 'record'>;
  metrics: Pick<WebMetrics, 'countEvents'>;
  limits: {
    /** Join attempts per client address: a code is long, but guessing still must not be free. */
    joins: RateLimiter;
    /** Batches per token: a person taps a few times a second; a phone back online sends one big batch. */
    events: RateLimiter;
  };
}

type VolunteerEnv = { Variables: WebEnv['Variables'] & { volunteer: Volunteer } };

const REFUSED_CODE: Record<Extract<RedeemResult, { ok: false }>['reason'], [404 | 409 | 410, string]> = {
  unknown: [404, 'no such invite code; check it letter by letter'],
  used: [409, 'this invite code has already been used; ask your coordinator for a new one'],
  expired: [410, 'this invite code has expired; ask your coordinator for a new one'],
};

export function volunteerRoutes(deps: VolunteerDeps) {
  const { counting, metrics, limits } = deps;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });
  app.openAPIRegistry.registerComponent('securitySchemes', 'countToken', { type: 'http', scheme: 'bearer' });

  const join = createRoute({
    method: 'post',
    path: '/join',
    summary: 'Join a station with a single-use invite code; returns the bearer token for sending events',
    middleware: [rateLimit(limits.joins, clientAddress), jsonBody()] as const,
    request: { body: { required: true, content: { 'application/json': { schema: joinBody } } } },
    responses: {
      200: json('joined', joinedSchema),
      ...badInput,
      404: refusal('no such code'),
      409: refusal('the code was used'),
      410: refusal('the code has expired'),
      ...tooMany,
    },
  });
  app.openapi(join, async (c) => {
    const result = await counting.join(c.req.valid('json').code);
    if (!result.ok) {
      const [status, message] = REFUSED_CODE[result.reason];
      throw refuse(status, message);
    }
    const { token, election, station, role } = result.joined;
    return c.json({ token, election, station, role }, 200);
  });

  const record = createRoute({
    method: 'post',
    path: '/events',
    summary: "Send a batch of a volunteer's events; answered once they are committed",
    security: [{ countToken: [] }],
    request: { body: { required: true, content: { 'application/json': { schema: eventsBody } } } },
    responses: {
      200: json('stored', recordedSchema),
      ...badInput,
      401: refusal('no token, or an unknown one'),
      ...tooMany,
    },
  });
  // Described through the registry but routed by hand: the domain's parseBatch checks the batch and names the
  // bad event, so the route's schema would only check it a second time.
  app.openAPIRegistry.registerPath(record);
  const events = new OpenAPIHono<VolunteerEnv>();
  events.post(
    '/events',
    // The token is checked before the body is read: a stranger's batch costs neither parsing nor a lookup.
    async (c, next) => {
      const token = bearerToken(c.req.header('authorization'));
      if (token === undefined)
        throw unauthorized('send the token from joining as Authorization: Bearer TOKEN');
      if (limits.events.take(token) !== 'ok') {
        const seconds = limits.events.retryAfterSeconds(token);
        throw refuse(429, `too many requests; try again in ${seconds} s`, { 'Retry-After': String(seconds) });
      }
      const volunteer = await counting.volunteerByToken(token);
      if (!volunteer) throw unauthorized('unknown token; join again with an invite code');
      c.set('volunteer', volunteer);
      await next();
    },
    limitBody(MAX_EVENTS_BYTES),
    jsonBody(),
    async (c) => {
      const result = await counting.record(c.get('volunteer'), await c.req.json());
      if (result.ok) {
        metrics.countEvents.inc({ result: 'accepted' }, result.accepted);
        metrics.countEvents.inc({ result: 'duplicate' }, result.duplicates);
        return c.json({ accepted: result.accepted, duplicates: result.duplicates }, 200);
      }
      // The index lets a phone set aside the one event that keeps its queue from being sent.
      const body =
        result.index === null ? { error: result.error } : { error: result.error, index: result.index };
      throw new HTTPException(400, { message: result.error, res: Response.json(body, { status: 400 }) });
    },
  );

  return app.route('/', events);
}
