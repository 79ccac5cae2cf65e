import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';
import type { WebMetrics } from './metrics.js';
import type { WebEnv } from './web-env.js';

// One log line and two metrics per request: method, route pattern, status, latency. The pattern
// (/api/sessions/:id/events), never the path, so no session id reaches a log or a metric label.

export function routeLabel(c: Context<WebEnv>): string {
  // A route may name itself: the webhook's path holds its secret and is never shown.
  const own = c.get('routeLabel');
  if (own !== undefined) return own;
  // Middleware is registered for ALL methods; the handler that answered is the last route with a method.
  const handler = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  return handler?.path ?? 'unmatched';
}

const QUIET = new Set(['/healthz', '/metrics']);

export function observe(log: Logger, metrics: WebMetrics): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routeLabel(c);
    const { method } = c.req;
    const status = c.res.status;
    metrics.httpRequests.inc({ method, route, status: String(status) });
    metrics.httpDuration.observe({ method, route }, seconds);
    const line = { method, route, status, ms: Math.round(seconds * 10_000) / 10 };
    if (QUIET.has(route)) log.debug(line, 'request');
    else log.info(line, 'request');
  };
}
