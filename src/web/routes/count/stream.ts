import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Counting } from '../../../count/counting.js';
import { refuse } from '../../errors.js';
import type { WebMetrics } from '../../metrics.js';
import { refusal } from '../../openapi.js';
import { invalidInput } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { type Broadcaster, HEARTBEAT } from './broadcaster.js';
import { electionParams } from './schemas.js';

// The live counts as Server-Sent Events: each message's data is one station object as in /live, sent when its
// figures change (at most once a second per station, coalesced by counting). A page reads /live once, then
// applies messages; on reconnecting it should read /live again, since messages sent meanwhile are not replayed.
//
// Written straight to Node's response rather than through hono/streaming's streamSSE, whose web-stream pipeline
// costs a chain of promises and buffers per client and message. 5,000 clients on this machine (2 busy cores,
// shared with the clients), two runs each: streamSSE 170–310 MB more memory and 0.75–2.2 s to reach the last
// client (p99); here 60–70 MB and 0.45–0.6 s.

export interface StreamDeps {
  counting: Pick<Counting, 'election'>;
  broadcaster: Broadcaster;
  metrics: Pick<WebMetrics, 'countStreamClients'>;
}

/** Bytes waiting for a client that reads nothing; past this it is let go (EventSource reconnects by itself). */
const MAX_BUFFERED = 64 * 1024;

export function streamRoutes(deps: StreamDeps) {
  const { counting, broadcaster, metrics } = deps;
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
    const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
    if (!outgoing) throw new Error('the event stream needs the Node server (it is not served in process)');
    // The client may have gone while the election was looked up; its 'close' would then never come.
    if (outgoing.destroyed) return RESPONSE_ALREADY_SENT;
    outgoing.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // nginx and some other proxies buffer responses unless told not to, which would hold messages back.
      'X-Accel-Buffering': 'no',
    });
    // A first comment at once, so the client knows the stream is open.
    outgoing.write(HEARTBEAT);
    metrics.countStreamClients.inc();
    const leave = broadcaster.join(id, {
      send(chunk) {
        if (outgoing.writableLength > MAX_BUFFERED) outgoing.destroy();
        else outgoing.write(chunk);
      },
      // EventSource reconnects, to another instance or to this one restarted.
      end: () => outgoing.destroy(),
    });
    outgoing.once('close', () => {
      leave();
      metrics.countStreamClients.dec();
    });
    return RESPONSE_ALREADY_SENT;
  });

  return app;
}
