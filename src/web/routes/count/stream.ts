import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Counting } from '../../../count/counting.js';
import { refuse } from '../../errors.js';
import { refusal } from '../../openapi.js';
import { invalidInput } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { type Broadcaster, HEARTBEAT } from './broadcaster.js';
import { electionParams } from './schemas.js';

// The live counts as Server-Sent Events: each message's data is one station object as in /live, sent when its
// figures change (at most once a second per station, coalesced by counting). A page reads /live once, then
// applies messages; on reconnecting it should read /live again, since messages sent meanwhile are not replayed.

export interface StreamDeps {
  counting: Pick<Counting, 'election'>;
  broadcaster: Broadcaster;
}

/** Messages waiting for a client that reads nothing; past this it is let go (EventSource reconnects by itself). */
const MAX_QUEUED = 64;

export function streamRoutes(deps: StreamDeps) {
  const { counting, broadcaster } = deps;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });

  const stream = createRoute({
    method: 'get',
    path: '/elections/{id}/stream',
    summary: "Server-Sent Events: one message a station's figures change, its data the station as in /live",
    request: { params: electionParams },
    responses: {
      200: {
        description: 'an event stream; comment lines are heartbeats',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      404: refusal('no such election'),
    },
  });
  app.openapi(stream, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await counting.election(id))) throw refuse(404, 'no such election');
    // nginx and some other proxies buffer responses unless told not to, which would hold messages back.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (sse) => {
      const closed = new Promise<void>((resolve) => sse.onAbort(resolve));
      let queued = 0;
      const leave = broadcaster.join(id, (chunk) => {
        if (queued >= MAX_QUEUED) return sse.abort();
        queued++;
        void sse.write(chunk).then(() => queued--);
      });
      // Sends the headers and a first byte at once, so the client knows the stream is open.
      await sse.write(HEARTBEAT);
      await closed;
      leave();
    });
  });

  return app;
}
