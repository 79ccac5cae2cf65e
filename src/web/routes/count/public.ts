import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Counting } from '../../../count/counting.js';
import { refuse } from '../../errors.js';
import { json, refusal } from '../../openapi.js';
import { invalidInput } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import {
  arrivalsSchema,
  electionParams,
  electionsSchema,
  liveSchema,
  liveStationSchema,
  stationParams,
} from './schemas.js';

// What anyone may read: the elections, the live counts and a station's arrivals. Built from the domain's public
// objects, which carry no volunteer, token or device.

export interface PublicDeps {
  counting: Pick<Counting, 'elections' | 'election' | 'live' | 'liveStation' | 'arrivals'>;
}

export function publicRoutes(deps: PublicDeps) {
  const { counting } = deps;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });

  const elections = createRoute({
    method: 'get',
    path: '/elections',
    summary: 'The elections that can be counted: ids, kinds, titles, days and exit-poll answers',
    responses: { 200: json('the elections', electionsSchema) },
  });
  app.openapi(elections, async (c) => {
    const list = await counting.elections();
    const shown = list.map(({ id, kind, title, days, answers }) => ({
      id,
      kind,
      title,
      days,
      answers: answers.map(({ id, ru, en }) => ({ id, ru, en })),
    }));
    return c.json({ elections: shown }, 200);
  });

  const live = createRoute({
    method: 'get',
    path: '/elections/{id}/live',
    summary: "Every station's count so far, its latest queue, and the total",
    request: { params: electionParams },
    responses: { 200: json('the live counts', liveSchema), 404: refusal('no such election') },
  });
  app.openapi(live, async (c) => {
    const found = await counting.live(c.req.valid('param').id);
    if (!found) throw refuse(404, 'no such election');
    return c.json(found, 200);
  });

  const liveStation = createRoute({
    method: 'get',
    path: '/elections/{id}/stations/{station}/live',
    summary: "One station's count so far and latest queue, as in /live (for a volunteer's phone)",
    request: { params: stationParams },
    responses: {
      200: json('the station', liveStationSchema),
      404: refusal('no such election or station'),
    },
  });
  app.openapi(liveStation, async (c) => {
    const { id, station } = c.req.valid('param');
    if (!(await counting.election(id))) throw refuse(404, 'no such election');
    const found = await counting.liveStation(id, station);
    if (!found) throw refuse(404, 'no such station in this election');
    return c.json(found, 200);
  });

  const arrivals = createRoute({
    method: 'get',
    path: '/elections/{id}/stations/{station}/arrivals',
    summary: 'People counted in per 15 minutes and door at one station, for its chart',
    request: { params: stationParams },
    responses: {
      200: json('the arrivals', arrivalsSchema),
      404: refusal('no such election or station'),
    },
  });
  app.openapi(arrivals, async (c) => {
    const { id, station } = c.req.valid('param');
    if (!(await counting.election(id))) throw refuse(404, 'no such election');
    const found = await counting.arrivals(id, station);
    if (!found) throw refuse(404, 'no such station in this election');
    return c.json(found, 200);
  });

  return app;
}
