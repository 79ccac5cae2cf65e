import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Counting } from '../../../count/counting.js';
import type { Results } from '../../../count/results.js';
import { refuse } from '../../errors.js';
import { json, refusal } from '../../openapi.js';
import { invalidInput } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { ANYONE_OR_TOKEN, seesExitPollEarly } from './bearer.js';
import { recentFor } from './recent.js';
import { electionParams, reportSchema } from './schemas.js';

// The report after the polls close: public, but the exit poll only once the election's last station has closed;
// before that, ADMIN_TOKEN or a coordinator of the election sees it whole.

export interface ReportDeps {
  counting: Pick<Counting, 'volunteerByToken'>;
  results: Pick<Results, 'report'>;
  adminToken?: string | undefined;
  now?: () => number;
}

/** A report reads every station's events: the public one is worked out at most this often per election. */
const CACHE_MS = 10_000;

export function reportRoutes(deps: ReportDeps) {
  const now = deps.now ?? Date.now;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });
  const publicReport = recentFor(CACHE_MS, now, (election) =>
    deps.results.report(election, { privileged: false }),
  );

  const report = createRoute({
    method: 'get',
    path: '/elections/{id}/report',
    summary:
      "Per station: counted with coverage, official figures, the exit poll with its 95% bounds, and the flags where they part. The exit poll is public once the last station has closed; before that only with ADMIN_TOKEN or a coordinator's token of the election",
    security: ANYONE_OR_TOKEN,
    request: { params: electionParams },
    responses: {
      200: json('the report', reportSchema),
      401: refusal('a token that is not known'),
      404: refusal('no such election'),
    },
  });
  app.openapi(report, async (c) => {
    const { id } = c.req.valid('param');
    const whole = await seesExitPollEarly(deps, id, c.req.header('authorization'));
    const found = whole ? await deps.results.report(id, { privileged: true }) : await publicReport(id);
    if (!found) throw refuse(404, 'no such election');
    // A coordinator's whole report must not be kept by a shared cache on the way.
    c.header('Cache-Control', whole ? 'private, no-store' : 'public, max-age=10');
    return c.json(found, 200);
  });

  return app;
}
