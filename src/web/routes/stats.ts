import { readQuery } from '../json-body.js';
import type { RouteDeps } from '../route-deps.js';
import { statsQuery } from '../schemas.js';
import type { WebApp } from '../web-env.js';

// Statistics from the anonymous daily counters only: positions met per day, practice outcomes per persona.

export function statsRoutes(app: WebApp, deps: RouteDeps): void {
  const { services } = deps;
  const { talk } = deps.store;

  app.get('/api/stats', async (c) => {
    const query = readQuery(c, statsQuery);
    const days = query.days ?? 30;
    const lang = query.lang ?? 'ru';
    const { catalogue } = services;
    const met = await talk.positionStats(days);
    const practice = await talk.practiceStats(days);
    return c.json({
      days,
      from: met.from,
      to: met.to,
      lang,
      positions: met.positions.map((stat) => ({
        id: stat.position,
        title: catalogue.position(stat.position)?.[lang].title ?? stat.position,
        total: stat.total,
        perDay: stat.perDay,
      })),
      practice: practice.personas.map((stat) => ({
        persona: stat.persona,
        name: catalogue.persona(stat.persona)?.[lang].name ?? stat.persona,
        total: stat.total,
        outcomes: stat.outcomes,
      })),
    });
  });
}
