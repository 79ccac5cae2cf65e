import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { RateLimiter } from '../../../app/rate-limit.js';
import type { Catalogue } from '../../../catalogue/load.js';
import type { Position } from '../../../catalogue/schema.js';
import { positionView } from '../../../catalogue/view.js';
import type { EngineThread } from '../../../dialogue/engine-thread.js';
import { talkButtons } from '../../../dialogue/talk/buttons.js';
import { TALK_TEXTS } from '../../../dialogue/talk/texts.js';
import { refuse } from '../../errors.js';
import { badInput, described, json, refusal, tooMany } from '../../openapi.js';
import { clientAddress, rateLimit } from '../../rate-limit.js';
import { invalidInput, jsonBody } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { coachBody, langQuery, matchBody, positionParams } from './schemas.js';

// The catalogue, the matcher and the coach over HTTP: stateless, nothing stored, nothing logged but the route.

export interface CatalogueDeps {
  /** Read anew for each request: an admin reload replaces it. */
  catalogue(): Catalogue;
  engine: Pick<EngineThread, 'match' | 'judge'>;
  /** Matching and judging per client address: the most CPU a request can ask for. */
  limits: { stateless: RateLimiter };
}

export function catalogueRoutes(deps: CatalogueDeps) {
  const { catalogue, engine, limits } = deps;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });
  const stateless = rateLimit(limits.stateless, clientAddress);

  function view(position: Position, lang: 'ru' | 'en') {
    // The page sends this back as a button to practise the topic: the engine's own encoding, not the page's.
    return { ...positionView(position, lang), practiceButton: talkButtons.practisePosition(position.id) };
  }

  const list = createRoute({
    method: 'get',
    path: '/positions',
    summary: 'The catalogue of positions in one language',
    request: { query: langQuery },
    responses: { 200: json('groups and positions', described), 400: refusal('unknown language') },
  });
  app.openapi(list, (c) => {
    const lang = c.req.valid('query').lang ?? 'ru';
    return c.json(
      {
        lang,
        groups: TALK_TEXTS[lang].groups,
        positions: catalogue().positions.map((position) => view(position, lang)),
      },
      200,
    );
  });

  const one = createRoute({
    method: 'get',
    path: '/positions/{id}',
    summary: 'One position: answers, sourced counterarguments, pitfalls',
    request: { params: positionParams, query: langQuery },
    responses: { 200: json('the position', described), 404: refusal('no such position') },
  });
  app.openapi(one, (c) => {
    const lang = c.req.valid('query').lang ?? 'ru';
    const position = catalogue().position(c.req.valid('param').id);
    if (!position) throw refuse(404, 'no such position');
    return c.json(view(position, lang), 200);
  });

  const match = createRoute({
    method: 'post',
    path: '/match',
    summary: "Which positions a relative's words express (at most 3, best first)",
    middleware: [stateless, jsonBody()] as const,
    request: { body: { required: true, content: { 'application/json': { schema: matchBody } } } },
    responses: { 200: json('{lang, positions: [{id, score, title}]}', described), ...badInput, ...tooMany },
  });
  app.openapi(match, async (c) => {
    const result = await engine.match(c.req.valid('json').text);
    const current = catalogue();
    return c.json(
      {
        lang: result.lang,
        positions: result.positions.map(({ id, score }) => ({
          id,
          score,
          title: current.position(id)?.[result.lang].title ?? id,
        })),
      },
      200,
    );
  });

  const coach = createRoute({
    method: 'post',
    path: '/coach',
    summary: 'Judge a reply: verdict, markers, tips and a rewrite',
    middleware: [stateless, jsonBody()] as const,
    request: { body: { required: true, content: { 'application/json': { schema: coachBody } } } },
    responses: { 200: json('the judgement', described), ...badInput, ...tooMany },
  });
  app.openapi(coach, async (c) => {
    const { text, context, lang } = c.req.valid('json');
    return c.json(await engine.judge(text, { context, lang }), 200);
  });

  return app;
}
