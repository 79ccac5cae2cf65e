import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, sendEvent, startTestApp, type TestApp, WARM } from '../../../test-support/web.js';

// Statistics in process, from the anonymous counters the conversations leave.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

describe('statistics', () => {
  it('counts positions met and practice outcomes, from aggregates only', async () => {
    const { client, id } = await newSession(web.client(), 'en');
    await sendEvent(client, id, { text: 'да всё равно нарисуют сколько надо' });
    await sendEvent(client, id, { command: 'practice', argument: 'grandmother' });
    await sendEvent(client, id, { text: WARM });
    await sendEvent(client, id, { command: 'stop' });
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
    expect((await client.request('GET', '/api/stats')).json.days).toBe(30);
  });

  it('refuses bad query strings with a 400 that names the field', async () => {
    const cases: [string, RegExp][] = [
      ['days=0', /^days: /],
      ['days=abc', /^days: /],
      ['days=1.5', /^days: /],
      ['days=100000', /^days: /],
      ['lang=fr', /^lang: /],
      ['x=1', /Unrecognized key/],
    ];
    for (const [bad, message] of cases) {
      const refused = await web.client().request('GET', `/api/stats?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.json.error, bad).toMatch(message);
    }
  });
});
