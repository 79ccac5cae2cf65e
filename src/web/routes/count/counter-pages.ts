import { Hono } from 'hono';
import type { WebEnv } from '../../web-env.js';
import { type StaticFiles, sendFile } from '../pages.js';

// The volunteer's counter: one page at two addresses (the invite link /count/join#CODE, whose code stays in
// the fragment and so out of every log, and the counter itself), and its service worker, served under /count/
// so that the worker's scope covers both. Mounted before any /count/:election page, which would take "join".

export function counterPages(files: StaticFiles) {
  const app = new Hono<WebEnv>();
  app.get('/count/join', (c) => sendFile(c, files, 'counter.html'));
  app.get('/count/counter', (c) => sendFile(c, files, 'counter.html'));
  // A voter's self-filled exit-poll form (its code, too, in the fragment): not the counter, and not offline.
  app.get('/count/form', (c) => sendFile(c, files, 'form.html'));
  app.get('/count/sw.js', (c) => sendFile(c, files, 'counter-sw.js'));
  return app;
}
