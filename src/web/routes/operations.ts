import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { UsersRepository } from '../../store/users-repository.js';
import type { WebMetrics } from '../metrics.js';
import { described, json, refusal } from '../openapi.js';
import type { WebEnv } from '../web-env.js';

// For operators and clients of the API: liveness, Prometheus metrics, and the OpenAPI document of every part.

/** A key no HMAC produces (64 hex characters): reading it touches the database and finds nobody. */
const PROBE_KEY = 'healthz';

export interface OperationsDeps {
  users: Pick<UsersRepository, 'loadUser'>;
  log: Logger;
  metrics: Pick<WebMetrics, 'registry'>;
  /** Other registries whose metrics /metrics shows after the web's own (the bot's, when it has some). */
  registries: readonly Registry[];
  /** The whole app's document: only the root knows every part's routes. */
  document(): unknown;
}

export function operationsRoutes(deps: OperationsDeps) {
  const { users, log, metrics, registries, document } = deps;
  const app = new OpenAPIHono<WebEnv>();

  const health = createRoute({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness and database check',
    responses: {
      200: json('{"ok": true}', described),
      503: refusal('the database is unavailable'),
    },
  });
  app.openapi(health, async (c) => {
    try {
      // The store offers no ping; a primary-key read of a key that cannot exist is the cheapest real query.
      await users.loadUser(PROBE_KEY);
      return c.json({ ok: true }, 200);
    } catch (error) {
      log.warn({ kind: error instanceof Error ? error.name : 'unknown' }, 'health check failed');
      return c.json({ ok: false, error: 'the database is unavailable' }, 503);
    }
  });

  const prometheus = createRoute({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    responses: {
      200: { description: 'text exposition format', content: { 'text/plain': { schema: z.string() } } },
    },
  });
  app.openapi(prometheus, async (c) => {
    // Concatenated rather than Registry.merge'd: merging throws if two registries both collect the defaults.
    const parts = await Promise.all([metrics.registry, ...registries].map((registry) => registry.metrics()));
    return c.text(parts.join('\n'), 200, { 'Content-Type': metrics.registry.contentType });
  });

  const openapi = createRoute({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: json('OpenAPI 3.1', described) },
  });
  app.openapi(openapi, (c) => c.json(document() as Record<string, unknown>, 200));

  return app;
}
