import { coreButtons } from '../../dialogue/buttons.js';
import type { UserEvent } from '../../dialogue/messages.js';
import { replyView } from '../dialogue-view.js';
import { HttpError } from '../http-error.js';
import { readBody, readJson, validate } from '../json-body.js';
import { clientAddress, enforce, type RouteDeps } from '../route-deps.js';
import { buttonEvent, commandEvent, createSessionBody, textEvent } from '../schemas.js';
import { clearSessionCookie, newSessionId, ownSession, setSessionCookie } from '../session-cookie.js';
import type { WebApp } from '../web-env.js';

// Web sessions: the engine's conversation for one browser, keyed in the store by an HMAC of the session id.

/** Dispatch on the key first, so a wrong type is named ("text: expected string") rather than "no union match". */
function parseEvent(body: unknown): { event: UserEvent; lang: 'ru' | 'en' | undefined } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(400, 'body: expected a JSON object with "text", "button" or "command"');
  const keys = ['text', 'button', 'command'].filter((key) => key in body);
  if (keys.length !== 1) throw new HttpError(400, 'body: give exactly one of "text", "button" or "command"');
  if ('text' in body) {
    const { text, lang } = validate(textEvent, body);
    return { event: { kind: 'text', text }, lang };
  }
  if ('button' in body) {
    const { button, lang } = validate(buttonEvent, body);
    return { event: { kind: 'button', data: button }, lang };
  }
  const { command, argument, lang } = validate(commandEvent, body);
  return { event: { kind: 'command', name: command, argument }, lang };
}

export function sessionRoutes(app: WebApp, deps: RouteDeps): void {
  const { services, conversations, metrics, limits } = deps;

  app.post('/api/sessions', async (c) => {
    enforce(limits.sessions, clientAddress(c));
    const { lang } = await readBody(c, createSessionBody, { optional: true });
    const id = newSessionId();
    const reply = await conversations.handle(
      services.userKey('web', id),
      { kind: 'command', name: 'start' },
      { lang },
    );
    metrics.dialogueEvents.inc({ kind: 'command' });
    setSessionCookie(c, id);
    return c.json({ id, ...replyView(reply) }, 201);
  });

  app.post('/api/sessions/:id/events', async (c) => {
    const id = ownSession(c);
    enforce(limits.events, id);
    const { event, lang } = parseEvent(await readJson(c));
    const reply = await conversations.handle(services.userKey('web', id), event, { lang });
    metrics.dialogueEvents.inc({ kind: event.kind });
    for (const effect of reply.effects) {
      if (effect.kind === 'practice-started') metrics.practicesStarted.inc();
      if (effect.kind === 'practice-finished')
        metrics.practicesFinished.inc({ outcome: effect.summary.outcome });
    }
    return c.json(replyView(reply));
  });

  app.delete('/api/sessions/:id', async (c) => {
    const id = ownSession(c);
    // Through the engine rather than store.forgetUser alone: it also drops a phrasing held in memory for
    // consent. The engine's forget effect deletes every row of the user (store.forgetUser) and saves nothing.
    await conversations.handle(services.userKey('web', id), {
      kind: 'button',
      data: coreButtons.forget(true),
    });
    limits.events.forget(id);
    clearSessionCookie(c);
    return c.json({ ok: true });
  });
}
