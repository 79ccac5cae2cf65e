import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import { collect, ROOT, until } from '../test-support/cli.js';
import { setUpElection } from '../test-support/count.js';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';

// A phone syncing its queue while the server dies without warning (SIGKILL: no shutdown, no flush). Every event
// the server acknowledged must be there after a restart, and the phone's retry of everything must add nothing
// twice. The server is the built bin, as people run it, on SQLite and on PostgreSQL.

noticeSkippedPostgres();

const BATCHES = 60;
const PER_BATCH = 20;
const START = Date.parse('2026-03-10T06:00:00Z');

function startServer(url: string): {
  child: ChildProcess;
  base: Promise<string>;
  output: ReturnType<typeof collect>;
} {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sobesednik.js')], {
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: url,
      SOBESEDNIK_SECRET: 'k'.repeat(64),
      TELEGRAM_BOT_TOKEN: '',
      LOG_LEVEL: 'info',
    },
  });
  const output = collect(child);
  const base = until(() => output.stdout.includes('listening on'), 'the server', output).then(
    () => JSON.parse(output.stdout.split('\n')[0] ?? '{}').url as string,
  );
  return { child, base, output };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.on('exit', () => resolve()),
  );

async function send(base: string, token: string, events: object[]): Promise<number> {
  const response = await fetch(`${base}/api/count/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  await response.arrayBuffer();
  return response.status;
}

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`a server killed during a sync, on ${dialect.name}`, () => {
    it('keeps every acknowledged event, and the retry adds nothing twice', { timeout: 90_000 }, async () => {
      const database = await dialect.create();
      const store = await openStore(database.url);
      try {
        // Open all day on the day of the taps below.
        const { election, invite } = await setUpElection(store, {
          id: 'kill-test',
          stations: ['1'],
          now: START,
        });
        const code = await invite('1');

        const first = startServer(database.url);
        const base = await first.base;
        const join = await fetch(`${base}/api/count/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code }),
        });
        const { token } = (await join.json()) as { token: string };
        // One tap a second, so that none is taken for a machine's.
        const batches = Array.from({ length: BATCHES }, (_, b) =>
          Array.from({ length: PER_BATCH }, (_, i) => ({
            id: randomUUID(),
            kind: 'entry',
            at: new Date(START + (b * PER_BATCH + i) * 1000).toISOString(),
          })),
        );

        // Four batches in flight at a time; the server is killed once a few have been acknowledged.
        const acknowledged: string[] = [];
        let next = 0;
        const worker = async () => {
          while (next < batches.length) {
            const batch = batches[next++] ?? [];
            const status = await send(base, token, batch).catch(() => 0);
            if (status === 200) acknowledged.push(...batch.map((e) => e.id));
            if (acknowledged.length >= 5 * PER_BATCH && first.child.exitCode === null)
              first.child.kill('SIGKILL');
          }
        };
        await Promise.all([worker(), worker(), worker(), worker()]);
        await exited(first.child);
        expect(first.child.signalCode).toBe('SIGKILL');
        expect(acknowledged.length).toBeGreaterThan(0);
        expect(acknowledged.length).toBeLessThan(BATCHES * PER_BATCH);

        const stored = new Set(
          (await database.query("select id from count_events where kind = 'entry'")).map((r) => String(r.id)),
        );
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

        // The phone sends its whole queue again, to a new server.
        const second = startServer(database.url);
        const again = await second.base;
        for (const batch of batches) {
          let status = await send(again, token, batch);
          while (status === 429) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            status = await send(again, token, batch);
          }
          expect(status).toBe(200);
        }
        const rows = await database.query("select count(*) as n from count_events where kind = 'entry'");
        expect(Number(rows[0]?.n)).toBe(BATCHES * PER_BATCH);
        const live = (await (await fetch(`${again}/api/count/elections/${election.id}/live`)).json()) as {
          totals: { counted: number };
        };
        expect(live.totals.counted).toBe(BATCHES * PER_BATCH);
        second.child.kill('SIGTERM');
        await exited(second.child);
      } finally {
        await store.close();
        await database.drop();
      }
    });
  });
}
