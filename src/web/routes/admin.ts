import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { Logger } from 'pino';
import type { ReloadResult } from '../../app/services.js';
import { formatProblem } from '../../catalogue/load.js';
import { groupPhrasings } from '../../store/phrasing-groups.js';
import type { TalkRepository } from '../../store/talk-repository.js';
import { limitBody, MAX_BODY_BYTES } from '../body-limit.js';
import { described, json, refusal } from '../openapi.js';
import { noStore } from '../security-headers.js';
import { invalidInput } from '../validation.js';
import type { WebEnv } from '../web-env.js';
import { type StaticFiles, sendFile } from './pages.js';

// Editors' tools, mounted at /admin only when ADMIN_TOKEN is set (otherwise /admin answers 404 like any unknown
// path, so a scan does not even learn it exists). The API wants the token as a bearer token; the page itself
// holds no data and asks for the token, which it keeps in memory only.

export interface AdminDeps {
  token: string;
  talk: Pick<TalkRepository, 'sharedPhrasings'>;
  reloadCatalogue(): Promise<ReloadResult>;
  log: Logger;
  files: StaticFiles;
}

const REALM = 'sobesednik admin';
const REQUIRED = 'an admin bearer token is required';

function requireToken(token: string): MiddlewareHandler<WebEnv> {
  // bearerAuth compares digests of the tokens, so the time taken tells nothing of the token's content.
  return bearerAuth({
    token,
    realm: REALM,
    noAuthenticationHeader: { message: { error: REQUIRED } },
    // A header without the Bearer scheme is refused like a missing one (bearerAuth's own answer is a 400).
    invalidAuthenticationHeader: {
      wwwAuthenticateHeader: `Bearer realm="${REALM}"`,
      message: () => Response.json({ error: REQUIRED }, { status: 401 }),
    },
    invalidToken: {
      wwwAuthenticateHeader: { realm: REALM, error: 'invalid_token' },
      message: { error: REQUIRED },
    },
  });
}

export function adminRoutes(deps: AdminDeps) {
  const { talk, log, files } = deps;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'ADMIN_TOKEN',
  });
  app.use('*', noStore);
  app.use('/api/*', limitBody(MAX_BODY_BYTES), requireToken(deps.token));
  app.get('/', (c) => sendFile(c, files, 'admin.html'));

  const security = [{ adminToken: [] }];
  const unauthorised = { 401: refusal('no or wrong bearer token'), 404: refusal('ADMIN_TOKEN unset') };

  const phrasings = createRoute({
    method: 'get',
    path: '/api/phrasings',
    summary: 'Consented unrecognised phrasings, grouped, most frequent first',
    security,
    responses: { 200: json('{total, groups}', described), ...unauthorised },
  });
  app.openapi(phrasings, async (c) => {
    const shared = await talk.sharedPhrasings();
    return c.json({ total: shared.length, groups: groupPhrasings(shared) }, 200);
  });

  const reload = createRoute({
    method: 'post',
    path: '/api/reload',
    summary: 'Reload and re-validate the catalogue; the web uses the new one if it is valid',
    security,
    responses: {
      200: json('reloaded: counts and time', described),
      422: refusal('the catalogue has problems (listed); the running one is kept'),
      ...unauthorised,
    },
  });
  app.openapi(reload, async (c) => {
    const result = await deps.reloadCatalogue();
    if (!result.ok) {
      log.warn({ problems: result.problems.length }, 'catalogue reload refused');
      return c.json(
        {
          error: 'the catalogue has problems; the running one is kept',
          problems: result.problems.map((problem) => ({ ...problem, text: formatProblem(problem) })),
        },
        422,
      );
    }
    log.info({ positions: result.positions, personas: result.personas, ms: result.ms }, 'catalogue reloaded');
    // Honest about the reach of a reload: the web and the bot of this process answer from the new catalogue;
    // other processes keep the catalogue they started with.
    return c.json({ ...result, scope: 'process' }, 200);
  });

  return app;
}
