import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { formatProblem } from '../../catalogue/load.js';
import { groupPhrasings } from '../../store/phrasing-groups.js';
import { HttpError } from '../http-error.js';
import type { RouteDeps } from '../route-deps.js';
import type { WebApp, WebEnv } from '../web-env.js';

// Editors' tools, off unless ADMIN_TOKEN is set (then /admin answers 404 like any unknown path, so a scan does
// not even learn it exists). The API wants the token as a bearer token; the page itself holds no data and asks
// for the token, which it keeps in memory only.

/** Equal-length digests, so the comparison takes the same time whatever the token's length or content. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function requireAdmin(token: string | undefined): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (token === undefined) throw new HttpError(404, 'not found');
    if (c.req.path.startsWith('/admin/api/')) {
      const header = c.req.header('authorization') ?? '';
      const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
      if (!sameToken(given, token))
        throw new HttpError(401, 'an admin bearer token is required', {
          'WWW-Authenticate': 'Bearer realm="sobesednik admin"',
        });
    }
    await next();
  };
}

export function adminRoutes(app: WebApp, deps: RouteDeps): void {
  const { services } = deps;
  const { talk } = deps.store;
  const guard = requireAdmin(services.config.ADMIN_TOKEN);
  app.use('/admin', guard);
  app.use('/admin/*', guard);

  app.get('/admin/api/phrasings', async (c) => {
    const phrasings = await talk.sharedPhrasings();
    return c.json({ total: phrasings.length, groups: groupPhrasings(phrasings) });
  });

  app.post('/admin/api/reload', async (c) => {
    const result = await services.reloadCatalogue();
    if (!result.ok) {
      services.log.warn({ problems: result.problems.length }, 'catalogue reload refused');
      return c.json(
        {
          error: 'the catalogue has problems; the running one is kept',
          problems: result.problems.map((problem) => ({ ...problem, text: formatProblem(problem) })),
        },
        422,
      );
    }
    services.log.info(
      { positions: result.positions, personas: result.personas, ms: result.ms },
      'catalogue reloaded',
    );
    return c.json({
      ...result,
      // Honest about the reach of a reload: the web and the bot of this process answer from the new catalogue;
      // other processes keep the catalogue they started with.
      scope: 'process',
    });
  });
}
