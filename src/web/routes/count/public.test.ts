import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpElection } from '../../../test-support/count.js';
import { startTestApp, type TestApp } from '../../../test-support/web.js';

// What anyone may read, on a real SQLite file: the elections, the live counts, and a station's arrivals chart.

const QUARTER = 15 * 60_000;

let web: TestApp;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];

beforeAll(async () => {
  web = await startTestApp();
  ({ invite } = await setUpElection(web.services.store, { stations: ['8267', '8268', '8269'] }));
});

afterAll(async () => {
  await web?.close();
});

async function volunteer(station: string) {
  const client = web.client();
  const joined = await client.request('POST', '/api/count/join', { code: await invite(station) });
  const send = async (events: object[]) => {
    const response = await client.request(
      'POST',
      '/api/count/events',
      { events },
      { Authorization: `Bearer ${joined.json.token}` },
    );
    expect(response.status).toBe(200);
  };
  return { send };
}

const at = (ms: number) => new Date(ms).toISOString();
const event = (kind: string, ms: number, extra: object = {}) => ({
  id: randomUUID(),
  kind,
  at: at(ms),
  ...extra,
});
/** A shift over one quarter hour at `door`, with `people` taps in its first minutes. */
function watchedQuarter(from: number, people: number, door = 'main') {
  return [
    event('shift-start', from, { door }),
    ...Array.from({ length: people }, (_, i) => event('entry', from + 1000 + i * 20_000, { door })),
    event('shift-end', from + QUARTER, { door }),
  ];
}

describe('elections and live counts', () => {
  it('lists the elections with their titles, days and exit-poll answers in order', async () => {
    const response = await web.client().request('GET', '/api/count/elections');
    expect(response.status).toBe(200);
    const list = response.json.elections as { id: string; answers: { id: string }[] }[];
    const found = list.find((e) => e.id === 'test-count');
    expect(found).toMatchObject({
      id: 'test-count',
      kind: 'presidential',
      title: { ru: 'Тестовые выборы', en: 'Test election' },
      days: expect.any(Array),
    });
    expect(found?.answers.map((a) => a.id)).toEqual(['a', 'invalid', 'removed', 'declined']);
    expect(found?.answers.at(-1)).toEqual({
      id: 'declined',
      ru: 'Не захотел отвечать',
      en: 'Declined to answer',
    });
  });

  it('shows every station, its count, its latest queue, and the total', async () => {
    const { send } = await volunteer('8267');
    const now = Date.now();
    await send([
      event('entry', now - 120_000),
      event('entry', now - 60_000),
      event('queue', now - 600_000, { people: 120, waitMinutes: 90 }),
      event('queue', now - 30_000, { people: 80, waitMinutes: 45 }),
    ]);
    const response = await web.client().request('GET', '/api/count/elections/test-count/live');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const stations = response.json.stations as Record<string, unknown>[];
    expect(stations.map((s) => s.station).sort()).toEqual(['8267', '8268', '8269']);
    expect(stations.find((s) => s.station === '8267')).toEqual({
      station: '8267',
      country: 'RS',
      city: 'Belgrade',
      timezone: 'UTC',
      counted: { value: 2, coverage: expect.any(Number) },
      queue: { people: 80, waitMinutes: 45, at: at(now - 30_000) },
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(stations.find((s) => s.station === '8269')).toMatchObject({
      counted: { value: null, coverage: null },
      queue: null,
      updatedAt: null,
    });
    expect(response.json).toMatchObject({ election: 'test-count', totals: { counted: 2 } });
  });

  it('answers 404 for an unknown election', async () => {
    const response = await web.client().request('GET', '/api/count/elections/no-such/live');
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: 'no such election' });
  });
});

