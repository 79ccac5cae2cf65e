import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Station } from '../src/catalogue/stations.js';
import { openStore } from '../src/store/open-store.js';
import { chatSealer } from '../src/store/sealed-chat.js';
import { startBotApiServer } from '../src/test-support/bot-api-server.js';

// Issue 20's guide.broadcast_*: reminders to N subscribers through the local Bot API server, which allows `rate`
// messages a second (Telegram's 30) and answers 429 with retry_after to more. The broadcast runs as
// `sobesednik guide broadcast` in a process of its own, three times on three slots of one election:
// - clean: the time from the first message to the last against the floor the limit sets (N ÷ rate seconds);
// - SIGKILL half-way (at a random moment within one message's turn), then a restart: duplicates and missing;
// - SIGTERM half-way, then a restart: the same (graceful: the message in flight is finished and recorded).

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTION = 'pres-2024';
const SECRET = 'b'.repeat(64);
const STATIONS = 10;
/** The slots of the three runs: the evening before 15 March, the mornings of 15 and 16 March (Belgrade). */
const SLOTS = ['2024-03-14T17:30:00Z', '2024-03-15T07:30:00Z', '2024-03-16T07:30:00Z'] as const;

export interface BroadcastBenchResult {
  subscribers: number;
  rate: number;
  /** First message to last, clean run. */
  seconds: number;
  floorSeconds: number;
  ratioToFloor: number;
  messagesPerS: number;
  /** 429s the server answered during the clean run. */
  tooManyRequests: number;
  /** From starting the command to its exit (Node and tsx start, the store, the catalogue). */
  commandSeconds: number;
  killDuplicates: number;
  killMissing: number;
  /** Reminders the restarted run found left 'sending' by the killed one (not resent). */
  killInDoubt: number;
  termDuplicates: number;
  termMissing: number;
  termInDoubt: number;
}

function stations(): Station[] {
  return Array.from({ length: STATIONS }, (_, i) => ({
    station: String(9000 + i),
    country: 'RS',
    city: 'Belgrade',
    address: `Bench street ${i + 1}`,
    timezone: 'Europe/Belgrade',
    lat: null,
    lon: null,
    days: ['2024-03-15', '2024-03-16', '2024-03-17'],
    opens: '08:00',
    closes: '20:00',
  }));
}

function runCommand(
  at: string,
  env: NodeJS.ProcessEnv,
  rate: number,
): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string }> } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'src/cli/main.ts'),
      'guide',
      'broadcast',
      '--election',
      ELECTION,
      '--at',
      at,
      '--rate',
      String(rate),
      '--json',
    ],
    { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const done = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout })),
  );
  return { child, done };
}

const inDoubtOf = (stdout: string): number => {
  try {
    return Number(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}').inDoubt ?? 0);
  } catch {
    return 0;
  }
};

export async function measureBroadcast(options: {
  subscribers: number;
  rate?: number;
}): Promise<BroadcastBenchResult> {
  const { subscribers } = options;
  const rate = options.rate ?? 30;
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-broadcast-'));
  const databaseUrl = `sqlite:${path.join(dir, 'bench.db')}`;
  // Per run: how many messages each chat got, and when the first and last arrived.
  let received = new Map<number, number>();
  let total = 0;
  let first = 0;
  let last = 0;
  let onMessage: (n: number) => void = () => {};
  const server = await startBotApiServer({
    keepHistory: false,
    messagesPerSecond: rate,
    onSent(message) {
      const now = performance.now();
      if (total === 0) first = now;
      last = now;
      total++;
      received.set(message.chat_id, (received.get(message.chat_id) ?? 0) + 1);
      onMessage(total);
    },
  });
  try {
    const store = await openStore(databaseUrl);
    const sealer = chatSealer(SECRET);
    const list = stations();
    await store.count.importStations(ELECTION, list);
    for (let chat = 1; chat <= subscribers; chat++) {
      const key = `bench-${chat}`;
      await store.guide.subscribe(key, {
        election: ELECTION,
        station: list[chat % STATIONS]?.station ?? '9000',
        lang: chat % 3 === 0 ? 'en' : 'ru',
        chat: sealer.seal(key, chat),
        until: '2024-03-17',
      });
    }
    await store.close();
    const env = {
      DATABASE_URL: databaseUrl,
      SOBESEDNIK_SECRET: SECRET,
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
    };
    const reset = () => {
      received = new Map();
      total = 0;
      first = 0;
      last = 0;
    };
    const tally = () => {
      let duplicates = 0;
      let missing = 0;
      for (let chat = 1; chat <= subscribers; chat++) {
        const got = received.get(chat) ?? 0;
        if (got === 0) missing++;
        else duplicates += got - 1;
      }
      return { duplicates, missing };
    };

    // Clean.
    reset();
    const before429 = server.tooManyRequests;
    const started = performance.now();
    const clean = runCommand(SLOTS[0], env, rate);
    const cleanExit = await clean.done;
    if (cleanExit.code !== 0) throw new Error(`guide broadcast exited with ${cleanExit.code}`);
    const commandSeconds = (performance.now() - started) / 1000;
    const seconds = (last - first) / 1000;
    const tooManyRequests = server.tooManyRequests - before429;
    if (tally().missing > 0) throw new Error(`the clean run missed ${tally().missing} subscribers`);

    // Killed half-way, then restarted.
    const interrupted = async (slot: string, signal: NodeJS.Signals) => {
      reset();
      const run = runCommand(slot, env, rate);
      onMessage = (n) => {
        if (n !== Math.floor(subscribers / 2)) return;
        // Anywhere in the next message's turn: waiting for it, claiming, sending or marking.
        setTimeout(() => run.child.kill(signal), Math.random() * (1000 / rate));
      };
      await run.done;
      onMessage = () => {};
      const again = await runCommand(slot, env, rate).done;
      return { ...tally(), inDoubt: inDoubtOf(again.stdout) };
    };
    const kill = await interrupted(SLOTS[1], 'SIGKILL');
    const term = await interrupted(SLOTS[2], 'SIGTERM');

    const floorSeconds = subscribers / rate;
    return {
      subscribers,
      rate,
      seconds: Math.round(seconds * 10) / 10,
      floorSeconds: Math.round(floorSeconds * 10) / 10,
      ratioToFloor: Math.round((seconds / floorSeconds) * 100) / 100,
      messagesPerS: Math.round((subscribers / seconds) * 10) / 10,
      tooManyRequests,
      commandSeconds: Math.round(commandSeconds * 10) / 10,
      killDuplicates: kill.duplicates,
      killMissing: kill.missing,
      killInDoubt: kill.inDoubt,
      termDuplicates: term.duplicates,
      termMissing: term.missing,
      termInDoubt: term.inDoubt,
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
