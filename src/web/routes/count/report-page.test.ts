import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/web.js';

// The report page's address, in process: one static page for every election, with its own script only.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

describe('the report page', () => {
  it('is served for any election id, with no inline script, and loads its own script', async () => {
    for (const path of ['/count/pres-2024/report', '/count/no-such-election/report']) {
      const { status, headers, text } = await web.client().request('GET', path);
      expect(status, path).toBe(200);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(text).toContain('src="/static/count-report.js"');
      expect(text).not.toContain('count-live.js');
      expect(text).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(text).not.toMatch(/\son[a-z]+=|style="/);
    }
    const script = await web.app.request('/static/count-report.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('leaves deeper addresses alone', async () => {
    for (const path of ['/count/pres-2024/report/extra', '/count/pres-2024/reports'])
      expect((await web.client().request('GET', path)).status, path).toBe(404);
  });
});