describe("one station's live figures", () => {
  it('gives the station as /live does, for a phone that needs only its own', async () => {
    const { send } = await volunteer('8267');
    await send([
      event('entry', Date.now() - 60_000),
      event('queue', Date.now() - 30_000, { people: 5, waitMinutes: 3 }),
    ]);
    const all = await web.client().request('GET', '/api/count/elections/test-count/live');
    const one = await web.client().request('GET', '/api/count/elections/test-count/stations/8267/live');
    expect(one.status).toBe(200);
    expect(one.headers.get('cache-control')).toBe('no-store');
    expect(one.json).toEqual((all.json.stations as { station: string }[]).find((s) => s.station === '8267'));
    expect(one.json).toMatchObject({
      station: '8267',
      timezone: 'UTC',
      queue: { people: 5, waitMinutes: 3 },
    });
  });

  it('answers 404 for an unknown station or election', async () => {
    const station = await web.client().request('GET', '/api/count/elections/test-count/stations/1/live');
    expect(station.status).toBe(404);
    expect(station.json).toEqual({ error: 'no such station in this election' });
    const election = await web.client().request('GET', '/api/count/elections/nope/stations/8267/live');
    expect(election.json).toEqual({ error: 'no such election' });
  });
});

describe("a station's arrivals", () => {
  it('gives each quarter hour and door the median of its volunteers, and null where nobody watched', async () => {
    const from = Math.floor((Date.now() - 2 * 3_600_000) / QUARTER) * QUARTER;
    const first = await volunteer('8268');
    const second = await volunteer('8268');
    await first.send([...watchedQuarter(from, 3), ...watchedQuarter(from + QUARTER, 2, 'side')]);
    await second.send(watchedQuarter(from, 6));
    const response = await web
      .client()
      .request('GET', '/api/count/elections/test-count/stations/8268/arrivals');
    expect(response.status).toBe(200);
    expect(response.json.station).toBe('8268');
    const buckets = response.json.buckets as {
      from: string;
      to: string;
      door: string;
      count: number | null;
    }[];
    const counts = (door: string) => buckets.filter((b) => b.door === door && b.count !== null);
    expect(counts('main')).toEqual([{ from: at(from), to: at(from + QUARTER), door: 'main', count: 4.5 }]);
    expect(counts('side')).toEqual([
      { from: at(from + QUARTER), to: at(from + 2 * QUARTER), door: 'side', count: 2 },
    ]);
    // Every quarter hour of the opening hours begun so far is there for each door, so a chart shows the gaps as
    // gaps; the ones still to come are not.
    const main = buckets.filter((b) => b.door === 'main');
    expect(main.length).toBe(buckets.length / 2);
    expect(main.filter((b) => b.count === null).length).toBe(main.length - 1);
    expect(Date.parse(main.at(-1)?.from ?? '')).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(main.at(-1)?.to ?? '')).toBeGreaterThan(Date.now() - QUARTER);
  });

  it('gives no buckets for a station nobody counted, and 404 for an unknown station or election', async () => {
    const empty = await web.client().request('GET', '/api/count/elections/test-count/stations/8269/arrivals');
    expect(empty.json).toEqual({ station: '8269', buckets: [] });
    const station = await web.client().request('GET', '/api/count/elections/test-count/stations/1/arrivals');
    expect(station.status).toBe(404);
    expect(station.json).toEqual({ error: 'no such station in this election' });
    const election = await web.client().request('GET', '/api/count/elections/nope/stations/8267/arrivals');
    expect(election.status).toBe(404);
    expect(election.json).toEqual({ error: 'no such election' });
  });
});

describe('the API description', () => {
  it('lists count’s routes in /api/openapi.json', async () => {
    const response = await web.client().request('GET', '/api/openapi.json');
    const paths = Object.keys(response.json.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/count/join',
        '/api/count/events',
        '/api/count/elections',
        '/api/count/elections/{id}/live',
        '/api/count/elections/{id}/stations/{station}/live',
        '/api/count/invites',
        '/api/count/elections/{id}/stations',
        '/api/count/elections/{id}/stations/{station}/arrivals',
        '/api/count/elections/{id}/stream',
      ]),
    );
  });
});
