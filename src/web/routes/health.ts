import type { Registry } from 'prom-client';
import type { RouteDeps } from '../route-deps.js';
import type { WebApp } from '../web-env.js';

/** A key no HMAC produces (64 hex characters): reading it touches the database and finds nobody. */
const PROBE_KEY = 'healthz';

export function healthRoutes(app: WebApp, deps: RouteDeps, others: readonly Registry[]): void {
  const { metrics, services } = deps;
  const { users } = deps.store;

  app.get('/healthz', async (c) => {
    try {
      // The store offers no ping; a primary-key read of a key that cannot exist is the cheapest real query.
      await users.loadUser(PROBE_KEY);
      return c.json({ ok: true });
    } catch (error) {
      services.log.warn({ kind: error instanceof Error ? error.name : 'unknown' }, 'health check failed');
      return c.json({ ok: false, error: 'the database is unavailable' }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    // Concatenated rather than Registry.merge'd: merging throws if two registries both collect the defaults.
    const parts = await Promise.all([metrics.registry, ...others].map((registry) => registry.metrics()));
    return c.body(parts.join('\n'), 200, { 'Content-Type': metrics.registry.contentType });
  });
}
