import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry, setUpElection } from '../../../test-support/count.js';
import { startTestApp, type TestApp } from '../../../test-support/web.js';
import { createWebApp } from '../../app.js';

// Volunteers through the API, on a real SQLite file: joining with an invite code, then sending batches of events.

let web: TestApp;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];

beforeAll(async () => {
  web = await startTestApp();
  ({ invite } = await setUpElection(web.services.store, { stations: ['8267', '8268'] }));
});

afterAll(async () => {
  await web?.close();
});

async function join(station = '8267') {
  const response = await web.client().request('POST', '/api/count/join', { code: await invite(station) });
  expect(response.status).toBe(200);
  return response.json.token as string;
}

function send(token: string, body: unknown, headers: Record<string, string> = {}) {
  return web
    .client()
    .request('POST', '/api/count/events', body, { Authorization: `Bearer ${token}`, ...headers });
}

async function counted(station: string) {
  const live = await web.client().request('GET', '/api/count/elections/test-count/live');
  const stations = live.json.stations as { station: string; counted: { value: number | null } }[];
  return stations.find((s) => s.station === station)?.counted.value;
}

describe('joining', () => {
  it('turns an invite code into a token for its station, once', async () => {
    const code = await invite('8268', 'coordinator');
    const client = web.client();
    // As a person might type it from paper: capitals and spaces.
    const typed = ` ${code.toUpperCase().replace(/(.{4})/g, '$1 ')}`;
    const joined = await client.request('POST', '/api/count/join', { code: typed });
    expect(joined.status).toBe(200);
    expect(joined.json).toEqual({
      token: expect.stringMatching(/^[\w-]{32,}$/),
      election: 'test-count',
      station: '8268',
      role: 'coordinator',
    });
    const again = await client.request('POST', '/api/count/join', { code });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/already been used/);
  });

  it('refuses an unknown or expired code and a malformed request, saying which', async () => {
    const client = web.client();
    const unknown = await client.request('POST', '/api/count/join', { code: 'abcdabcdabcdabcd' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: expect.stringMatching(/no such invite code/) });
    const expiredCode = await invite('8267', 'volunteer', Date.now() - 1000);
    const expired = await client.request('POST', '/api/count/join', { code: expiredCode });
    expect(expired.status).toBe(410);
    expect(expired.json.error).toMatch(/expired/);
    const empty = await client.request('POST', '/api/count/join', { code: '' });
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatch(/^code: /);
    expect((await client.request('POST', '/api/count/join', { code: 5 })).status).toBe(400);
    expect((await client.request('POST', '/api/count/join', '{"code":')).status).toBe(400);
    const form = await client.request('POST', '/api/count/join', 'code=x', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('limits attempts per client, so codes cannot be guessed quickly', async () => {
    const limited = web.client(createWebApp(web.services, { limits: { countJoinsPerMinute: 3 } }));
    for (let i = 0; i < 3; i++)
      expect((await limited.request('POST', '/api/count/join', { code: `guess${i}` })).status).toBe(404);
    const refused = await limited.request('POST', '/api/count/join', { code: 'guess4' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json.error).toMatch(/too many requests/);
  });
});

describe('sending events', () => {
  it('stores a batch once, however often it is sent, and counts it at the token’s station', async () => {
    const token = await join('8267');
    const batch = {
      events: [
        entry(3),
        entry(2),
        { id: randomUUID(), kind: 'queue', at: entry().at, people: 40, waitMinutes: 25 },
      ],
    };
    const first = await send(token, batch);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ accepted: 3, duplicates: 0 });
    // A retry after a lost answer, with one new tap.
    const retry = await send(token, { events: [...batch.events, entry(1)] });
    expect(retry.json).toEqual({ accepted: 1, duplicates: 3 });
    expect(await counted('8267')).toBe(3);
    expect(await counted('8268')).toBeNull();
  });

  it('refuses a batch with one bad event whole, naming it, and stores nothing of it', async () => {
    const token = await join('8268');
    const good = entry(1);
    const bad = { id: randomUUID(), kind: 'entry', at: '2026-03-10T10:00:00' };
    const refused = await send(token, { events: [good, bad] });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      error: `event 1 (${bad.id}): at: expected an ISO-8601 time with an offset or Z`,
      index: 1,
    });
    expect(await counted('8268')).toBeNull();
    const future = { ...entry(), id: randomUUID(), at: new Date(Date.now() + 3_600_000).toISOString() };
    expect((await send(token, { events: [future] })).json.error).toMatch(/^event 0 .*future/);
    expect((await send(token, { events: [] })).json).toEqual({ error: 'expected at least one event' });
    expect((await send(token, { taps: [good] })).status).toBe(400);
    expect((await send(token, '{"events": [')).json).toEqual({ error: 'the body is not valid JSON' });
    expect((await send(token, { events: [good] })).json).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('takes a full batch of 500 from a phone that was offline, and refuses more', async () => {
    const token = await join('8267');
    const full = {
      events: Array.from({ length: 500 }, (_, i) => entry(200 - i * 0.3, i % 2 ? 'main' : 'side')),
    };
    const body = JSON.stringify(full);
    expect(body.length).toBeGreaterThan(16 * 1024);
    expect((await send(token, body)).json).toEqual({ accepted: 500, duplicates: 0 });
    const over = await send(token, { events: [...full.events, entry()] });
    expect(over.status).toBe(400);
    expect(over.json.error).toBe('expected at most 500 events a batch, got 501');
    const huge = await send(token, JSON.stringify({ events: [], pad: 'x'.repeat(300 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatch(/larger than/);
  });

  it('refuses a missing or unknown token with 401, before reading the body', async () => {
    const client = web.client();
    const none = await client.request('POST', '/api/count/events', { events: [entry()] });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.json.error).toMatch(/Authorization: Bearer/);
    const unknown = await send('x'.repeat(43), { events: [entry()] });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toMatch(/unknown token/);
    const garbage = await send('x'.repeat(43), 'not json at all');
    expect(garbage.status).toBe(401);
    const basic = await client.request(
      'POST',
      '/api/count/events',
      { events: [entry()] },
      {
        Authorization: 'Basic dXNlcjpwYXNz',
      },
    );
    expect(basic.status).toBe(401);
  });

  it('limits batches per token per second, with Retry-After, not per person tapping', async () => {
    const limited = web.client(createWebApp(web.services, { limits: { countBatchesPerSecond: 2 } }));
    const token = await join('8267');
    const other = await join('8267');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await limited.request(
        'POST',
        '/api/count/events',
        { events: [entry()] },
        {
          Authorization: `Bearer ${token}`,
        },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(response.json.error).toMatch(/too many requests/);
      }
    }
    // A burst of twice the rate passes; the rest wait.
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.at(-1)).toBe(429);
    const another = await limited.request(
      'POST',
      '/api/count/events',
      { events: [entry()] },
      {
        Authorization: `Bearer ${other}`,
      },
    );
    expect(another.status).toBe(200);
  });
});
