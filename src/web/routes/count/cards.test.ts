import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpElection } from '../../../test-support/count.js';
import { pngSize } from '../../../test-support/png.js';
import { startTestApp, type TestApp } from '../../../test-support/web.js';

// The share cards over the whole app, on a real SQLite file: a PNG anyone may fetch, cached for a minute.

let web: TestApp;
let election: string;

beforeAll(async () => {
  web = await startTestApp();
  const setUp = await setUpElection(web.services.store, { stations: ['8267', '8268'] });
  election = setUp.election.id;
  const client = web.client();
  const joined = await client.request('POST', '/api/count/join', { code: await setUp.invite('8267') });
  const now = Date.now();
  const events = [
    { id: randomUUID(), kind: 'shift-start', at: new Date(now - 600_000).toISOString(), door: 'main' },
    { id: randomUUID(), kind: 'entry', at: new Date(now - 300_000).toISOString(), door: 'main' },
  ];
  const sent = await client.request(
    'POST',
    '/api/count/events',
    { events },
    { Authorization: `Bearer ${joined.json.token}` },
  );
  expect(sent.status).toBe(200);
});

afterAll(async () => {
  await web?.close();
});

async function get(path: string) {
  const response = await web.app.request(path);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describe('share cards', () => {
  it("gives a station's card as a 1080×1080 PNG that may be cached for a minute", async () => {
    const { response, body } = await get(`/api/count/elections/${election}/stations/8267/card.png?lang=ru`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(pngSize(body)).toEqual({ width: 1080, height: 1080 });
    const english = await get(`/api/count/elections/${election}/stations/8267/card.png?lang=en`);
    expect(english.body.equals(body)).toBe(false);
  });

  it("gives the whole election's card, in Russian unless asked otherwise", async () => {
    const ru = await get(`/api/count/elections/${election}/card.png`);
    expect(ru.response.status).toBe(200);
    expect(ru.response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(ru.body)).toEqual({ width: 1080, height: 1080 });
    expect((await get(`/api/count/elections/${election}/card.png?lang=ru`)).body.equals(ru.body)).toBe(true);
  });

  it('answers 404 for an unknown election or station, 400 for an unknown language, and caches neither', async () => {
    for (const path of [
      '/api/count/elections/no-such/card.png',
      '/api/count/elections/no-such/stations/8267/card.png',
      `/api/count/elections/${election}/stations/9999/card.png`,
    ]) {
      const { response, body } = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(JSON.parse(body.toString()).error).toMatch(/^no such election/);
    }
    const { response } = await get(`/api/count/elections/${election}/card.png?lang=de`);
    expect(response.status).toBe(400);
  });

  it('is described in the OpenAPI document as a PNG', async () => {
    const doc = (await web.client().request('GET', '/api/openapi.json')).json as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    for (const path of [
      '/api/count/elections/{id}/card.png',
      '/api/count/elections/{id}/stations/{station}/card.png',
    ])
      expect(Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {})).toEqual(['image/png']);
  });
});
