import { OpenAPIHono } from '@hono/zod-openapi';
import type { Counting } from '../../../count/counting.js';
import type { WebEnv } from '../../web-env.js';
import { createBroadcaster } from './broadcaster.js';
import { publicRoutes } from './public.js';
import { streamRoutes } from './stream.js';
import { type VolunteerDeps, volunteerRoutes } from './volunteers.js';

// Count's API, mounted at /api/count: volunteers join and send events; anyone reads the live counts.

export interface CountApiDeps {
  counting: Counting;
  limits: VolunteerDeps['limits'];
  /** How often the stream sends a comment to keep proxies from closing it (default 15 s). */
  heartbeatMs?: number;
}

export function countApi(deps: CountApiDeps) {
  const { counting, limits } = deps;
  const broadcaster = createBroadcaster({
    watch: (election, listener) => counting.watch(election, listener),
    heartbeatMs: deps.heartbeatMs ?? 15_000,
  });
  return new OpenAPIHono<WebEnv>()
    .route('/', volunteerRoutes({ counting, limits }))
    .route('/', publicRoutes({ counting }))
    .route('/', streamRoutes({ counting, broadcaster }));
}
