import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buttonLabelled,
  newSession,
  sendEvent,
  startTestApp,
  type TestApp,
  type TestReply,
  WARM,
} from '../../../test-support/web.js';
import { createWebApp } from '../../app.js';

// Web sessions in process: the cookie, the conversation, the refusals, the limits.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

describe('sessions', () => {
  it('creates a session with a strict httpOnly cookie and the first messages in the asked language', async () => {
    const response = await web.client().request('POST', '/api/sessions', { lang: 'en' });
    expect(response.status).toBe(201);
    const cookie = response.headers.get('set-cookie') ?? '';
    const reply = response.json as unknown as TestReply;
    expect(reply.id).toMatch(/^[0-9a-f]{32}$/);
    expect(cookie).toMatch(new RegExp(`^sobesednik_session=${reply.id};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Max-Age|Expires/);
    expect(reply.messages[0]?.text).toMatch(/Sobesednik/);
    expect(reply.state).toMatchObject({ mode: 'menu', lang: 'en', persona: null, openness: null });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('starts in Russian without a body', async () => {
    const response = await web.client().request('POST', '/api/sessions');
    expect(response.status).toBe(201);
    expect((response.json as unknown as TestReply).state.lang).toBe('ru');
  });

  it("names the page's buttons in the practice intro, not the slash commands Telegram offers", async () => {
    for (const [lang, again] of [
      ['en', '"↩ Try that turn again"'],
      ['ru', '«↩ Переиграть ход»'],
    ] as const) {
      const { client, id } = await newSession(web.client(), lang);
      const started = await sendEvent(client, id, { command: 'practice', argument: 'mother' });
      const intro = started.reply.messages[0]?.text ?? '';
      expect(intro).toContain(again);
      expect(intro).not.toMatch(/\/again|\/stop/);
    }
  });

  it('runs a practice: a warm reply with feedback raises openness, try again rewinds, stop gives the summary', async () => {
    const { client, id } = await newSession(web.client(), 'en');
    const started = await sendEvent(client, id, { command: 'practice', argument: 'mother' });
    expect(started.status).toBe(200);
    expect(started.reply.state).toMatchObject({ mode: 'practice', persona: 'mother', turn: 0 });
    const before = started.reply.state.openness ?? 0;

    const warm = await sendEvent(client, id, { text: WARM });
    const feedback = warm.reply.messages.find((m) => m.feedback)?.feedback;
    expect(feedback?.verdict).toBe('empathic');
    expect(feedback?.labels.length).toBeGreaterThan(0);
    expect(warm.reply.state.turn).toBe(1);
    expect(warm.reply.state.openness).toBeGreaterThan(before);
    expect(warm.reply.state.trail).toEqual([before, warm.reply.state.openness]);

    const again = await sendEvent(client, id, { button: buttonLabelled(warm.reply, /again/i).data });
    expect(again.reply.state).toMatchObject({ mode: 'practice', turn: 0, openness: before });

    await sendEvent(client, id, { text: WARM });
    const stopped = await sendEvent(client, id, { command: 'stop' });
    expect(stopped.reply.state.mode).toBe('menu');
    expect(stopped.reply.messages.at(-1)?.text).toMatch(/[▁▂▃▄▅▆▇█]/);
  });

  it('gives advice for a relative’s words, with the card’s buttons', async () => {
    const { client, id } = await newSession(web.client(), 'ru');
    const { reply } = await sendEvent(client, id, { text: 'да всё равно нарисуют сколько надо' });
    expect(reply.state.mode).toBe('advise');
    expect(reply.messages[0]?.buttons.flat().length).toBeGreaterThan(0);
  });

  it('refuses malformed events with a clear 400', async () => {
    const { client, id } = await newSession(web.client());
    const cases: [unknown, RegExp][] = [
      ['{not json', /not valid JSON/],
      [{ text: 42 }, /^text: .*expected string/],
      [{ text: 'a', button: 'b' }, /exactly one/],
      [{ command: 'reboot' }, /^command: /],
      [{ button: 'x'.repeat(65) }, /^button: /],
      [[1, 2], /JSON object/],
      [{}, /exactly one/],
      [{ text: 'hi', extra: 1 }, /extra|Unrecognized/i],
      [{ text: 'hi', lang: 'de' }, /^lang: /],
    ];
    for (const [body, message] of cases) {
      const response = await sendEvent(client, id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error).toMatch(message);
    }
    const empty = await client.request('POST', `/api/sessions/${id}/events`);
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatch(/needs a JSON body/);
  });

  it('answers 415 for a body that is not JSON, 413 over the size limit', async () => {
    const { client, id } = await newSession(web.client());
    const plain = await client.request('POST', `/api/sessions/${id}/events`, '{"text":"hi"}', {
      'Content-Type': 'text/plain',
    });
    expect(plain.status).toBe(415);
    expect(plain.json.error).toMatch(/JSON/);
    const big = await sendEvent(client, id, { text: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatch(/larger/);
  });

  it('answers 403 when the cookie is missing or belongs to another session', async () => {
    const mine = await newSession(web.client());
    const theirs = await newSession(web.client());
    expect((await sendEvent(theirs.client, mine.id, { text: 'hi' })).status).toBe(403);
    expect((await sendEvent(web.client(), mine.id, { text: 'hi' })).status).toBe(403);
    expect((await sendEvent(mine.client, 'not-an-id', { text: 'hi' })).status).toBe(403);
    const forget = await theirs.client.request('DELETE', `/api/sessions/${mine.id}`);
    expect(forget.status).toBe(403);
    expect(forget.json.error).toMatch(/cookie/);
  });

  it('forgets a session: every row goes and the cookie is cleared', async () => {
    const { client, id } = await newSession(web.client(), 'en');
    await sendEvent(client, id, { command: 'practice', argument: 'uncle' });
    await sendEvent(client, id, { text: WARM });
    await sendEvent(client, id, { command: 'stop' });
    const key = web.services.userKey('web', id);
    expect(await web.services.store.users.loadUser(key)).toBeDefined();
    expect(await web.services.store.talk.practiceSummaries(key, 10)).toHaveLength(1);
    const response = await client.request('DELETE', `/api/sessions/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^sobesednik_session=;.*Max-Age=0/);
    expect(await web.services.store.users.loadUser(key)).toBeUndefined();
    expect(await web.services.store.talk.practiceSummaries(key, 10)).toHaveLength(0);
  });
});

describe('limits', () => {
  it('limits events per session and new sessions per client, with Retry-After', async () => {
    const limited = createWebApp(web.services, { limits: { eventsPerMinute: 3, sessionsPerMinute: 2 } });
    const client = web.client(limited);
    const { id } = await newSession(client);
    for (let i = 0; i < 3; i++) expect((await sendEvent(client, id, { command: 'help' })).status).toBe(200);
    const refused = await sendEvent(client, id, { command: 'help' });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatch(/too many/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another session has its own budget.
    const other = await newSession(web.client(limited));
    expect((await sendEvent(other.client, other.id, { command: 'help' })).status).toBe(200);
    // Two sessions per minute from this address: the third is refused.
    const third = await web.client(limited).request('POST', '/api/sessions');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBeTruthy();
  });
});
