import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { RateLimiter } from '../../../app/rate-limit.js';
import { MAX_STATIONS_FILE_BYTES } from '../../../catalogue/stations.js';
import type { Counting } from '../../../count/counting.js';
import { inviteLinks } from '../../../count/invites.js';
import type { Volunteer } from '../../../count/storage.js';
import { limitBody } from '../../body-limit.js';
import { refuse } from '../../errors.js';
import { badInput, json, refusal, tooMany } from '../../openapi.js';
import { describeIssues, jsonBody } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { bearerToken, sameToken, unauthorized } from './bearer.js';
import {
  electionParams,
  invitesBody,
  invitesSchema,
  stationProblemsSchema,
  stationsImportedSchema,
} from './schemas.js';

// What coordinators do over HTTP: invite volunteers to a station, and import an election's stations. ADMIN_TOKEN
// may do both for any election; a coordinator's own token (from joining with a coordinator's invite) may only
// invite volunteers to their own station; a volunteer's token may do neither.

export const STATIONS_PATH = /^\/api\/count\/elections\/[^/]+\/stations$/;

export interface CoordinatorDeps {
  counting: Pick<Counting, 'volunteerByToken' | 'invite' | 'importStations'>;
  /** ADMIN_TOKEN; unset, only coordinators' tokens are accepted, and stations are imported with the CLI. */
  adminToken?: string | undefined;
  /** Where invite links point: PUBLIC_URL, else the origin the request came to. */
  publicUrl?: string | undefined;
  /** TELEGRAM_BOT_USERNAME, for the Telegram links; without it they are null. */
  botUsername?: string | undefined;
  limits: {
    /** Requests per token: invites are made a few at a time, and a leaked token must not mint thousands. */
    coordinators: RateLimiter;
  };
}

type Authority = { kind: 'admin' } | { kind: 'coordinator'; coordinator: Volunteer };
export type CoordinatorEnv = { Variables: WebEnv['Variables'] & { authority: Authority } };

/**
 * Who may call: ADMIN_TOKEN only, or also a coordinator's token. Checked before the body is read. `action` says
 * what a volunteer's token was refused ("make invites").
 */
export function authorise(
  deps: Pick<CoordinatorDeps, 'adminToken' | 'limits'> & { counting: Pick<Counting, 'volunteerByToken'> },
  who: 'admin' | 'coordinator',
  action = 'make invites',
): MiddlewareHandler<CoordinatorEnv> {
  const wanted = who === 'admin' ? 'ADMIN_TOKEN' : "ADMIN_TOKEN or a coordinator's token from joining";
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined) {
      if (who === 'admin' && deps.adminToken === undefined)
        throw unauthorized('this server has no ADMIN_TOKEN set; import stations with the CLI instead');
      throw unauthorized(`send ${wanted} as Authorization: Bearer TOKEN`);
    }
    if (deps.limits.coordinators.take(token) !== 'ok') {
      const seconds = deps.limits.coordinators.retryAfterSeconds(token);
      throw refuse(429, `too many requests; try again in ${seconds} s`, { 'Retry-After': String(seconds) });
    }
    if (deps.adminToken !== undefined && sameToken(token, deps.adminToken)) {
      c.set('authority', { kind: 'admin' });
      return next();
    }
    const holder = await deps.counting.volunteerByToken(token);
    if (!holder) throw unauthorized(`unknown token; send ${wanted}`);
    if (who === 'admin') throw refuse(403, 'only ADMIN_TOKEN may import stations');
    if (holder.role !== 'coordinator')
      throw refuse(403, `a volunteer's token cannot ${action}; ask your coordinator`);
    c.set('authority', { kind: 'coordinator', coordinator: holder });
    return next();
  };
}

/** OpenAPI's "either scheme"; typed here, since a literal of two alternatives confuses the route's inference. */
export const EITHER_TOKEN: Record<string, string[]>[] = [{ adminToken: [] }, { countToken: [] }];

const CSV_TYPE = /^text\/csv\s*(?:;|$)/i;

