import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Counter, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../app/services.js';
import { StoreError } from '../store/store-error.js';
import { startTestWeb, TestClient, type TestWeb } from '../test-support/web.js';
import { createWebApp } from './app.js';
import { serveWeb } from './server.js';

// The API over real HTTP, on a real SQLite file: every route's happy path and its errors.

interface Button {
  label: string;
  data: string;
}
interface Message {
  text: string;
  buttons: Button[][];
  feedback?: { verdict: string; markers: string[]; labels: string[]; tips: string[]; rewrite: string };
}
interface Reply {
  id?: string;
  messages: Message[];
  state: {
    mode: string;
    lang: string;
    persona: string | null;
    position: string | null;
    openness: number | null;
    turn: number | null;
    trail: number[];
  };
}

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const WARM = 'Mum, I can hear how tired you are of all this. What worries you most?';

let web: TestWeb;

beforeAll(async () => {
  web = await startTestWeb({ env: { ADMIN_TOKEN } });
});

afterAll(async () => {
  await web?.close();
});

async function newSession(lang?: 'ru' | 'en') {
  const client = new TestClient(web.url);
  const response = await client.request('POST', '/api/sessions', lang ? { lang } : undefined);
  expect(response.status).toBe(201);
  const reply = response.json as unknown as Reply;
  return { client, id: reply.id ?? '', reply };
}

async function send(client: TestClient, id: string, body: unknown) {
  const response = await client.request('POST', `/api/sessions/${id}/events`, body);
  return { ...response, reply: response.json as unknown as Reply };
}

function buttonLabelled(reply: Reply, pattern: RegExp): Button {
  const button = reply.messages.flatMap((m) => m.buttons.flat()).find((b) => pattern.test(b.label));
  if (!button) throw new Error(`no button ${pattern} in ${JSON.stringify(reply.messages)}`);
  return button;
}

