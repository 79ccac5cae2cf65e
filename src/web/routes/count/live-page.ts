import { Hono } from 'hono';
import type { WebEnv } from '../../web-env.js';
import { type StaticFiles, sendFile } from '../pages.js';

// The public pages of an election: its live count, /count/<election>, and its report after the polls close,
// /count/<election>/report. Each page is the same for every election: its script reads the id from the address
// and says so itself when the election is unknown.

export function liveCountPage(files: StaticFiles) {
  return new Hono<WebEnv>()
    .get('/count/:election', (c) => sendFile(c, files, 'count-live.html'))
    .get('/count/:election/report', (c) => sendFile(c, files, 'count-report.html'));
}
