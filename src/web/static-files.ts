import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

// The pages as Vite builds them (vite.config.ts) into dist/web/static, read once at start: beside this module
// in the built package, two levels up when the server runs from src (tsx, tests). Serving from an in-memory
// map by exact name leaves no path to traverse.

const CANDIDATES = ['./static/', '../../dist/web/static/'];

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

export interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  etag: string;
}

export function staticDir(): string {
  for (const candidate of CANDIDATES) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  throw new Error(
    `the web pages are not built: run npm run build (looked for ${CANDIDATES.join(' and ')} beside ${import.meta.url})`,
  );
}

export function loadStaticFiles(dir: string = staticDir()): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[name.split('.').pop() ?? ''];
    if (!type) continue;
    const body = new Uint8Array(readFileSync(`${dir}${name}`));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
    files.set(name, { body, type, etag });
  }
  return files;
}

/** The file with revalidation: the browser asks each time and gets 304 when nothing changed. */
export function sendStatic(c: Context, file: StaticFile): Response {
  const headers = { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ETag: file.etag };
  if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
  return c.body(file.body, 200, headers);
}
