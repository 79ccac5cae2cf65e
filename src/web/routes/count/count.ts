import { OpenAPIHono } from '@hono/zod-openapi';
import { createCountCards } from '../../../app/count-cards.js';
import type { Counting } from '../../../count/counting.js';
import type { Forms } from '../../../count/forms.js';
import type { Results } from '../../../count/results.js';
import type { Reviews } from '../../../count/reviews.js';
import type { WebMetrics } from '../../metrics.js';
import type { WebEnv } from '../../web-env.js';
import { createBroadcaster } from './broadcaster.js';
import { cardRoutes } from './cards.js';
import { type CoordinatorDeps, coordinatorRoutes, STATIONS_PATH } from './coordinators.js';
import { exportRoutes } from './export.js';
import { type FormRouteDeps, formRoutes } from './forms.js';
import { publicRoutes } from './public.js';
import { reportRoutes } from './report.js';
import { reviewRoutes } from './review.js';
import { streamRoutes } from './stream.js';
import { EVENTS_PATH, type VolunteerDeps, volunteerRoutes } from './volunteers.js';

// Count's API, mounted at /api/count: volunteers join and send events; voters answer their own forms; anyone
// reads the live counts.

export interface CountApiDeps extends Pick<CoordinatorDeps, 'adminToken' | 'publicUrl' | 'botUsername'> {
  counting: Counting;
  results: Results;
  /** Voters' self-filled exit-poll forms. */
  forms: Forms;
  /** Coordinators' review of a station, and excluding a volunteer's data. */
  reviews: Reviews;
  limits: VolunteerDeps['limits'] & CoordinatorDeps['limits'] & FormRouteDeps['limits'];
  metrics: Pick<WebMetrics, 'countEvents' | 'countStreamClients'>;
  /** How often the stream sends a comment to keep proxies from closing it (default 15 s). */
  heartbeatMs?: number;
  /** Aborted when the server stops: open streams are ended rather than holding the stop up. */
  stopping?: AbortSignal;
}

/** Requests that take more than the API's small JSON bodies and set their own limit, once the caller is known. */
export function hasOwnBodyLimit(path: string): boolean {
  return path === EVENTS_PATH || STATIONS_PATH.test(path);
}

export function countApi(deps: CountApiDeps) {
  const { counting, limits, metrics } = deps;
  const broadcaster = createBroadcaster({
    watch: (election, listener) => counting.watch(election, listener),
    heartbeatMs: deps.heartbeatMs ?? 15_000,
  });
  deps.stopping?.addEventListener('abort', () => broadcaster.close(), { once: true });
  return new OpenAPIHono<WebEnv>()
    .route('/', volunteerRoutes({ counting, limits, metrics }))
    .route('/', coordinatorRoutes({ ...deps, counting }))
    .route('/', formRoutes({ forms: deps.forms, limits }))
    .route('/', publicRoutes({ counting }))
    .route('/', cardRoutes({ cards: createCountCards({ counting }) }))
    .route('/', reportRoutes({ counting, results: deps.results, adminToken: deps.adminToken }))
    .route('/', exportRoutes({ counting, results: deps.results, adminToken: deps.adminToken }))
    .route('/', reviewRoutes({ counting, reviews: deps.reviews, adminToken: deps.adminToken, limits }))
    .route('/', streamRoutes({ counting, broadcaster, metrics }));
}
