import { OpenAPIHono } from '@hono/zod-openapi';
import type { WebEnv } from '../../web-env.js';
import { type CatalogueDeps, catalogueRoutes } from './catalogue.js';
import { type SessionDeps, sessionRoutes } from './sessions.js';
import { type StatsDeps, statsRoutes } from './stats.js';

// Talk's API, mounted at /api. That prefix is shared with other parts, so talk's middleware is attached to its
// routes, never to a wildcard that would also catch /api/count.

export type TalkDeps = SessionDeps & CatalogueDeps & StatsDeps;

export function talkApi(deps: TalkDeps) {
  return new OpenAPIHono<WebEnv>()
    .route('/sessions', sessionRoutes(deps))
    .route('/', catalogueRoutes(deps))
    .route('/', statsRoutes(deps));
}