/** A stations file comes as text/csv; anything else is refused before it is read. */
const csvBody: MiddlewareHandler<CoordinatorEnv> = async (c, next) => {
  if (!CSV_TYPE.test((c.req.header('content-type') ?? '').trim()))
    throw refuse(415, 'the body must be the stations CSV (Content-Type: text/csv)');
  await next();
};

export function coordinatorRoutes(deps: CoordinatorDeps) {
  const { counting } = deps;
  // validation.ts's invalidInput, for this group's own context type.
  const app = new OpenAPIHono<CoordinatorEnv>({
    defaultHook: (result) => {
      if (!result.success) throw refuse(400, describeIssues(result.error));
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'ADMIN_TOKEN',
  });
  const unauthorised = {
    401: refusal('no token, or an unknown one'),
    403: refusal('a token that may not do this'),
    ...tooMany,
  };

  const invites = createRoute({
    method: 'post',
    path: '/invites',
    summary:
      "Make single-use invite codes for a station, each with a web and a Telegram link. ADMIN_TOKEN: any station, volunteers or coordinators; a coordinator's token: volunteers for their own station",
    security: EITHER_TOKEN,
    middleware: [authorise(deps, 'coordinator'), jsonBody<CoordinatorEnv>()] as const,
    request: { body: { required: true, content: { 'application/json': { schema: invitesBody } } } },
    responses: {
      201: json('the codes, shown this once', invitesSchema),
      ...badInput,
      ...unauthorised,
      404: refusal('no such election or station'),
    },
  });
  app.openapi(invites, async (c) => {
    const { election, station, role = 'volunteer', n = 1 } = c.req.valid('json');
    const authority = c.get('authority');
    if (authority.kind === 'coordinator') {
      const own = authority.coordinator;
      if (role !== 'volunteer')
        throw refuse(403, 'a coordinator invites volunteers; coordinators are invited with ADMIN_TOKEN');
      if (election !== own.election || station !== own.station)
        throw refuse(
          403,
          `a coordinator invites only to their own station (${own.station} of ${own.election})`,
        );
    }
    const made = await counting.invite({ election, station, role, n });
    if (!made.ok)
      throw refuse(
        404,
        made.reason === 'no-election' ? 'no such election' : 'no such station in this election',
      );
    const base = deps.publicUrl ?? new URL(c.req.url).origin;
    const codes = made.codes.map((code) => inviteLinks(code, { base, bot: deps.botUsername }));
    return c.json({ codes, expiresAt: new Date(made.expiresAt).toISOString() }, 201);
  });

  const stations = createRoute({
    method: 'put',
    path: '/elections/{id}/stations',
    summary:
      "Import an election's stations from the spec's CSV (ADMIN_TOKEN): new ones added, known ones updated by number; one bad row and nothing is imported",
    security: [{ adminToken: [] }],
    middleware: [
      authorise(deps, 'admin'),
      limitBody<CoordinatorEnv>(MAX_STATIONS_FILE_BYTES),
      csvBody,
    ] as const,
    request: {
      params: electionParams,
      body: {
        required: true,
        content: {
          'text/csv': {
            schema: z
              .string()
              .describe(
                'the header station,country,city,address,timezone,lat,lon,days,opens,closes, a row per station',
              ),
          },
        },
      },
    },
    responses: {
      200: json('imported', stationsImportedSchema),
      400: json(
        'every problem of the file, with its line and column; nothing imported',
        stationProblemsSchema,
      ),
      413: refusal(`the file is larger than ${MAX_STATIONS_FILE_BYTES / 1024 / 1024} MB`),
      415: refusal('the body is not text/csv'),
      ...unauthorised,
      404: refusal('no such election'),
    },
  });
  app.openapi(stations, async (c) => {
    const file = new Uint8Array(await c.req.arrayBuffer());
    const result = await counting.importStations(c.req.valid('param').id, file);
    if (result.ok) return c.json({ added: result.added, updated: result.updated }, 200);
    if (result.reason === 'no-election') throw refuse(404, 'no such election');
    const { problems } = result;
    const error = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the file; nothing was imported`;
    return c.json({ error, problems }, 400);
  });

  return app;
}
