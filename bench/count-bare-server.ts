// The baseline of the count benchmark: a bare Hono app on the same Node server, whose events route reads the
// bearer token and parses the JSON body as sobesednik's does, then answers at once (no validation, no database).
// Prints its URL on the first line of stdout; stops on SIGTERM.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/api/count/events', async (c) => {
  if (!/^Bearer \S+$/.test(c.req.header('authorization') ?? '')) return c.json({ error: 'no token' }, 401);
  const body = (await c.req.json()) as { events?: unknown[] };
  return c.json({ accepted: body.events?.length ?? 0, duplicates: 0 });
});

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`http://127.0.0.1:${info.port}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  process.exit(0);
});
