import { OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from 'prom-client';
import { RateLimiter } from '../app/rate-limit.js';
import type { Services } from '../app/services.js';
import { createConversations } from '../dialogue/conversations.js';
import { limitBody, MAX_BODY_BYTES } from './body-limit.js';
import { countFailures } from './count-failures.js';
import { errorHandler, notFound } from './errors.js';
import { createMetrics } from './metrics.js';
import { observe } from './observe.js';
import { DOCUMENT_INFO } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { countApi, hasOwnBodyLimit } from './routes/count/count.js';
import { counterPages } from './routes/count/counter-pages.js';
import { liveCountPage } from './routes/count/live-page.js';
import { guideRoutes } from './routes/guide/guide.js';
import { operationsRoutes } from './routes/operations.js';
import { pageRoutes } from './routes/pages.js';
import { talkApi } from './routes/talk/talk.js';
import { noStore, securityHeaders } from './security-headers.js';
import { loadStaticFiles } from './static-files.js';
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
  limits?: {
    eventsPerMinute?: number;
    sessionsPerMinute?: number;
    statelessPerMinute?: number;
    countJoinsPerMinute?: number;
    /** Batches of count events per token and second; twice as many may come at once. */
    countBatchesPerSecond?: number;
    /** Coordinators' requests (invites, stations) per token and minute. */
    countCoordinatorPerMinute?: number;
    /** Self-filled exit-poll form requests per client address and minute. */
    countFormsPerMinute?: number;
  };
  /** How often count's event stream sends a heartbeat (tests shorten it). */
  countHeartbeatMs?: number;
  /** Aborted when the server stops, to end long-lived responses (count's stream) that would hold it open. */
  stopping?: AbortSignal;
}

/** Telegram updates are larger than ours (a message with entities, a photo's sizes) but far below this. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;
const MINUTE = 60_000;

/** The root app: what every response shares, then one sub-app per part, each mounted on its own prefix. */
export function createWebApp(services: Services, options: WebOptions = {}): WebApp {
  const { log, config } = services;
  const metrics = createMetrics();
  // The repositories the web uses, with their failures counted; the web never closes the store.
  const failed = () => metrics.databaseErrors.inc();
  const store = {
    users: countFailures(services.store.users, failed),
    talk: countFailures(services.store.talk, failed),
  };
  const perMinute = (messages: number) => new RateLimiter({ messages, perMs: MINUTE });
  const limits = options.limits ?? {};
  const files = loadStaticFiles();

  const app = new OpenAPIHono<WebEnv>();
  app.onError(errorHandler(log));
  app.notFound(notFound);
  // Outermost first: the log and the metrics see the final status, the headers go on every response.
  app.use(observe(log, metrics));
  app.use(securityHeaders());
  // Every JSON API, whichever part serves it: small bodies, never cached. A volunteer's batch of up to 500 events
  // and a stations file are larger; their routes set their own limits, once the token is known.
  const small = limitBody(MAX_BODY_BYTES);
  app.use('/api/*', noStore, (c, next) => (hasOwnBodyLimit(c.req.path) ? next() : small(c, next)));

  const { webhook } = options;
  if (webhook) {
    app.use(webhook.path, async (c, next) => {
      c.set('routeLabel', 'webhook');
      await next();
    });
    app.post(webhook.path, limitBody(MAX_WEBHOOK_BYTES), (c) => webhook.handle(c.req.raw));
  }

  app.route(
    '/api',
    talkApi({
      // Over the services' engine thread, with the counted store, so that database errors are counted. Its
      // in-memory consent buffer is the web's alone.
      conversations: createConversations({ engine: services.engine, users: store.users, talk: store.talk }),
      userKey: (channel, id) => services.userKey(channel, id),
      catalogue: () => services.catalogue,
      engine: services.engine,
      talk: store.talk,
      metrics,
      limits: {
        sessions: perMinute(limits.sessionsPerMinute ?? 30),
        events: perMinute(limits.eventsPerMinute ?? 60),
        stateless: perMinute(limits.statelessPerMinute ?? 120),
      },
    }),
  );
  app.route(
    '/api/count',
    countApi({
      counting: services.counting,
      results: services.results,
      forms: services.forms,
      reviews: services.reviews,
      metrics,
      limits: {
        joins: perMinute(limits.countJoinsPerMinute ?? 20),
        events: new RateLimiter({ messages: 2 * (limits.countBatchesPerSecond ?? 20), perMs: 2000 }),
        coordinators: perMinute(limits.countCoordinatorPerMinute ?? 30),
        // Voters behind one mobile operator's address share it: room for a station's queue, not for guessing.
        forms: perMinute(limits.countFormsPerMinute ?? 60),
      },
      adminToken: config.ADMIN_TOKEN,
      publicUrl: config.PUBLIC_URL,
      botUsername: config.TELEGRAM_BOT_USERNAME,
      ...(options.countHeartbeatMs ? { heartbeatMs: options.countHeartbeatMs } : {}),
      ...(options.stopping ? { stopping: options.stopping } : {}),
    }),
  );
  if (config.ADMIN_TOKEN !== undefined)
    app.route(
      '/admin',
      adminRoutes({
        token: config.ADMIN_TOKEN,
        talk: store.talk,
        reloadCatalogue: () => services.reloadCatalogue(),
        log,
        files,
      }),
    );
  let document: unknown;
  app.route(
    '/',
    operationsRoutes({
      users: store.users,
      log,
      metrics,
      registries: options.registries ?? [],
      // Built on first request, once every part is mounted.
      document: () => {
        document ??= app.getOpenAPI31Document(DOCUMENT_INFO);
        return document;
      },
    }),
  );
  app.route('/', counterPages(files));
  app.route('/', pageRoutes(files));
  app.route('/', liveCountPage(files));
  app.route(
    '/',
    guideRoutes({
      catalogue: () => services.catalogue,
      counting: services.counting,
      files,
      publicUrl: config.PUBLIC_URL,
    }),
  );
  return app;
}
