import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Counting } from '../../../count/counting.js';
import type { ExclusionActor } from '../../../count/exclusions.js';
import type { Reviews } from '../../../count/reviews.js';
import { refuse } from '../../errors.js';
import { badInput, json, refusal, tooMany } from '../../openapi.js';
import { describeIssues, jsonBody } from '../../validation.js';
import { authorise, type CoordinatorDeps, type CoordinatorEnv, EITHER_TOKEN } from './coordinators.js';
import {
  exclusionBody,
  exclusionLogSchema,
  exclusionSchema,
  reviewSchema,
  stationParams,
} from './schemas.js';

// A station's review for its coordinator (or ADMIN_TOKEN): every volunteer's counts side by side, and excluding
// one from the figures or including them again. The answers name volunteers by their id, so they are for the
// station's own coordinator only, never cached on the way.

export interface ReviewDeps extends Pick<CoordinatorDeps, 'adminToken' | 'limits'> {
  counting: Pick<Counting, 'volunteerByToken'>;
  reviews: Reviews;
}

/** The station's coordinator or the admin; another station's coordinator is refused. */
function ownStation(c: Context<CoordinatorEnv>, election: string, station: string): ExclusionActor {
  const authority = c.get('authority');
  if (authority.kind === 'admin') return 'admin';
  const own = authority.coordinator;
  if (own.election !== election || own.station !== station)
    throw refuse(403, `a coordinator reviews only their own station (${own.station} of ${own.election})`);
  return `coordinator:${own.volunteer}`;
}

export function reviewRoutes(deps: ReviewDeps) {
  const { reviews } = deps;
  const app = new OpenAPIHono<CoordinatorEnv>({
    defaultHook: (result) => {
      if (!result.success) throw refuse(400, describeIssues(result.error));
    },
  });
  const guard = authorise(deps, 'coordinator', "see or change a station's review");
  const refusals = {
    401: refusal('no token, or an unknown one'),
    403: refusal("a volunteer's token, or another station's coordinator"),
    ...tooMany,
    404: refusal('no such election or station'),
  };

  const review = createRoute({
    method: 'get',
    path: '/elections/{id}/stations/{station}/review',
    summary:
      "A station's review: each volunteer's count per door and 15-minute bucket, the median used, disagreements, flagged events and the exclusion log (ADMIN_TOKEN or the station's coordinator)",
    security: EITHER_TOKEN,
    middleware: [guard] as const,
    request: { params: stationParams },
    responses: { 200: json('the review', reviewSchema), ...refusals },
  });
  app.openapi(review, async (c) => {
    const { id, station } = c.req.valid('param');
    ownStation(c, id, station);
    const found = await reviews.review(id, station);
    if (!found) throw refuse(404, 'no such election or station');
    return c.json(found, 200);
  });

  const log = createRoute({
    method: 'get',
    path: '/elections/{id}/stations/{station}/exclusions',
    summary: "The station's exclusion log, oldest first: who excluded or included whom again, and when",
    security: EITHER_TOKEN,
    middleware: [guard] as const,
    request: { params: stationParams },
    responses: { 200: json('the log', exclusionLogSchema), ...refusals },
  });
  app.openapi(log, async (c) => {
    const { id, station } = c.req.valid('param');
    ownStation(c, id, station);
    const found = await reviews.review(id, station);
    if (!found) throw refuse(404, 'no such election or station');
    return c.json({ log: found.log }, 200);
  });

  const exclude = createRoute({
    method: 'post',
    path: '/elections/{id}/stations/{station}/exclusions',
    summary:
      "Exclude a volunteer's data from the station's figures, or include it again; nothing is deleted, and the log keeps who did it and when",
    security: EITHER_TOKEN,
    middleware: [guard, jsonBody<CoordinatorEnv>()] as const,
    request: {
      params: stationParams,
      body: { required: true, content: { 'application/json': { schema: exclusionBody } } },
    },
    responses: {
      200: json("the volunteer's state now, and the log", exclusionSchema),
      ...badInput,
      ...refusals,
      404: refusal('no such election or station, or no such volunteer at the station'),
    },
  });
  app.openapi(exclude, async (c) => {
    const { id, station } = c.req.valid('param');
    const by = ownStation(c, id, station);
    const { volunteer, excluded } = c.req.valid('json');
    const result = await reviews.setExcluded({ election: id, station, volunteer, excluded, by });
    if (!result.ok)
      throw refuse(
        404,
        result.reason === 'no-station'
          ? 'no such election or station'
          : 'no volunteer with that id has data at this station',
      );
    return c.json({ volunteer: result.volunteer, log: result.log }, 200);
  });

  return app;
}
