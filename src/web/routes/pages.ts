import { type Context, Hono } from 'hono';
import { refuse } from '../errors.js';
import { type StaticFile, sendStatic } from '../static-files.js';
import type { WebEnv } from '../web-env.js';

// The pages are static HTML with no inline script; their scripts fill every text in with textContent.

export type StaticFiles = ReadonlyMap<string, StaticFile>;

const PAGES: Record<string, string> = { '/': 'index.html', '/stats': 'stats.html' };
const ASSET = /^[a-z0-9-]+\.(?:js|css|svg)$/;

/** The file by its exact name, or 404: no path reaches the disk. */
export function sendFile(c: Context, files: StaticFiles, name: string): Response {
  const file = files.get(name);
  if (!file) throw refuse(404, 'not found');
  return sendStatic(c, file);
}

export function pageRoutes(files: StaticFiles) {
  const app = new Hono<WebEnv>();
  for (const [path, name] of Object.entries(PAGES)) app.get(path, (c) => sendFile(c, files, name));
  app.get('/static/:name', (c) => {
    const name = c.req.param('name');
    if (!ASSET.test(name)) throw refuse(404, 'not found');
    return sendFile(c, files, name);
  });
  app.get('/favicon.ico', (c) => sendFile(c, files, 'icon.svg'));
  return app;
}
