import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { CountCards } from '../../../app/count-cards.js';
import { refuse } from '../../errors.js';
import { refusal } from '../../openapi.js';
import { invalidInput } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { electionParams, stationParams } from './schemas.js';

// Share cards: a 1080×1080 PNG of a station's or a whole election's live count, to send to someone at home.
// Public like /live, and drawn at most once a minute (count-cards.ts), so a shared link may be cached as long.

export interface CardDeps {
  cards: CountCards;
}

const langQuery = z.object({
  lang: z.enum(['ru', 'en']).default('ru').openapi({ description: 'the language of the card (default ru)' }),
});

const png = (description: string) => ({
  description,
  content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
});

/** Caches and the recipient's messenger may keep a card as long as it is drawn anew: a minute. */
const CACHE_CONTROL = 'public, max-age=60';

export function cardRoutes({ cards }: CardDeps) {
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });

  const image = (body: Buffer) =>
    new Response(new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': 'image/png', 'Cache-Control': CACHE_CONTROL },
    });

  const election = createRoute({
    method: 'get',
    path: '/elections/{id}/card.png',
    summary: 'A 1080×1080 PNG of the people counted at all the stations so far, to share',
    request: { params: electionParams, query: langQuery },
    responses: { 200: png('the card'), 404: refusal('no such election') },
  });
  app.openapi(election, async (c) => {
    const found = await cards.election(c.req.valid('param').id, c.req.valid('query').lang);
    if (!found) throw refuse(404, 'no such election');
    return image(found);
  });

  const station = createRoute({
    method: 'get',
    path: '/elections/{id}/stations/{station}/card.png',
    summary: "A 1080×1080 PNG of one station's people counted, queue and arrivals chart, to share",
    request: { params: stationParams, query: langQuery },
    responses: { 200: png('the card'), 404: refusal('no such election or station') },
  });
  app.openapi(station, async (c) => {
    const { id, station: stationId } = c.req.valid('param');
    const found = await cards.station(id, stationId, c.req.valid('query').lang);
    if (!found) throw refuse(404, 'no such election or station');
    return image(found);
  });

  return app;
}
