import { HttpError } from '../http-error.js';
import { loadStaticFiles, sendStatic } from '../static-files.js';
import type { WebApp } from '../web-env.js';

// The pages are static HTML with no inline script; their scripts fill every text in with textContent.

const PAGES: Record<string, string> = { '/': 'index.html', '/stats': 'stats.html' };
const ASSET = /^[a-z0-9-]+\.(?:js|css|svg)$/;

export function pageRoutes(app: WebApp, options: { admin: boolean }): void {
  const files = loadStaticFiles();
  const file = (name: string) => {
    const found = files.get(name);
    if (!found) throw new HttpError(404, 'not found');
    return found;
  };

  for (const [path, name] of Object.entries(PAGES)) app.get(path, (c) => sendStatic(c, file(name)));
  // Behind the admin guard (registered before this): 404 when ADMIN_TOKEN is unset.
  if (options.admin) app.get('/admin', (c) => sendStatic(c, file('admin.html')));

  app.get('/static/:name', (c) => {
    const name = c.req.param('name');
    if (!ASSET.test(name)) throw new HttpError(404, 'not found');
    return sendStatic(c, file(name));
  });
  app.get('/favicon.ico', (c) => sendStatic(c, file('icon.svg')));
}
