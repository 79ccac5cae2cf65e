import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, sendEvent, startTestWeb, TestClient, type TestWeb, WARM } from '../test-support/web.js';
import { serveWeb } from './server.js';

// End to end over real HTTP, on a real SQLite file: what only a socket shows (declared and streamed body sizes,
// the cookie through a real client, the peer's address) and what only the disk and the log show (privacy).

let web: TestWeb;

beforeAll(async () => {
  web = await startTestWeb();
});

afterAll(async () => {
  await web?.close();
});

describe('over HTTP', () => {
  it('runs a session from its cookie to its end', async () => {
    const { client, id, reply } = await newSession(new TestClient(web.url), 'en');
    expect(reply.state).toMatchObject({ mode: 'menu', lang: 'en' });
    expect(client.cookie).toBe(`sobesednik_session=${id}`);
    const practice = await sendEvent(client, id, { command: 'practice', argument: 'mother' });
    expect(practice.status).toBe(200);
    expect(practice.reply.state).toMatchObject({ mode: 'practice', persona: 'mother' });
    expect((await sendEvent(new TestClient(web.url), id, { text: 'hi' })).status).toBe(403);
    const forget = await client.request('DELETE', `/api/sessions/${id}`);
    expect(forget.status).toBe(200);
    expect(client.cookie).toBeUndefined();
  });

  it('refuses a body over the limit from its declared length or by counting a stream', async () => {
    const { client, id } = await newSession(new TestClient(web.url), 'en');
    const declared = await sendEvent(client, id, { text: 'x'.repeat(20_000) });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual({ error: 'the body is larger than 16 KB' });
    const stream = (text: string) =>
      fetch(`${web.url}/api/sessions/${id}/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: client.cookie ?? '' },
        body: new ReadableStream({
          start(controller) {
            // Two chunks, so that the body really arrives in pieces.
            const bytes = new TextEncoder().encode(JSON.stringify({ text }));
            controller.enqueue(bytes.subarray(0, 5));
            controller.enqueue(bytes.subarray(5));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
    const small = await stream('NATO came right up to our borders');
    expect(small.status).toBe(200);
    expect(JSON.stringify(await small.json())).toMatch(/NATO/);
    const big = await stream('x'.repeat(20_000));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/larger/);
  });

  it('limits new sessions per client address, with Retry-After', async () => {
    const limited = await serveWeb(web.services, { limits: { sessionsPerMinute: 1 } });
    try {
      expect((await new TestClient(limited.url).request('POST', '/api/sessions')).status).toBe(201);
      const refused = await new TestClient(limited.url).request('POST', '/api/sessions');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('privacy', () => {
  it('keeps no typed text and no session id in the database file or the log', async () => {
    const typed = [
      'Мама, я слышу, как тебя это тревожит. Что пугает больше всего? приватность-42',
      'ну ты и дурак, приватность-43',
      'да всё равно нарисуют сколько надо, приватность-44',
      'у меня на даче опять вырос гигантский кабачок приватность-45',
      '<script>alert("приватность-46")</script>',
    ];
    const { client, id } = await newSession(new TestClient(web.url), 'ru');
    await sendEvent(client, id, { command: 'practice', argument: 'mother' });
    await sendEvent(client, id, { text: typed[0] });
    await sendEvent(client, id, { text: typed[1] });
    await sendEvent(client, id, { command: 'stop' });
    await sendEvent(client, id, { text: typed[2] });
    // Unrecognised and not agreed to: held in memory for consent, never written.
    await sendEvent(client, id, { text: typed[3] });
    await sendEvent(client, id, { text: typed[4] });
    await sendEvent(client, id, { text: WARM });
    await client.request('POST', '/api/match', { text: typed[2] });
    await client.request('POST', '/api/coach', { text: typed[1] });
    const seized = web.seize();
    expect(seized.length).toBeGreaterThan(0);
    expect(seized).toMatch(/practice_summaries/);
    for (const text of typed) {
      expect(seized).not.toContain(text);
      expect(seized).not.toContain(text.slice(0, 24));
    }
    expect(seized).not.toMatch(/приватность-4\d/);
    expect(seized).not.toContain(id);
    const log = web.logLines.join('');
    expect(log).toMatch(/"route":"\/api\/sessions\/:id\/events"/);
    expect(log).not.toMatch(/приватность/);
    expect(log).not.toContain(id);
    expect(log).not.toContain(web.services.userKey('web', id));
  });
});

describe('the built package', () => {
  const built = fileURLToPath(new URL('../../dist/web/static-files.js', import.meta.url));

  // dist/ exists after `npm ci` (its prepare script builds); the built server finds the pages Vite wrote
  // beside it in dist/web/static.
  it.skipIf(!existsSync(built))('finds the static files from dist/web', async () => {
    const { staticDir, loadStaticFiles } = (await import(built)) as typeof import('./static-files.js');
    expect(staticDir()).toBe(fileURLToPath(new URL('../../dist/web/static/', import.meta.url)));
    expect([...loadStaticFiles().keys()]).toEqual(
      expect.arrayContaining(['index.html', 'app.js', 'style.css']),
    );
  });
});
