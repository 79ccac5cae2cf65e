import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Registry } from 'prom-client';
import { RateLimiter } from '../app/rate-limit.js';
import type { Services } from '../app/services.js';
import { createConversations } from '../dialogue/conversations.js';
import { errorHandler, notFound } from './errors.js';
import { instrumentStore } from './instrumented-store.js';
import { createMetrics } from './metrics.js';
import { observe } from './observe.js';
import { OPENAPI } from './openapi.js';
import type { RouteDeps } from './route-deps.js';
import { adminRoutes } from './routes/admin.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { healthRoutes } from './routes/health.js';
import { pageRoutes } from './routes/pages.js';
import { sessionRoutes } from './routes/sessions.js';
import { statsRoutes } from './routes/stats.js';
import { securityHeaders } from './security-headers.js';
import type { WebApp, WebEnv } from './web-env.js';

export interface WebhookOptions {
  /** Where the bot's updates arrive; it usually holds a secret, so logs and metrics call it "webhook". */
  path: string;
  handle(request: Request): Promise<Response>;
}

export interface WebOptions {
  webhook?: WebhookOptions;
  /** Other registries whose metrics /metrics shows after the web's own (the bot's, when it has some). */
  registries?: Registry[];
  /** Requests per minute (tests lower them to reach the limits quickly). */
  limits?: { eventsPerMinute?: number; sessionsPerMinute?: number; statelessPerMinute?: number };
}

/** JSON bodies are a few lines of text; 16 KB leaves room for a long message and stops a flood early. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Telegram updates are larger than ours (a message with entities, a photo's sizes) but far below this. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;
const MINUTE = 60_000;

function tooLarge(limit: number): MiddlewareHandler<WebEnv> {
  const refuse = (c: Context) => c.json({ error: `the body is larger than ${limit / 1024} KB` }, 413);
  const counted = bodyLimit({ maxSize: limit, onError: refuse });
  return (c, next) => {
    // Hono's bodyLimit looks at `request.body`, which makes the Node adapter build a whole web Request for
    // every call. A declared length is checked without it; only a streamed body has to be counted.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number(length) > limit ? Promise.resolve(refuse(c)) : next();
    return counted(c, next);
  };
}

export function createWebApp(services: Services, options: WebOptions = {}): WebApp {
  const metrics = createMetrics();
  const store = instrumentStore(services.store, metrics);
  const limits = options.limits ?? {};
  const deps: RouteDeps = {
    services,
    store,
    // Over the services' engine thread, with the instrumented store, so that practices and database errors are
    // counted. Its in-memory consent buffer is the web's alone.
    conversations: createConversations({ engine: services.engine, users: store.users, talk: store.talk }),
    metrics,
    limits: {
      events: new RateLimiter({ messages: limits.eventsPerMinute ?? 60, perMs: MINUTE }),
      sessions: new RateLimiter({ messages: limits.sessionsPerMinute ?? 30, perMs: MINUTE }),
      stateless: new RateLimiter({ messages: limits.statelessPerMinute ?? 120, perMs: MINUTE }),
    },
  };

  const app = new Hono<WebEnv>();
  app.onError(errorHandler(services.log));
  app.notFound(notFound);
  // Outermost first: the log and the metrics see the final status, the headers go on every response.
  app.use('*', observe(services.log, metrics));
  app.use('*', securityHeaders());
  app.use('/api/*', tooLarge(MAX_BODY_BYTES));
  app.use('/admin/api/*', tooLarge(MAX_BODY_BYTES));

  const { webhook } = options;
  if (webhook) {
    app.use(webhook.path, async (c, next) => {
      c.set('routeLabel', 'webhook');
      await next();
    });
    app.post(webhook.path, tooLarge(MAX_WEBHOOK_BYTES), (c) => webhook.handle(c.req.raw));
  }

  sessionRoutes(app, deps);
  catalogueRoutes(app, deps);
  statsRoutes(app, deps);
  healthRoutes(app, deps, options.registries ?? []);
  app.get('/api/openapi.json', (c) => c.json(OPENAPI));
  adminRoutes(app, deps);
  pageRoutes(app, { admin: services.config.ADMIN_TOKEN !== undefined });
  return app;
}
