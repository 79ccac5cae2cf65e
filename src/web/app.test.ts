import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../app/services.js';
import { StoreError } from '../store/store-error.js';
import { startTestApp, type TestApp } from '../test-support/web.js';
import { createWebApp } from './app.js';

// What the root app gives every part, in process: 404s, security headers, hidden errors, the webhook's label.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

describe('the root app', () => {
  it('answers unknown routes and wrong methods with 404 {error}', async () => {
    for (const [method, url] of [
      ['GET', '/nope'],
      ['GET', '/api/nope'],
      ['GET', '/api/match'],
      ['PUT', '/api/positions'],
      ['GET', '/static/../app.ts'],
      ['GET', '/static/nope.js'],
    ] as const) {
      const response = await web.client().request(method, url);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.json, `${method} ${url}`).toEqual({ error: 'not found' });
    }
    expect((await web.client().request('GET', '/api/nope')).headers.get('cache-control')).toBe('no-store');
  });

  it('puts the security headers on every response', async () => {
    const client = web.client();
    for (const url of ['/', '/stats', '/static/app.js', '/api/positions', '/nope', '/healthz']) {
      const { headers } = await client.request('GET', url);
      const csp = headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ])
        expect(csp, url).toContain(directive);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(headers.get('x-frame-options'), url).toBe('DENY');
      expect(headers.get('cross-origin-opener-policy'), url).toBe('same-origin');
      expect(headers.get('cross-origin-resource-policy'), url).toBe('same-origin');
      expect(headers.get('permissions-policy'), url).toMatch(
        /camera=\(\), microphone=\(\), geolocation=\(\)/,
      );
      expect(headers.get('strict-transport-security'), url).toBeNull();
    }
  });

  it('hides the cause of an internal error and says when the database fails', async () => {
    const failing = (error: Error): Services => ({
      ...web.services,
      store: {
        ...web.services.store,
        talk: { ...web.services.store.talk, positionStats: () => Promise.reject(error) },
      },
    });
    const broken = createWebApp(failing(new TypeError('boom: what the user typed')));
    const crashed = await web.client(broken).request('GET', '/api/stats');
    expect(crashed.status).toBe(500);
    expect(crashed.json).toEqual({ error: 'internal error' });
    expect(crashed.text).not.toMatch(/boom|TypeError|\bat\s|\.ts:/);
    expect(crashed.headers.get('content-security-policy')).toBeTruthy();
    const down = createWebApp(failing(new StoreError('the database file is locked')));
    const unavailable = await web.client(down).request('GET', '/api/stats');
    expect(unavailable.status).toBe(503);
    expect(unavailable.json.error).toMatch(/database/);
    const metrics = await web.client(down).request('GET', '/metrics');
    expect(metrics.text).toMatch(/sobesednik_database_errors_total 1/);
    const logged = web.logLines.filter((line) => line.includes('internal error'));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toContain('what the user typed');
    expect(web.logLines.some((line) => line.includes('"route":"/api/stats"'))).toBe(true);
  });

  it('mounts a new part with one app.route(), its middleware confined to its prefix', async () => {
    const app = createWebApp(web.services);
    const part = new Hono()
      .use(async (c, next) => {
        await next();
        c.res.headers.set('X-Part', 'dummy');
      })
      .get('/hello', (c) => c.json({ hello: true }));
    app.route('/api/dummy', part);
    const hello = await app.request('/api/dummy/hello');
    expect(hello.status).toBe(200);
    expect(await hello.json()).toEqual({ hello: true });
    expect(hello.headers.get('x-part')).toBe('dummy');
    expect(hello.headers.get('content-security-policy')).toBeTruthy();
    expect(hello.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/api/positions')).headers.get('x-part')).toBeNull();
    expect(await (await app.request('/metrics')).text()).toMatch(/route="\/api\/dummy\/hello"/);
  });

  it('serves a webhook under a label that hides its path', async () => {
    const hooked = createWebApp(web.services, {
      webhook: {
        path: '/telegram/s3cret-path',
        handle: async (request) => new Response(await request.text()),
      },
    });
    const response = await hooked.request('/telegram/s3cret-path', {
      method: 'POST',
      body: '{"update_id":1}',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"update_id":1}');
    const metrics = await (await hooked.request('/metrics')).text();
    expect(metrics).toContain('route="webhook"');
    expect(metrics).not.toContain('s3cret');
    expect(web.logLines.join('')).not.toContain('s3cret');
  });
});
