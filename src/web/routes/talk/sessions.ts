import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import type { RateLimiter } from '../../../app/rate-limit.js';
import { coreButtons } from '../../../dialogue/buttons.js';
import type { Conversations } from '../../../dialogue/conversations.js';
import type { UserEvent } from '../../../dialogue/messages.js';
import { refuse } from '../../errors.js';
import type { WebMetrics } from '../../metrics.js';
import { badInput, described, json, tooMany } from '../../openapi.js';
import { clientAddress, rateLimit } from '../../rate-limit.js';
import { describeIssues, invalidInput, jsonBody } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { replyView } from './dialogue-view.js';
import {
  buttonEvent,
  commandEvent,
  createSessionBody,
  eventBody,
  notOwned,
  replySchema,
  sessionParams,
  sessionSchema,
  textEvent,
} from './schemas.js';
import { clearSessionCookie, newSessionId, ownSession, setSessionCookie } from './session-cookie.js';

// Web sessions: the engine's conversation for one browser, keyed in the store by an HMAC of the session id.

export interface SessionDeps {
  conversations: Conversations;
  /** The store's key for a session id (an HMAC: the id itself is never stored). */
  userKey(channel: 'web', id: string): string;
  metrics: Pick<WebMetrics, 'dialogueEvents' | 'practicesStarted' | 'practicesFinished'>;
  limits: {
    /** New sessions per client address: each one is a row in the database. */
    sessions: RateLimiter;
    /** Dialogue events per session. */
    events: RateLimiter;
  };
}

const EVENT_SCHEMAS = { text: textEvent, button: buttonEvent, command: commandEvent } as const;

/** Explains a refused event by its key, so a wrong type is named ("text: expected string"), not "no union match". */
function describeEvent(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'body: expected a JSON object with "text", "button" or "command"';
  const keys = Object.keys(EVENT_SCHEMAS).filter((key) => key in body);
  const [key] = keys;
  if (keys.length !== 1 || key === undefined)
    return 'body: give exactly one of "text", "button" or "command"';
  const parsed = EVENT_SCHEMAS[key as keyof typeof EVENT_SCHEMAS].safeParse(body);
  return parsed.success ? 'the request is invalid' : describeIssues(parsed.error);
}

function toEvent(body: z.infer<typeof eventBody>): UserEvent {
  if ('text' in body) return { kind: 'text', text: body.text };
  if ('button' in body) return { kind: 'button', data: body.button };
  return { kind: 'command', name: body.command, argument: body.argument };
}

export function sessionRoutes(deps: SessionDeps) {
  const { conversations, userKey, metrics, limits } = deps;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sobesednik_session',
  });
  const cookie = [{ sessionCookie: [] }];

  const create = createRoute({
    method: 'post',
    path: '/',
    summary: 'Start a web session: sets the httpOnly session cookie and returns the first messages',
    request: { body: { required: false, content: { 'application/json': { schema: createSessionBody } } } },
    responses: { 201: json('the new session', sessionSchema), ...badInput, ...tooMany },
  });
  // Described through the registry but routed by hand: app.openapi() would add a media-type gate that clones and
  // reads the body stream of every request without a Content-Type, which a POST with no body is (8x the cost).
  app.openAPIRegistry.registerPath(create);
  app.post(
    '/',
    rateLimit(limits.sessions, clientAddress),
    jsonBody({ optional: true }),
    zValidator('json', createSessionBody, (result) => {
      if (!result.success) throw refuse(400, describeIssues(result.error));
    }),
    async (c) => {
      const { lang } = c.req.valid('json');
      const id = newSessionId();
      const reply = await conversations.handle(
        userKey('web', id),
        { kind: 'command', name: 'start' },
        { lang, slashCommands: false },
      );
      metrics.dialogueEvents.inc({ kind: 'command' });
      setSessionCookie(c, id);
      return c.json({ id, ...replyView(reply) }, 201);
    },
  );

  const send = createRoute({
    method: 'post',
    path: '/{id}/events',
    summary: 'Send text, a button or a command to the conversation',
    security: cookie,
    middleware: [ownSession, rateLimit(limits.events, (c) => c.req.param('id') ?? ''), jsonBody()] as const,
    request: {
      params: sessionParams,
      body: { required: true, content: { 'application/json': { schema: eventBody } } },
    },
    responses: {
      200: json('the messages and the new state', replySchema),
      ...badInput,
      ...notOwned,
      ...tooMany,
    },
  });
  app.openapi(
    send,
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const event = toEvent(body);
      // The page has buttons for /again and /stop, so the engine's texts name those rather than the commands.
      const reply = await conversations.handle(userKey('web', id), event, {
        lang: body.lang,
        slashCommands: false,
      });
      metrics.dialogueEvents.inc({ kind: event.kind });
      for (const effect of reply.effects) {
        if (effect.kind === 'practice-started') metrics.practicesStarted.inc();
        if (effect.kind === 'practice-finished')
          metrics.practicesFinished.inc({ outcome: effect.summary.outcome });
      }
      return c.json(replyView(reply), 200);
    },
    // The raw body is still in Hono's cache; a rejected promise reaches the error handler like a throw.
    (result, c) =>
      result.success
        ? undefined
        : c.req.json().then((body) => Promise.reject(refuse(400, describeEvent(body)))),
  );

  const forget = createRoute({
    method: 'delete',
    path: '/{id}',
    summary: 'Forget the session: deletes every row of it and clears the cookie',
    security: cookie,
    middleware: [ownSession] as const,
    request: { params: sessionParams },
    responses: { 200: json('forgotten', described), ...notOwned },
  });
  app.openapi(forget, async (c) => {
    const { id } = c.req.valid('param');
    // Through the engine rather than the store alone: it also drops a phrasing held in memory for consent. The
    // engine's forget effect deletes every row of the user and saves nothing.
    await conversations.handle(userKey('web', id), { kind: 'button', data: coreButtons.forget(true) });
    limits.events.forget(id);
    clearSessionCookie(c);
    return c.json({ ok: true }, 200);
  });

  return app;
}
