import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Catalogue } from '../../../catalogue/load.js';
import type { TalkRepository } from '../../../store/talk-repository.js';
import { described, json, refusal } from '../../openapi.js';
import { invalidInput } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { statsQuery } from './schemas.js';

// Statistics from the anonymous daily counters only: positions met per day, practice outcomes per persona.

export interface StatsDeps {
  catalogue(): Catalogue;
  talk: Pick<TalkRepository, 'positionStats' | 'practiceStats'>;
}

export function statsRoutes(deps: StatsDeps) {
  const { catalogue, talk } = deps;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });

  const stats = createRoute({
    method: 'get',
    path: '/stats',
    summary: 'Positions met per day and practice outcomes per persona, from anonymous counters',
    request: { query: statsQuery },
    responses: { 200: json('the statistics', described), 400: refusal('bad days or language') },
  });
  app.openapi(stats, async (c) => {
    const query = c.req.valid('query');
    const days = query.days ?? 30;
    const lang = query.lang ?? 'ru';
    const current = catalogue();
    const met = await talk.positionStats(days);
    const practice = await talk.practiceStats(days);
    return c.json(
      {
        days,
        from: met.from,
        to: met.to,
        lang,
        positions: met.positions.map((stat) => ({
          id: stat.position,
          title: current.position(stat.position)?.[lang].title ?? stat.position,
          total: stat.total,
          perDay: stat.perDay,
        })),
        practice: practice.personas.map((stat) => ({
          persona: stat.persona,
          name: current.persona(stat.persona)?.[lang].name ?? stat.persona,
          total: stat.total,
          outcomes: stat.outcomes,
        })),
      },
      200,
    );
  });

  return app;
}
