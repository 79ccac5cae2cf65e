import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpElection } from '../../../test-support/count.js';
import { startTestApp, type TestApp } from '../../../test-support/web.js';

// The report over HTTP, on a real SQLite file: the exit poll stays hidden from the public until the election's
// last station has closed, and ADMIN_TOKEN or the election's coordinator sees it before.

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const DAY_MS = 86_400_000;

let web: TestApp;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];

beforeAll(async () => {
  web = await startTestApp({ env: { ADMIN_TOKEN } });
  // 'test-count' is open today until 23:59 UTC; 'test-closed' closed three days ago.
  ({ invite } = await setUpElection(web.services.store, { stations: ['8267', '8268'] }));
  await setUpElection(web.services.store, {
    id: 'test-closed',
    stations: ['8267'],
    now: Date.now() - 3 * DAY_MS,
  });
  await web.services.store.count.importAnswers(
    'test-closed',
    'test',
    ['8267'],
    [
      { station: '8267', bucket: 0, answer: 'a', gender: '', age: -1, respondents: 8 },
      { station: '8267', bucket: 0, answer: 'declined', gender: '', age: -1, respondents: 2 },
    ],
  );
  await web.services.store.count.importOfficial('test-count', [
    { station: '8267', ballots: 40, votes: { a: 35, invalid: 5 } },
  ]);
});

afterAll(async () => {
  await web?.close();
});

async function join(role: 'volunteer' | 'coordinator') {
  const joined = await web.client().request('POST', '/api/count/join', { code: await invite('8267', role) });
  return joined.json.token as string;
}

const report = (election: string, headers: Record<string, string> = {}) =>
  web.client().request('GET', `/api/count/elections/${election}/report`, undefined, headers);

describe('GET /api/count/elections/:id/report', () => {
  it('hides the exit poll from the public until the last station closes', async () => {
    const token = await join('volunteer');
    const now = Date.now();
    const answers = ['a', 'a', 'a', 'declined'].map((answer) => ({
      id: randomUUID(),
      kind: 'exitpoll',
      at: new Date(now - 60_000).toISOString(),
      answer,
    }));
    const sent = await web
      .client()
      .request('POST', '/api/count/events', { events: answers }, { Authorization: `Bearer ${token}` });
    expect(sent.status).toBe(200);

    const response = await report('test-count');
    expect(response.status).toBe(200);
    expect(response.json.exitPollPublished).toBe(false);
    const stations = response.json.stations as { station: string; exitPoll: unknown; official: unknown }[];
    expect(stations.map((s) => s.exitPoll)).toEqual([null, null]);
    expect(stations.find((s) => s.station === '8267')?.official).toEqual({
      ballots: 40,
      votes: { a: 35, invalid: 5 },
    });
    expect(stations.find((s) => s.station === '8268')?.official).toBeNull();
    expect(JSON.stringify(response.json)).not.toContain(token);
  });

  it('shows the exit poll to ADMIN_TOKEN and to the election coordinator before then, not to a volunteer', async () => {
    for (const token of [ADMIN_TOKEN, await join('coordinator')]) {
      const response = await report('test-count', { Authorization: `Bearer ${token}` });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('no-store');
      expect(response.json.exitPollPublished).toBe(true);
      const [first] = response.json.stations as { exitPoll: { respondents: number; declined: number } }[];
      expect(first?.exitPoll).toMatchObject({ respondents: 4, declined: 1 });
    }
    const volunteer = await report('test-count', { Authorization: `Bearer ${await join('volunteer')}` });
    expect(volunteer.json.exitPollPublished).toBe(false);
    expect((await report('test-count', { Authorization: 'Bearer not-a-known-token' })).status).toBe(401);
  });

  it('shows the exit poll to everyone once the election has closed', async () => {
    const response = await report('test-closed');
    expect(response.status).toBe(200);
    expect(response.json.exitPollPublished).toBe(true);
    const [station] = response.json.stations as {
      exitPoll: { respondents: number; answers: Record<string, unknown> };
    }[];
    expect(station?.exitPoll.respondents).toBe(10);
    expect(station?.exitPoll.answers.a).toMatchObject({ count: 8, share: 0.8, high: 1 });
  });

  it('answers 404 for an unknown election, and is described in the OpenAPI document', async () => {
    expect((await report('no-such')).status).toBe(404);
    const doc = await web.client().request('GET', '/api/openapi.json');
    const paths = doc.json.paths as Record<string, { get?: { summary?: string } }>;
    expect(paths['/api/count/elections/{id}/report']?.get?.summary).toContain('exit poll');
  });
});
