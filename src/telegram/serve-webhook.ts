import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface WebhookServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `sobesednik bot` in webhook mode runs without the web app, so it serves the webhook itself on HOST:PORT: the
 * webhook's path, and 404 for everything else. (`sobesednik` mounts the same handler in the web server.)
 */
export function serveWebhook(
  webhook: { path: string; handle(request: Request): Promise<Response> },
  listen: { host: string; port: number },
): Promise<WebhookServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (request) =>
          new URL(request.url).pathname === webhook.path
            ? webhook.handle(request)
            : new Response('not found', { status: 404 }),
        hostname: listen.host,
        port: listen.port,
      },
      (info: AddressInfo) => {
        server.off('error', reject);
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}${webhook.path}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
