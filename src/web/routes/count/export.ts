import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Counting } from '../../../count/counting.js';
import {
  OPEN_DATA_TABLES,
  type OpenData,
  type OpenDataTable,
  openDataCsv,
  openDataFileName,
} from '../../../count/open-data.js';
import type { Results } from '../../../count/results.js';
import { refuse } from '../../errors.js';
import { json, refusal } from '../../openapi.js';
import { invalidInput } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { ANYONE_OR_TOKEN, seesExitPollEarly } from './bearer.js';
import { recentFor } from './recent.js';
import { electionParams } from './schemas.js';

// The open data at the API: the whole export as JSON, each table as a CSV download, and the README of the columns.
// Public as the report is, with the exit-poll answers once the last station has closed; before that ADMIN_TOKEN
// or the election's coordinator gets them, in an answer no shared cache keeps.

export interface ExportDeps {
  counting: Pick<Counting, 'volunteerByToken'>;
  results: Pick<Results, 'export'>;
  adminToken?: string | undefined;
  now?: () => number;
}

/** The public export reads every station's events: worked out at most this often per election. */
const CACHE_MS = 10_000;
/** Caches on the way may keep the public export this long (a minute: the counts move, slowly, after closing). */
const PUBLIC_CACHE = 'public, max-age=60';

const fileParams = electionParams.extend({
  file: z
    .string()
    .max(100)
    .openapi({
      description: `${OPEN_DATA_TABLES.map((t) => `${t}.csv`).join(', ')} or README.md`,
    }),
});

const text = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string() } },
});

export function exportRoutes(deps: ExportDeps) {
  const now = deps.now ?? Date.now;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });
  const publicExport = recentFor(CACHE_MS, now, (election) =>
    deps.results.export(election, { privileged: false }),
  );

  async function exportFor(election: string, header: string | undefined) {
    const whole = await seesExitPollEarly(deps, election, header);
    const data = whole
      ? await deps.results.export(election, { privileged: true })
      : await publicExport(election);
    if (!data) throw refuse(404, 'no such election');
    return { data, cacheControl: whole ? 'private, no-store' : PUBLIC_CACHE };
  }

  const whole = createRoute({
    method: 'get',
    path: '/elections/{id}/export.json',
    summary:
      "The open data: stations, 15-minute counts per door, queue reports, exit-poll answers and official figures, with the columns' description and a README. The exit-poll answers are public once the last station has closed; before that only with ADMIN_TOKEN or a coordinator's token of the election",
    security: ANYONE_OR_TOKEN,
    request: { params: electionParams },
    responses: {
      200: json('the open data', z.looseObject({}).openapi('CountOpenData')),
      401: refusal('a token that is not known'),
      404: refusal('no such election'),
    },
  });
  app.openapi(whole, async (c) => {
    const { id } = c.req.valid('param');
    const { data, cacheControl } = await exportFor(id, c.req.header('authorization'));
    c.header('Cache-Control', cacheControl);
    return c.json(data as OpenData & Record<string, unknown>, 200);
  });

  const file = createRoute({
    method: 'get',
    path: '/elections/{id}/export/{file}',
    summary:
      'One file of the open data: a table as CSV (UTF-8, RFC 4180, a header row) or README.md, the description of every column with the format version, the licence and how to cite',
    security: ANYONE_OR_TOKEN,
    request: { params: fileParams },
    responses: {
      200: {
        description: 'the file, as a download',
        content: { ...text('text/csv', 'a table').content, ...text('text/markdown', 'the README').content },
      },
      401: refusal('a token that is not known'),
      404: refusal('no such election or file'),
    },
  });
  app.openapi(file, async (c) => {
    const { id, file: name } = c.req.valid('param');
    const table = OPEN_DATA_TABLES.find((t) => `${t}.csv` === name);
    if (!table && name !== 'README.md')
      throw refuse(
        404,
        `no such file; the files are ${[...OPEN_DATA_TABLES.map((t) => `${t}.csv`), 'README.md'].join(', ')}`,
      );
    const { data, cacheControl } = await exportFor(id, c.req.header('authorization'));
    return new Response(table ? openDataCsv(data, table as OpenDataTable) : data.readme, {
      status: 200,
      headers: {
        'Content-Type': table ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8',
        'Content-Disposition': `attachment; filename="${openDataFileName(data.election, name)}"`,
        'Cache-Control': cacheControl,
      },
    });
  });

  return app;
}
