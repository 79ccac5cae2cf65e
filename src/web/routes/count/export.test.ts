import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry, setUpElection } from '../../../test-support/count.js';
import { startTestWeb, type TestWeb } from '../../../test-support/web.js';

// The open data over HTTP, on a real SQLite file: public and cacheable, the exit-poll answers withheld until the
// last station has closed (ADMIN_TOKEN or the coordinator gets them before, uncached), every table as a CSV
// download that parses back to the JSON's rows, and no trace of the volunteer who counted.

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const DAY_MS = 86_400_000;
const TABLES = ['stations', 'counts', 'queues', 'answers', 'official'];

let web: TestWeb;
let volunteerToken: string;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];

beforeAll(async () => {
  web = await startTestWeb({ env: { ADMIN_TOKEN } });
  // 'test-count' is open today until 23:59 UTC; 'test-closed' closed three days ago.
  ({ invite } = await setUpElection(web.services.store, { stations: ['8267', '8268'] }));
  await setUpElection(web.services.store, {
    id: 'test-closed',
    stations: ['8267'],
    now: Date.now() - 3 * DAY_MS,
  });
  await web.services.store.count.importAnswers(
    'test-closed',
    'voteabroad',
    ['8267'],
    [{ station: '8267', bucket: 0, answer: 'a', gender: 'female', age: 30, respondents: 8 }],
  );
  await web.services.store.count.importOfficial('test-count', [
    { station: '8267', ballots: 40, votes: { a: 35, invalid: 5 } },
  ]);
  volunteerToken = await join('volunteer');
  const events = [
    entry(3),
    entry(2),
    {
      id: randomUUID(),
      kind: 'queue',
      at: new Date(Date.now() - 60_000).toISOString(),
      people: 12,
      waitMinutes: 20,
    },
    { id: randomUUID(), kind: 'exitpoll', at: new Date(Date.now() - 60_000).toISOString(), answer: 'a' },
  ];
  const sent = await post('/api/count/events', { events }, { Authorization: `Bearer ${volunteerToken}` });
  expect(sent.status).toBe(200);
});

afterAll(async () => {
  await web?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${web.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function join(role: 'volunteer' | 'coordinator'): Promise<string> {
  const joined = await post('/api/count/join', { code: await invite('8267', role) });
  return ((await joined.json()) as { token: string }).token;
}

/** A JSON answer, typed as loosely as JSON.parse, since tests probe it. */
const jsonOf = async (response: Response): Promise<ReturnType<typeof JSON.parse>> => response.json();

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${web.url}/api/count/elections/${path}`, { headers });

describe('GET /api/count/elections/:id/export…', () => {
  it('gives everyone the open data, cacheable, without the exit poll before the last station closes', async () => {
    const response = await get('test-count/export.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const data = await jsonOf(response);
    expect(data).toMatchObject({ version: '1.0.0', election: 'test-count', exitPollPublished: false });
    expect(data.tables.answers).toEqual([]);
    expect(data.readme).toContain('exit-poll answers are withheld');
    expect(data.tables.queues).toMatchObject([{ station: '8267', people: 12, wait_minutes: 20 }]);
    // Two taps, in one bucket or two (by when the test runs), each a bucket one volunteer watched.
    const counts = data.tables.counts as {
      station: string;
      door: string;
      count: number;
      volunteers: number;
    }[];
    expect(counts.reduce((sum, row) => sum + row.count, 0)).toBe(2);
    for (const row of counts) expect(row).toMatchObject({ station: '8267', door: 'main', volunteers: 1 });
    expect(data.tables.official).toEqual([{ station: '8267', ballots: 40, a: 35, invalid: 5 }]);

    const answers = await get('test-count/export/answers.csv');
    expect(await answers.text()).toBe('station,bucket_start,answer,respondents,source\n');
  });

  it('serves each table as a CSV download that parses back to the JSON rows, and the README', async () => {
    const data = await jsonOf(await get('test-count/export.json'));
    for (const table of TABLES) {
      const response = await get(`test-count/export/${table}.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="test-count-open-data-1.0.0-${table}.csv"`,
      );
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
      const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
      expect(rows).toEqual(
        (data.tables[table] as Record<string, unknown>[]).map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)])),
        ),
      );
    }
    const readme = await get('test-count/export/README.md');
    expect(readme.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(readme.headers.get('content-disposition')).toContain('test-count-open-data-1.0.0-README.md');
    expect(await readme.text()).toContain('## How to cite');
  });

  it('gives the exit-poll answers early to ADMIN_TOKEN and the coordinator, uncached; not to a volunteer', async () => {
    for (const token of [ADMIN_TOKEN, await join('coordinator')]) {
      const response = await get('test-count/export.json', { Authorization: `Bearer ${token}` });
      expect(response.headers.get('cache-control')).toContain('no-store');
      const data = await jsonOf(response);
      expect(data.exitPollPublished).toBe(true);
      expect(data.tables.answers).toMatchObject([
        { station: '8267', answer: 'a', respondents: 1, source: 'volunteers' },
      ]);
      expect(data.readme).toContain('do not publish it before then');
      const csv = await get('test-count/export/answers.csv', { Authorization: `Bearer ${token}` });
      expect(csv.headers.get('cache-control')).toContain('no-store');
      expect(await csv.text()).toContain(',a,1,volunteers');
    }
    const volunteer = await get('test-count/export.json', { Authorization: `Bearer ${volunteerToken}` });
    expect((await jsonOf(volunteer)).exitPollPublished).toBe(false);
    expect((await get('test-count/export.json', { Authorization: 'Bearer not-a-known-token' })).status).toBe(
      401,
    );
  });

  it('gives everyone the exit-poll answers once the election has closed', async () => {
    const data = await jsonOf(await get('test-closed/export.json'));
    expect(data.exitPollPublished).toBe(true);
    expect(data.tables.answers).toEqual([
      {
        station: '8267',
        bucket_start: '1970-01-01T00:00:00.000Z',
        answer: 'a',
        respondents: 8,
        source: 'voteabroad',
      },
    ]);
  });

  it('carries no volunteer id or token in any file', async () => {
    const holder = await web.services.store.count.volunteerByToken(volunteerToken);
    if (!holder) throw new Error('no volunteer');
    const texts = [
      await (await get('test-count/export.json', { Authorization: `Bearer ${ADMIN_TOKEN}` })).text(),
    ];
    for (const name of [...TABLES.map((t) => `${t}.csv`), 'README.md'])
      texts.push(
        await (await get(`test-count/export/${name}`, { Authorization: `Bearer ${ADMIN_TOKEN}` })).text(),
      );
    for (const text of texts) {
      expect(text).not.toContain(holder.volunteer);
      expect(text).not.toContain(volunteerToken);
    }
  });

  it('answers 404 with an error for an unknown election or file, and is in the OpenAPI document', async () => {
    for (const path of [
      'no-such/export.json',
      'no-such/export/counts.csv',
      'test-count/export/secrets.csv',
    ]) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect((await jsonOf(response)).error).toMatch(/no such/);
    }
    // An unknown file's answer names the files there are.
    expect((await jsonOf(await get('test-count/export/secrets.csv'))).error).toBe(
      'no such file; the files are stations.csv, counts.csv, queues.csv, answers.csv, official.csv, README.md',
    );
    const doc = (await (await fetch(`${web.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    const paths = doc.paths;
    expect(paths['/api/count/elections/{id}/export.json']).toBeDefined();
    expect(paths['/api/count/elections/{id}/export/{file}']).toBeDefined();
  });
});
