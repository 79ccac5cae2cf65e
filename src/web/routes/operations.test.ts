import { Counter, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app/services.js';
import { StoreError } from '../../store/store-error.js';
import { newSession, sendEvent, startTestApp, type TestApp, WARM } from '../../test-support/web.js';
import { createWebApp } from '../app.js';

// Liveness, metrics and the OpenAPI document, in process.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp({ env: { ADMIN_TOKEN: 'admin-token-for-tests-0123456789' } });
});

afterAll(async () => {
  await web?.close();
});

/** The API as it was published: every path and method stays (the document may add, never drop). */
const CONTRACT = {
  '/api/sessions': ['post'],
  '/api/sessions/{id}/events': ['post'],
  '/api/sessions/{id}': ['delete'],
  '/api/positions': ['get'],
  '/api/positions/{id}': ['get'],
  '/api/match': ['post'],
  '/api/coach': ['post'],
  '/api/stats': ['get'],
  '/api/openapi.json': ['get'],
  '/healthz': ['get'],
  '/metrics': ['get'],
  '/admin/api/phrasings': ['get'],
  '/admin/api/reload': ['post'],
};

interface Operation {
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { headers?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
}

describe('operations', () => {
  it('answers /healthz after a database query', async () => {
    const response = await web.client().request('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true });
  });

  it('exposes its counters in Prometheus format', async () => {
    const { client, id } = await newSession(web.client(), 'en');
    await sendEvent(client, id, { command: 'practice', argument: 'friend' });
    await sendEvent(client, id, { text: WARM });
    await sendEvent(client, id, { command: 'stop' });
    const response = await client.request('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toMatch(
      /sobesednik_http_requests_total\{method="POST",route="\/api\/sessions\/:id\/events",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /sobesednik_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/api\/sessions"\}/,
    );
    expect(text).toMatch(/sobesednik_practice_sessions_started_total [1-9]/);
    expect(text).toMatch(/sobesednik_practice_sessions_finished_total\{outcome="stopped"\} [1-9]/);
    expect(text).toMatch(/sobesednik_dialogue_events_total\{kind="text"\} [1-9]/);
    expect(text).toMatch(/sobesednik_database_errors_total 0/);
    expect(text).not.toContain(id);
  });

  it('shows other registries after its own', async () => {
    const registry = new Registry();
    new Counter({ name: 'sobesednik_telegram_updates_total', help: 'updates', registers: [registry] }).inc(3);
    const withBot = createWebApp(web.services, { registries: [registry] });
    const text = await (await withBot.request('/metrics')).text();
    expect(text).toMatch(/sobesednik_http_requests_total/);
    expect(text).toMatch(/sobesednik_telegram_updates_total 3/);
  });

  it('answers 503 from /healthz and counts the failure when the database is down', async () => {
    const down: Services = {
      ...web.services,
      store: {
        ...web.services.store,
        users: {
          ...web.services.store.users,
          loadUser: () => Promise.reject(new StoreError('the database is locked')),
        },
      },
    };
    const app = createWebApp(down);
    const health = await web.client(app).request('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.json).toEqual({ ok: false, error: 'the database is unavailable' });
    expect(await (await app.request('/metrics')).text()).toMatch(/sobesednik_database_errors_total 1/);
  });

  it('describes every route in the OpenAPI document generated from the schemas', async () => {
    const response = await web.client().request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
    const paths = response.json.paths as Record<string, Record<string, Operation>>;
    for (const [path, methods] of Object.entries(CONTRACT))
      for (const method of methods) expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();

    // Every route the app answers, but the pages, is in the document.
    const pages = new Set([
      '/',
      '/stats',
      '/admin',
      '/static/:name',
      '/favicon.ico',
      '/count/join',
      '/count/counter',
      '/count/form',
      '/count/sw.js',
      '/count/:election',
      '/count/:election/report',
      '/guide',
    ]);
    const routes = web.app.routes
      .filter((route) => route.method !== 'ALL' && !pages.has(route.path))
      .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:(\w+)/g, '{$1}') }));
    expect(routes.length).toBeGreaterThanOrEqual(13);
    for (const route of routes)
      expect(paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();

    // The bodies and parameters come from the schemas the server validates with.
    const events = paths['/api/sessions/{id}/events']?.post;
    const eventSchema = events?.requestBody?.content['application/json']?.schema;
    expect(events?.requestBody?.required).toBe(true);
    expect(((eventSchema?.anyOf ?? []) as { required: string[] }[]).map((option) => option.required)).toEqual(
      [['text'], ['button'], ['command']],
    );
    expect(events?.responses['429']?.headers).toHaveProperty('Retry-After');
    expect(events?.security).toEqual([{ sessionCookie: [] }]);
    expect(paths['/api/sessions']?.post?.requestBody?.required).toBe(false);
    const days = paths['/api/stats']?.get?.parameters?.find((parameter) => parameter.name === 'days');
    expect(days?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 3660, default: 30 });
    expect(paths['/admin/api/reload']?.post?.security).toEqual([{ adminToken: [] }]);
    expect(Object.keys(paths['/admin/api/reload']?.post?.responses ?? {}).sort()).toEqual([
      '200',
      '401',
      '404',
      '422',
    ]);
    const components = response.json.components as Record<string, Record<string, unknown>>;
    expect(Object.keys(components.schemas ?? {})).toEqual(
      expect.arrayContaining(['Error', 'Message', 'Button']),
    );
    expect(Object.keys(components.securitySchemes ?? {}).sort()).toEqual([
      'adminToken',
      'countToken',
      'sessionCookie',
    ]);
  });
});
