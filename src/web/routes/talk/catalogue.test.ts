import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/web.js';
import { createWebApp } from '../../app.js';

// The catalogue, the matcher and the coach in process.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

describe('catalogue, matcher and coach', () => {
  it('lists positions in either language, with groups and a practice button', async () => {
    const ru = await web.client().request('GET', '/api/positions');
    expect(ru.status).toBe(200);
    const positions = ru.json.positions as { id: string; title: string; practiceButton: string }[];
    expect(positions).toHaveLength(40);
    expect(positions[0]?.practiceButton).toBe(`talk:train:${positions[0]?.id}`);
    const en = await web.client().request('GET', '/api/positions?lang=en');
    expect((en.json.groups as Record<string, string>).vote).toBe('Elections');
    const de = await web.client().request('GET', '/api/positions?lang=de');
    expect(de.status).toBe(400);
    expect(de.json.error).toMatch(/^lang: /);
  });

  it('shows one position and 404 for an unknown id', async () => {
    const found = await web.client().request('GET', '/api/positions/vote-rigged?lang=en');
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ id: 'vote-rigged', group: 'vote' });
    expect((found.json.counterarguments as { source: { url: string } }[])[0]?.source.url).toMatch(/^https?:/);
    const missing = await web.client().request('GET', '/api/positions/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: 'no such position' });
  });

  it('matches text to positions and checks its input', async () => {
    const client = web.client();
    const found = await client.request('POST', '/api/match', { text: 'да всё равно нарисуют сколько надо' });
    expect(found.status).toBe(200);
    expect(found.json.lang).toBe('ru');
    expect((found.json.positions as { id: string }[])[0]?.id).toBe('vote-rigged');
    expect((await client.request('POST', '/api/match', { text: '' })).status).toBe(400);
    const wrongKey = await client.request('POST', '/api/match', { words: 'hi' });
    expect(wrongKey.status).toBe(400);
    expect(typeof wrongKey.json.error).toBe('string');
    expect((await client.request('POST', '/api/match')).status).toBe(400);
    const form = await client.request('POST', '/api/match', 'text=hi', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.json.error).toMatch(/JSON/);
  });

  it('judges a reply and checks its input', async () => {
    const client = web.client();
    const judged = await client.request('POST', '/api/coach', {
      text: 'ну ты и дурак',
      context: 'по телевизору всё объяснили',
      lang: 'ru',
    });
    expect(judged.status).toBe(200);
    expect(judged.json.verdict).toBe('toxic');
    expect(typeof judged.json.rewrite).toBe('string');
    expect((await client.request('POST', '/api/coach', { text: 'hi', lang: 'de' })).status).toBe(400);
    const context = await client.request('POST', '/api/coach', { text: 'hi', context: 5 });
    expect(context.status).toBe(400);
    expect(context.json.error).toMatch(/^context: .*expected string/);
  });

  it('limits matching and judging per client, with Retry-After', async () => {
    const limited = web.client(createWebApp(web.services, { limits: { statelessPerMinute: 2 } }));
    expect((await limited.request('POST', '/api/match', { text: 'hi' })).status).toBe(200);
    expect((await limited.request('POST', '/api/coach', { text: 'hi' })).status).toBe(200);
    const refused = await limited.request('POST', '/api/match', { text: 'hi' });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatch(/too many/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
