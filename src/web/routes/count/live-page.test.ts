import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/web.js';

// The live count page's address, in process: one static page for every election, with its own script only.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

describe('the live count page', () => {
  it('is served for any election id, with no inline script, and loads its script and the charts', async () => {
    for (const path of ['/count/pres-2024', '/count/no-such-election']) {
      const { status, headers, text } = await web.client().request('GET', path);
      expect(status, path).toBe(200);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(text).toContain('src="/static/count-live.js"');
      expect(text).toContain('href="/static/charts.js"');
      expect(text).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(text).not.toMatch(/\son[a-z]+=|style="/);
    }
    const script = await web.app.request('/static/count-live.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('leaves other addresses under /count alone', async () => {
    for (const path of ['/count', '/count/', '/count/pres-2024/extra'])
      expect((await web.client().request('GET', path)).status, path).toBe(404);
  });

  it('keeps Chart.js off the practice page', async () => {
    const { text } = await web.client().request('GET', '/');
    expect(text).not.toContain('charts.js');
  });
});
