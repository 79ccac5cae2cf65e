import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpElection } from '../../../test-support/count.js';
import { startTestWeb, TestClient, type TestWeb } from '../../../test-support/web.js';

// A voter's phone and the API over real HTTP: the form's question by its code, one answer counted, and every
// other try refused with a status the page can explain. The log keeps the route, never the code or an address.

let web: TestWeb;
let client: TestClient;
let election: string;

async function codes(n: number, station = '8267') {
  const made = await web.services.forms.make({ election, station, n, base: web.url });
  if (!made.ok) throw new Error(made.reason);
  return made.codes.map((c) => c.code);
}

beforeAll(async () => {
  web = await startTestWeb({ web: { limits: { countFormsPerMinute: 40 } } });
  client = new TestClient(web.url);
  ({ election } = await setUpElection(web.services.store, {
    id: 'test-forms-http',
    stations: ['8267', '8300'],
  }).then((set) => ({ election: set.election.id })));
});

afterAll(async () => {
  await web?.close();
});

describe('self-filled forms over HTTP', () => {
  it('shows the form, counts one answer, and refuses the same code after', async () => {
    const [code = ''] = await codes(1);
    const opened = await client.request('POST', '/api/count/forms/open', { code });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({
      election,
      station: '8267',
      city: 'Belgrade',
      title: { en: 'Test election' },
    });
    expect((opened.json.answers as { id: string }[]).map((a) => a.id)).toEqual([
      'a',
      'invalid',
      'removed',
      'declined',
    ]);

    const answered = await client.request('POST', '/api/count/forms', { code, answer: 'a', station: '8267' });
    expect(answered.status).toBe(201);
    expect(answered.json).toEqual({ counted: true });
    const again = await client.request('POST', '/api/count/forms', { code, answer: 'declined' });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/already been answered/);
    expect((await client.request('POST', '/api/count/forms/open', { code })).status).toBe(409);
    expect((await web.services.store.count.answerCounts(election))['8267']).toEqual({ a: 1 });
  });

  it('refuses a forged code, an answer the election has not, and another station, using nothing up', async () => {
    const [code = ''] = await codes(1);
    const forged = await client.request('POST', '/api/count/forms', {
      code: 'abcd-efgh-jkmn-pqrs',
      answer: 'a',
    });
    expect(forged.status).toBe(404);
    expect(forged.json.error).toMatch(/no such form code/);
    const wrong = await client.request('POST', '/api/count/forms', { code, answer: 'putin' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatch(/not one of this election's answers/);
    const elsewhere = await client.request('POST', '/api/count/forms', {
      code,
      answer: 'a',
      station: '8300',
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.json.error).toMatch(/another station/);
    const malformed = await client.request('POST', '/api/count/forms', { code, answer: 'a', extra: 1 });
    expect(malformed.status).toBe(400);
    expect((await client.request('POST', '/api/count/forms', { code, answer: 'declined' })).status).toBe(201);
  });

  it('counts exactly one of many answers sent at once with one code', async () => {
    const [code = ''] = await codes(1, '8300');
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        client.request('POST', '/api/count/forms', { code, answer: 'a' }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect((await web.services.store.count.answerCounts(election))['8300']).toEqual({ a: 1 });
  });

  it('logs the route only: no code, no answer, no address', async () => {
    const [code = ''] = await codes(1);
    await client.request('POST', '/api/count/forms', { code, answer: 'removed' });
    const lines = web.logLines.filter((line) => line.includes('/api/count/forms'));
    expect(lines.length).toBeGreaterThan(0);
    const log = web.logLines.join('\n');
    expect(log).not.toContain(code);
    expect(log).not.toContain('removed');
    // The server's own address is in its "listening" line; no request's line names the client's.
    for (const line of lines) expect(line).not.toContain('127.0.0.1');
  });

  it('slows a client down that tries codes too fast', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++)
      statuses.push((await client.request('POST', '/api/count/forms/open', { code: `guess${i}` })).status);
    expect(statuses).toContain(429);
    const limited = await client.request('POST', '/api/count/forms/open', { code: 'guess' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
