import type { Position } from '../../catalogue/schema.js';
import { positionView } from '../../catalogue/view.js';
import { talkButtons } from '../../dialogue/talk/buttons.js';
import { TALK_TEXTS } from '../../dialogue/talk/texts.js';
import { HttpError } from '../http-error.js';
import { readBody, readQuery } from '../json-body.js';
import { clientAddress, enforce, type RouteDeps } from '../route-deps.js';
import { coachBody, langQuery, matchBody } from '../schemas.js';
import type { WebApp } from '../web-env.js';

// The catalogue, the matcher and the coach over HTTP: stateless, nothing stored, nothing logged but the route.

export function catalogueRoutes(app: WebApp, deps: RouteDeps): void {
  const { services, limits } = deps;

  function view(position: Position, lang: 'ru' | 'en') {
    // The page sends this back as a button to practise the topic: the engine's own encoding, not the page's.
    return { ...positionView(position, lang), practiceButton: talkButtons.practisePosition(position.id) };
  }

  app.get('/api/positions', (c) => {
    const lang = readQuery(c, langQuery).lang ?? 'ru';
    const catalogue = services.catalogue;
    return c.json({
      lang,
      groups: TALK_TEXTS[lang].groups,
      positions: catalogue.positions.map((position) => view(position, lang)),
    });
  });

  app.get('/api/positions/:id', (c) => {
    const lang = readQuery(c, langQuery).lang ?? 'ru';
    const position = services.catalogue.position(c.req.param('id'));
    if (!position) throw new HttpError(404, 'no such position');
    return c.json(view(position, lang));
  });

  app.post('/api/match', async (c) => {
    enforce(limits.stateless, clientAddress(c));
    const { text } = await readBody(c, matchBody);
    const result = await services.engine.match(text);
    const catalogue = services.catalogue;
    return c.json({
      lang: result.lang,
      positions: result.positions.map(({ id, score }) => ({
        id,
        score,
        title: catalogue.position(id)?.[result.lang].title ?? id,
      })),
    });
  });

  app.post('/api/coach', async (c) => {
    enforce(limits.stateless, clientAddress(c));
    const { text, context, lang } = await readBody(c, coachBody);
    return c.json(await services.engine.judge(text, { context, lang }));
  });
}
