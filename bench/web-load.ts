import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { talkButtons } from '../src/dialogue/talk/buttons.js';
import { startChild } from './child.js';

// The web API under load from a second process on loopback: sessions created, then practice replies posted by
// many sessions at once (autocannon), as browsers would. Each event runs the engine, the coach and a save.

export interface WebLoadResult {
  sessionsPerS: number;
  eventsPerS: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  peakRssMb: number;
}

const REPLIES = [
  'Я слышу, как тебе тревожно. Что тебя больше всего пугает?',
  'Ну не знаю, по-моему, всё не так однозначно.',
  'How sure are you of that, from 0 to 10?',
  'Мне важно тебя понять. Расскажи, откуда ты это знаешь?',
];

export async function measureWeb(options: {
  sessions: number;
  seconds: number;
  connections: number;
}): Promise<WebLoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-bench-web-'));
  const server = await startChild('web-server.ts', {
    DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
    SOBESEDNIK_SECRET: 'b'.repeat(64),
    PORT: '0',
  });
  try {
    const base = server.firstLine.trim();
    const sessions: { id: string; cookie: string }[] = [];
    const started = performance.now();
    for (let i = 0; i < options.sessions; i++) {
      const response = await fetch(`${base}/api/sessions`, { method: 'POST' });
      const { id } = (await response.json()) as { id: string };
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      sessions.push({ id, cookie });
    }
    const sessionsPerS = Math.round(options.sessions / ((performance.now() - started) / 1000));
    for (const session of sessions) {
      await fetch(`${base}/api/sessions/${session.id}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie },
        body: JSON.stringify({ button: talkButtons.persona('mother') }),
      });
    }
    let next = 0;
    const result = await autocannon({
      url: base,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const session = sessions[next % sessions.length];
            const body = JSON.stringify({ text: REPLIES[next % REPLIES.length] });
            next++;
            return {
              ...request,
              path: `/api/sessions/${session?.id}/events`,
              headers: { 'content-type': 'application/json', cookie: session?.cookie ?? '' },
              body,
            };
          },
        },
      ],
    });
    return {
      sessionsPerS,
      eventsPerS: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.non2xx,
      peakRssMb: server.peakRssMb(),
    };
  } finally {
    await server.stop();
  }
}
