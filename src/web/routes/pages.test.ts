import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/web.js';

// The pages and their assets in process.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

describe('pages', () => {
  it('serves pages without inline script and assets with their types', async () => {
    const client = web.client();
    for (const page of ['/', '/stats']) {
      const { status, headers, text } = await client.request('GET', page);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
      for (const tag of text.match(/<script\b[^>]*>/g) ?? [])
        expect(tag).toMatch(/\ssrc="\/static\/[a-z-]+\.js"/);
      expect(text).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(text).not.toMatch(/\son[a-z]+=|style="/);
      expect(text).not.toMatch(/https?:\/\//);
    }
    const types = { 'app.js': 'text/javascript', 'style.css': 'text/css', 'icon.svg': 'image/svg+xml' };
    for (const [name, type] of Object.entries(types)) {
      const response = await web.app.request(`/static/${name}`);
      expect(response.headers.get('content-type')?.startsWith(type), name).toBe(true);
      const etag = response.headers.get('etag') ?? '';
      const again = await web.app.request(`/static/${name}`, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
    }
    const icon = await web.app.request('/favicon.ico');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves no file outside the static folder', async () => {
    for (const url of [
      '/static/../app.ts',
      '/static/nope.js',
      '/static/index.html',
      '/static/%2e%2e%2fapp.ts',
    ]) {
      const response = await web.client().request('GET', url);
      expect(response.status, url).toBe(404);
      expect(response.json, url).toEqual({ error: 'not found' });
    }
  });
});
