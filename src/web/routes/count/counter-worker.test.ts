import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/web.js';

// The counter's two addresses and its service worker, in process: what the worker keeps must be everything the
// page loads, or the counter would open half-broken with no network.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

async function get(path: string) {
  const response = await web.app.request(path);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The list Workbox wrote into the worker at build time. */
function precached(worker: string): string[] {
  const list = /\[\{"revision":.*?\}\]/.exec(worker)?.[0];
  if (!list) throw new Error('no precache list in the worker');
  return (JSON.parse(list) as { url: string; revision: string }[]).map((entry) => entry.url);
}

describe('the counter pages', () => {
  it('serves one page at the invite address and the counter address, with no inline script', async () => {
    const join = await get('/count/join');
    const counter = await get('/count/counter');
    expect([join.status, counter.status]).toEqual([200, 200]);
    expect(join.type).toBe('text/html; charset=utf-8');
    expect(join.text).toBe(counter.text);
    expect(join.text).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
  });

  it('serves the worker under /count/ and has it keep every file the page loads', async () => {
    const worker = await get('/count/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.type).toBe('text/javascript; charset=utf-8');
    const kept = precached(worker.text);
    expect(kept).toContain('/count/counter');

    const page = (await get('/count/counter')).text;
    const loads = [...page.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1] ?? '');
    const script = (await get('/static/counter.js')).text;
    const imports = [...script.matchAll(/from\s*"\.\/([a-z0-9-]+\.js)"/g)].map((m) => `/static/${m[1]}`);
    expect(loads).toContain('/static/counter.js');
    for (const file of [...loads, ...imports]) expect(kept, file).toContain(file);
    // Each kept file is served, so the worker's install never fails on a missing one.
    for (const url of kept) expect((await get(url)).status, url).toBe(200);
  });
});
