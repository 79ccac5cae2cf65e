import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Services } from '../app/services.js';
import { createWebApp, type WebOptions } from './app.js';

export interface WebServer {
  /** Where it listens, e.g. http://127.0.0.1:3000 (the real port when PORT=0). */
  url: string;
  close(): Promise<void>;
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Serves the web app on services.config HOST:PORT; resolves once listening, after logging the URL. */
export function serveWeb(services: Services, options: WebOptions = {}): Promise<WebServer> {
  const stopping = new AbortController();
  const app = createWebApp(services, { ...options, stopping: stopping.signal });
  const { HOST, PORT } = services.config;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: HOST, port: PORT }, (info) => {
      server.off('error', reject);
      const url = urlOf(info);
      services.log.info({ url }, `web server listening on ${url}`);
      resolve({
        url,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Open event streams never end by themselves; their clients reconnect elsewhere.
            stopping.abort();
            // Keep-alive connections of browsers would hold close() open for their idle timeout.
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