describe('sessions', () => {
  it('creates a session with a strict httpOnly cookie and the first messages in the asked language', async () => {
    const client = new TestClient(web.url);
    const response = await client.request('POST', '/api/sessions', { lang: 'en' });
    expect(response.status).toBe(201);
    const cookie = response.headers.get('set-cookie') ?? '';
    const reply = response.json as unknown as Reply;
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
    const client = new TestClient(web.url);
    const response = await client.request('POST', '/api/sessions');
    expect(response.status).toBe(201);
    expect((response.json as unknown as Reply).state.lang).toBe('ru');
  });

  it('runs a practice: a warm reply with feedback raises openness, try again rewinds, stop gives the summary', async () => {
    const { client, id } = await newSession('en');
    const started = await send(client, id, { command: 'practice', argument: 'mother' });
    expect(started.status).toBe(200);
    expect(started.reply.state).toMatchObject({ mode: 'practice', persona: 'mother', turn: 0 });
    const before = started.reply.state.openness ?? 0;

    const warm = await send(client, id, { text: WARM });
    const feedback = warm.reply.messages.find((m) => m.feedback)?.feedback;
    expect(feedback?.verdict).toBe('empathic');
    expect(feedback?.labels.length).toBeGreaterThan(0);
    expect(warm.reply.state.turn).toBe(1);
    expect(warm.reply.state.openness).toBeGreaterThan(before);
    expect(warm.reply.state.trail).toEqual([before, warm.reply.state.openness]);

    const again = await send(client, id, { button: buttonLabelled(warm.reply, /again/i).data });
    expect(again.reply.state).toMatchObject({ mode: 'practice', turn: 0, openness: before });

    await send(client, id, { text: WARM });
    const stopped = await send(client, id, { command: 'stop' });
    expect(stopped.reply.state.mode).toBe('menu');
    expect(stopped.reply.messages.at(-1)?.text).toMatch(/[▁▂▃▄▅▆▇█]/);
  });

  it('gives advice for a relative’s words, with the card’s buttons', async () => {
    const { client, id } = await newSession('ru');
    const { reply } = await send(client, id, { text: 'да всё равно нарисуют сколько надо' });
    expect(reply.state.mode).toBe('advise');
    expect(reply.messages[0]?.buttons.flat().length).toBeGreaterThan(0);
  });

  it('refuses malformed events with a clear 400', async () => {
    const { client, id } = await newSession();
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
      const response = await send(client, id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error).toMatch(message);
    }
  });

  it('answers 415 for a body that is not JSON, 413 over the size limit', async () => {
    const { client, id } = await newSession();
    const plain = await client.request('POST', `/api/sessions/${id}/events`, '{"text":"hi"}', {
      'Content-Type': 'text/plain',
    });
    expect(plain.status).toBe(415);
    expect(plain.json.error).toMatch(/JSON/);
    const big = await send(client, id, { text: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatch(/larger/);
  });

  it('counts a streamed body (no Content-Length) against the same limit', async () => {
    const { client, id } = await newSession('en');
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

  it('answers 403 when the cookie is missing or belongs to another session', async () => {
    const mine = await newSession();
    const theirs = await newSession();
    expect((await send(theirs.client, mine.id, { text: 'hi' })).status).toBe(403);
    const anonymous = new TestClient(web.url);
    expect((await send(anonymous, mine.id, { text: 'hi' })).status).toBe(403);
    expect((await send(mine.client, 'not-an-id', { text: 'hi' })).status).toBe(403);
    const forget = await theirs.client.request('DELETE', `/api/sessions/${mine.id}`);
    expect(forget.status).toBe(403);
    expect(forget.json.error).toMatch(/cookie/);
  });

  it('forgets a session: every row goes and the cookie is cleared', async () => {
    const { client, id } = await newSession('en');
    await send(client, id, { command: 'practice', argument: 'uncle' });
    await send(client, id, { text: WARM });
    await send(client, id, { command: 'stop' });
    const key = web.services.userKey('web', id);
    expect(await web.services.store.loadUser(key)).toBeDefined();
    expect(await web.services.store.practiceSummaries(key, 10)).toHaveLength(1);
    const response = await client.request('DELETE', `/api/sessions/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^sobesednik_session=;.*Max-Age=0/);
    expect(await web.services.store.loadUser(key)).toBeUndefined();
    expect(await web.services.store.practiceSummaries(key, 10)).toHaveLength(0);
  });
});

describe('catalogue, matcher and coach', () => {
  const client = () => new TestClient(web.url);

  it('lists positions in either language, with groups and a practice button', async () => {
    const ru = await client().request('GET', '/api/positions');
    expect(ru.status).toBe(200);
    const positions = ru.json.positions as { id: string; title: string; practiceButton: string }[];
    expect(positions).toHaveLength(40);
    expect(positions[0]?.practiceButton).toBe(`t:${positions[0]?.id}`);
    const en = await client().request('GET', '/api/positions?lang=en');
    expect((en.json.groups as Record<string, string>).vote).toBe('Elections');
    expect((await client().request('GET', '/api/positions?lang=de')).status).toBe(400);
  });

  it('shows one position and 404 for an unknown id', async () => {
    const found = await client().request('GET', '/api/positions/vote-rigged?lang=en');
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ id: 'vote-rigged', group: 'vote' });
    expect((found.json.counterarguments as { source: { url: string } }[])[0]?.source.url).toMatch(/^https?:/);
    const missing = await client().request('GET', '/api/positions/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: 'no such position' });
  });

  it('matches text to positions and checks its input', async () => {
    const found = await client().request('POST', '/api/match', {
      text: 'да всё равно нарисуют сколько надо',
    });
    expect(found.status).toBe(200);
    expect(found.json.lang).toBe('ru');
    expect((found.json.positions as { id: string }[])[0]?.id).toBe('vote-rigged');
    expect((await client().request('POST', '/api/match', { text: '' })).status).toBe(400);
    expect((await client().request('POST', '/api/match', { words: 'hi' })).status).toBe(400);
    expect((await client().request('POST', '/api/match')).status).toBe(400);
    const form = await client().request('POST', '/api/match', 'text=hi', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('judges a reply and checks its input', async () => {
    const judged = await client().request('POST', '/api/coach', {
      text: 'ну ты и дурак',
      context: 'по телевизору всё объяснили',
      lang: 'ru',
    });
    expect(judged.status).toBe(200);
    expect(judged.json.verdict).toBe('toxic');
    expect(typeof judged.json.rewrite).toBe('string');
    expect((await client().request('POST', '/api/coach', { text: 'hi', lang: 'de' })).status).toBe(400);
    expect((await client().request('POST', '/api/coach', { text: 'hi', context: 5 })).status).toBe(400);
  });

  it('answers unknown routes and wrong methods with 404 {error}', async () => {
    for (const [method, url] of [
      ['GET', '/nope'],
      ['GET', '/api/nope'],
      ['GET', '/api/match'],
      ['PUT', '/api/positions'],
      ['GET', '/static/../app.ts'],
      ['GET', '/static/nope.js'],
    ] as const) {
      const response = await client().request(method, url);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.json, `${method} ${url}`).toEqual({ error: 'not found' });
    }
  });
});

describe('statistics', () => {
  it('counts positions met and practice outcomes, from aggregates only', async () => {
    const { client, id } = await newSession('en');
    await send(client, id, { text: 'да всё равно нарисуют сколько надо' });
    await send(client, id, { command: 'practice', argument: 'grandmother' });
    await send(client, id, { text: WARM });
    await send(client, id, { command: 'stop' });
    const response = await client.request('GET', '/api/stats?days=7&lang=en');
    expect(response.status).toBe(200);
    const stats = response.json as {
      days: number;
      positions: { id: string; title: string; total: number; perDay: Record<string, number> }[];
      practice: { persona: string; name: string; outcomes: Record<string, number> }[];
    };
    expect(stats.days).toBe(7);
    expect(stats.positions.find((p) => p.id === 'vote-rigged')?.total).toBeGreaterThanOrEqual(1);
    expect(stats.practice.find((p) => p.persona === 'grandmother')?.outcomes.stopped).toBeGreaterThanOrEqual(
      1,
    );
    for (const bad of ['days=0', 'days=abc', 'days=1.5', 'days=100000', 'lang=fr', 'x=1']) {
      const refused = await client.request('GET', `/api/stats?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(typeof refused.json.error).toBe('string');
    }
  });
});

describe('limits', () => {
  it('limits events per session and new sessions per client, with Retry-After', async () => {
    const limited = await serveWeb(web.services, { limits: { eventsPerMinute: 3, sessionsPerMinute: 2 } });
    try {
      const client = new TestClient(limited.url);
      const created = await client.request('POST', '/api/sessions');
      const id = String(created.json.id);
      for (let i = 0; i < 3; i++) expect((await send(client, id, { command: 'help' })).status).toBe(200);
      const refused = await send(client, id, { command: 'help' });
      expect(refused.status).toBe(429);
      expect(refused.json.error).toMatch(/too many/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another session has its own budget.
      const other = new TestClient(limited.url);
      const second = await other.request('POST', '/api/sessions');
      expect(second.status).toBe(201);
      expect((await send(other, String(second.json.id), { command: 'help' })).status).toBe(200);
      // Two sessions per minute from this address: the third is refused.
      const third = await new TestClient(limited.url).request('POST', '/api/sessions');
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBeTruthy();
    } finally {
      await limited.close();
    }
  });
});

describe('operations', () => {
  it('answers /healthz after a database query', async () => {
    const response = await new TestClient(web.url).request('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true });
  });

  it('exposes its counters in Prometheus format', async () => {
    const { client, id } = await newSession('en');
    await send(client, id, { command: 'practice', argument: 'friend' });
    await send(client, id, { text: WARM });
    await send(client, id, { command: 'stop' });
    const response = await client.request('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toMatch(
      /sobesednik_http_requests_total\{method="POST",route="\/api\/sessions\/:id\/events",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /sobesednik_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/api\/sessions"\}/,
    );
    expect(text).toMatch(/sobesednik_practice_sessions_started_total [1-9]/);
    expect(text).toMatch(/sobesednik_practice_sessions_finished_total\{outcome="stopped"\} [1-9]/);
    expect(text).toMatch(/sobesednik_dialogue_events_total\{kind="text"\} [1-9]/);
    expect(text).toMatch(/sobesednik_database_errors_total 0/);
    expect(text).not.toContain(id);
  });

  it('shows other registries after its own', async () => {
    const registry = new Registry();
    new Counter({ name: 'sobesednik_telegram_updates_total', help: 'updates', registers: [registry] }).inc(3);
    const withBot = await serveWeb(web.services, { registries: [registry] });
    try {
      const text = await (await fetch(`${withBot.url}/metrics`)).text();
      expect(text).toMatch(/sobesednik_http_requests_total/);
      expect(text).toMatch(/sobesednik_telegram_updates_total 3/);
    } finally {
      await withBot.close();
    }
  });

  it('lists every route in the OpenAPI document', async () => {
    const response = await new TestClient(web.url).request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
    const paths = response.json.paths as Record<string, Record<string, unknown>>;
    const pages = new Set(['/', '/stats', '/admin', '/static/:name', '/favicon.ico']);
    const routes = createWebApp(web.services)
      .routes.filter((route) => route.method !== 'ALL' && !pages.has(route.path))
      .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:(\w+)/g, '{$1}') }));
    expect(routes.length).toBeGreaterThanOrEqual(13);
    for (const route of routes)
      expect(paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    expect(Object.keys(paths).sort()).toEqual(
      [
        '/admin/api/phrasings',
        '/admin/api/reload',
        '/api/coach',
        '/api/match',
        '/api/openapi.json',
        '/api/positions',
        '/api/positions/{id}',
        '/api/sessions',
        '/api/sessions/{id}',
        '/api/sessions/{id}/events',
        '/api/stats',
        '/healthz',
        '/metrics',
      ].sort(),
    );
  });

  it('puts the security headers on every response', async () => {
    const client = new TestClient(web.url);
    for (const url of ['/', '/stats', '/static/app.js', '/api/positions', '/nope', '/healthz']) {
      const { headers } = await client.request('GET', url);
      const csp = headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ])
        expect(csp, url).toContain(directive);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(headers.get('x-frame-options'), url).toBe('DENY');
    }
  });

  it('serves pages without inline script and assets with their types', async () => {
    const client = new TestClient(web.url);
    for (const page of ['/', '/stats']) {
      const { status, headers, text } = await client.request('GET', page);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
      for (const tag of text.match(/<script\b[^>]*>/g) ?? [])
        expect(tag).toMatch(/\ssrc="\/static\/[a-z-]+\.js"/);
      expect(text).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(text).not.toMatch(/\son[a-z]+=|style="/);
      expect(text).not.toMatch(/https?:\/\//);
    }
    const types = { 'app.js': 'text/javascript', 'style.css': 'text/css', 'icon.svg': 'image/svg+xml' };
    for (const [name, type] of Object.entries(types)) {
      const response = await fetch(`${web.url}/static/${name}`);
      expect(response.headers.get('content-type')?.startsWith(type), name).toBe(true);
      const etag = response.headers.get('etag') ?? '';
      const again = await fetch(`${web.url}/static/${name}`, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
    }
  });

  it('hides the cause of an internal error and says when the database fails', async () => {
    const failing = (error: Error): Services => ({
      ...web.services,
      store: {
        ...web.services.store,
        positionStats: () => Promise.reject(error),
        loadUser: () => Promise.reject(error),
      },
    });
    const broken = await serveWeb(failing(new TypeError('boom: what the user typed')));
    const down = await serveWeb(failing(new StoreError('the database file is locked')));
    try {
      const crashed = await new TestClient(broken.url).request('GET', '/api/stats');
      expect(crashed.status).toBe(500);
      expect(crashed.json).toEqual({ error: 'internal error' });
      expect(crashed.text).not.toMatch(/boom|TypeError|\bat\s|\.ts:/);
      expect(crashed.headers.get('content-security-policy')).toBeTruthy();
      const unavailable = await new TestClient(down.url).request('GET', '/api/stats');
      expect(unavailable.status).toBe(503);
      expect(unavailable.json.error).toMatch(/database/);
      expect((await new TestClient(down.url).request('GET', '/healthz')).status).toBe(503);
      const metrics = await new TestClient(down.url).request('GET', '/metrics');
      expect(metrics.text).toMatch(/sobesednik_database_errors_total [2-9]/);
      const logged = web.logLines.filter((line) => line.includes('internal error'));
      expect(logged.length).toBeGreaterThan(0);
      for (const line of logged) expect(line).not.toContain('what the user typed');
    } finally {
      await broken.close();
      await down.close();
    }
  });

  it('serves a webhook under a label that hides its path', async () => {
    const hooked = await serveWeb(web.services, {
      webhook: {
        path: '/telegram/s3cret-path',
        handle: async (request) => new Response(await request.text()),
      },
    });
    try {
      const response = await fetch(`${hooked.url}/telegram/s3cret-path`, {
        method: 'POST',
        body: '{"update_id":1}',
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"update_id":1}');
      const metrics = await (await fetch(`${hooked.url}/metrics`)).text();
      expect(metrics).toContain('route="webhook"');
      expect(metrics).not.toContain('s3cret');
      expect(web.logLines.join('')).not.toContain('s3cret');
    } finally {
      await hooked.close();
    }
  });
});

describe('admin', () => {
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  it('wants the bearer token', async () => {
    const client = new TestClient(web.url);
    const none = await client.request('GET', '/admin/api/phrasings');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(
      (await client.request('GET', '/admin/api/phrasings', undefined, { Authorization: 'Bearer wrong' }))
        .status,
    ).toBe(401);
    expect(
      (await client.request('POST', '/admin/api/reload', undefined, { Authorization: ADMIN_TOKEN })).status,
    ).toBe(401);
    expect((await client.request('GET', '/admin')).status).toBe(200);
  });

  it('is off, as if absent, when ADMIN_TOKEN is unset', async () => {
    const services = { ...web.services, config: { ...web.services.config, ADMIN_TOKEN: undefined } };
    const off = await serveWeb(services);
    try {
      for (const url of ['/admin', '/admin/api/phrasings']) {
        const response = await new TestClient(off.url).request('GET', url, undefined, auth);
        expect(response.status, url).toBe(404);
        expect(response.json).toEqual({ error: 'not found' });
      }
    } finally {
      await off.close();
    }
  });

  it('lists consented phrasings grouped, most frequent first', async () => {
    const share = async (text: string) => {
      const { client, id } = await newSession('ru');
      const { reply } = await send(client, id, { text });
      const consent = reply.messages.flatMap((m) => m.buttons.flat()).find((b) => b.data === 'c:1');
      expect(consent, text).toBeDefined();
      await send(client, id, { button: consent?.data });
    };
    await share('у соседки кошка родила пятерых котят');
    await share('у соседки кошка родила шестерых котят');
    await share('мой велосипед опять сломался');
    const response = await new TestClient(web.url).request('GET', '/admin/api/phrasings', undefined, auth);
    expect(response.status).toBe(200);
    const groups = response.json.groups as { size: number; example: string }[];
    expect(groups[0]?.size).toBe(2);
    expect(groups[0]?.example).toMatch(/кошка/);
    expect(groups.some((group) => /велосипед/.test(group.example))).toBe(true);
  });

  it('reloads the catalogue for the whole process, the bot included', async () => {
    const before = web.services.catalogue;
    const response = await new TestClient(web.url).request('POST', '/admin/api/reload', undefined, auth);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: true, positions: 40, personas: 6, scope: 'process' });
    // The services' catalogue is what the bot reads at each use (its /stats titles).
    expect(web.services.catalogue).not.toBe(before);
    const after = await new TestClient(web.url).request('GET', '/api/positions/vote-rigged');
    expect(after.status).toBe(200);
    const matched = await new TestClient(web.url).request('POST', '/api/match', {
      text: 'Мой голос ничего не решает',
    });
    expect(matched.json).toMatchObject({ positions: [{ id: 'vote-pointless' }] });
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
    const { client, id } = await newSession('ru');
    await send(client, id, { command: 'practice', argument: 'mother' });
    await send(client, id, { text: typed[0] });
    await send(client, id, { text: typed[1] });
    await send(client, id, { command: 'stop' });
    await send(client, id, { text: typed[2] });
    // Unrecognised and not agreed to: held in memory for consent, never written.
    await send(client, id, { text: typed[3] });
    await send(client, id, { text: typed[4] });
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

  // dist/ exists after `npm ci` (its prepare script builds); tsc copies no assets, so the built server must
  // find the pages in src/web/static by itself.
  it.skipIf(!existsSync(built))('finds the static files from dist/web', async () => {
    const { staticDir, loadStaticFiles } = (await import(built)) as typeof import('./static-files.js');
    expect(staticDir()).toBe(fileURLToPath(new URL('./static/', import.meta.url)));
    expect([...loadStaticFiles().keys()]).toEqual(
      expect.arrayContaining(['index.html', 'app.js', 'style.css']),
    );
  });
});
