import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { talkButtons } from '../src/dialogue/talk/buttons.js';
import { type SentMessage, startBotApiServer } from '../src/test-support/bot-api-server.js';
import { type Child, cpuUs, startChild } from './child.js';

// Simulated Telegram users against a real bot process over HTTP: the local Bot API server hands out updates
// by long polling and receives the bot's messages, as api.telegram.org would. Every user opens a practice,
// picks a relative and answers them; each update ends with exactly one message with buttons (sobesednik) or
// one echo (the bare grammY baseline), which is how a reply is recognised, timed and checked for duplicates.

export type BotKind = 'sobesednik' | 'echo';

export interface BotLoadOptions {
  bot: BotKind;
  users: number;
  /** Updates per user: /practice, a button for the relative, then replies. */
  messages: number;
  /** DATABASE_URL of the bot (sobesednik); a fresh SQLite file by default. */
  databaseUrl?: string;
  /** Offered load in updates per second; unset: every user sends as soon as the last reply came (saturation). */
  rate?: number;
  /**
   * Faults of the soak: the share of updates delivered twice, and the share of updates after which the next
   * sendMessage is refused with 429 and retry_after 1 (spread with the load, as Telegram's limits are).
   */
  faults?: { redeliverShare: number; tooManyRequestsShare: number };
  /** Give up when no reply came for this long. */
  stallMs?: number;
}

export interface BotLoadResult {
  bot: BotKind;
  users: number;
  updates: number;
  seconds: number;
  updatesPerS: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  /**
   * CPU time per update, in µs: the bot's process (all its threads), its main thread (the event loop, where an
   * update's HTTP calls, middleware and database work run), and the Bot API server's (this process).
   */
  botCpuUs: number;
  botMainCpuUs: number;
  serverCpuUs: number;
  /** Resident memory when half the updates were answered, and at the end. */
  rssMidMb: number;
  rssEndMb: number;
  /** Users with fewer replies than updates sent, and replies beyond one per update. */
  missing: number;
  duplicates: number;
  redelivered: number;
  injected429: number;
}

const PERSONAS = ['mother', 'brother', 'uncle', 'grandmother', 'colleague', 'friend'];
const REPLIES = [
  'Я слышу, как тебе тревожно. Что тебя больше всего пугает?',
  'Ну не знаю. По-моему, всё не так просто.',
  'Насколько ты в этом уверена, от 0 до 10?',
  'Мы оба хотим, чтобы в семье был мир. С чего бы ты начала?',
  'Ну да, конечно, по телевизору же не врут.',
  'Спасибо, что рассказываешь. Как ты к этому пришла?',
];
const FIRST_USER = 5_000_000;

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0) * 10) / 10;
}

function rssMb(child: Child): number {
  try {
    const kb = Number(
      /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.process.pid}/status`, 'utf8'))?.[1] ?? 0,
    );
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

export async function measureBot(options: BotLoadOptions): Promise<BotLoadResult> {
  const { users, messages } = options;
  const total = users * messages;
  const isReplyEnd = (message: SentMessage) => options.bot === 'echo' || message.buttons.length > 0;
  const sent = new Array<number>(users).fill(0);
  const replied = new Array<number>(users).fill(0);
  const servedAt = new Map<number, number>();
  const outstanding = new Array<number | undefined>(users).fill(undefined);
  const latencies: number[] = [];
  let duplicates = 0;
  let redelivered = 0;
  let injected429 = 0;
  let answered = 0;
  let lastProgress = performance.now();
  let rssMid = 0;
  let onAnswered: (user: number) => void = () => {};

  const server = await startBotApiServer({
    keepHistory: false,
    onServed(updates: readonly Update[]) {
      const now = performance.now();
      for (const update of updates) {
        if (servedAt.has(update.update_id)) continue;
        servedAt.set(update.update_id, now);
        if (options.faults && Math.random() < options.faults.redeliverShare) {
          redelivered++;
          server.redeliver(update);
        }
        if (options.faults && Math.random() < options.faults.tooManyRequestsShare) {
          injected429++;
          server.inject429(1, 1);
        }
      }
    },
    onSent(message) {
      if (!isReplyEnd(message)) return;
      const user = message.chat_id - FIRST_USER;
      const updateId = outstanding[user];
      if (updateId === undefined) {
        duplicates++;
        return;
      }
      latencies.push(performance.now() - (servedAt.get(updateId) ?? performance.now()));
      servedAt.delete(updateId);
      outstanding[user] = undefined;
      replied[user] = (replied[user] ?? 0) + 1;
      answered++;
      lastProgress = performance.now();
      onAnswered(user);
    },
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-bench-bot-'));
  const env = {
    TELEGRAM_BOT_TOKEN: server.token,
    TELEGRAM_API_ROOT: server.apiRoot,
    DATABASE_URL: options.databaseUrl ?? `sqlite:${path.join(dir, 'bench.db')}`,
    SOBESEDNIK_SECRET: 'e'.repeat(64),
    LOG_LEVEL: 'info',
  };
  const child =
    options.bot === 'echo'
      ? await startChild('echo-bot.ts', env)
      : await startChild(['bot'], env, (line) => line.includes('"telegram-started"'));

  function send(user: number): void {
    const id = FIRST_USER + user;
    const step = sent[user] ?? 0;
    const update =
      step === 0
        ? server.sendText(id, '/practice')
        : step === 1
          ? server.pressButton(id, talkButtons.persona(PERSONAS[user % PERSONAS.length] ?? 'mother'))
          : server.sendText(id, REPLIES[(user + step) % REPLIES.length] ?? '');
    sent[user] = step + 1;
    outstanding[user] = update.update_id;
  }

  const started = performance.now();
  const botCpuAtStart = cpuUs(child);
  const mainCpuAtStart = cpuUs(child, 'main');
  const serverCpuAtStart = process.cpuUsage();
  let pacer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const finishIfDone = () => {
        if (answered === Math.floor(total / 2) && rssMid === 0) rssMid = rssMb(child);
        if (answered >= total) resolve();
      };
      if (options.rate === undefined) {
        // Closed loop: each user sends again as soon as the reply came.
        onAnswered = (user) => {
          if ((sent[user] ?? 0) < messages) send(user);
          finishIfDone();
        };
        for (let user = 0; user < users; user++) send(user);
      } else {
        // Open loop at a fixed rate, users in turn; a user whose reply is still out waits for the next round.
        const rate = options.rate;
        let pushed = 0;
        let cursor = 0;
        onAnswered = finishIfDone;
        pacer = setInterval(() => {
          const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
          let skipped = 0;
          while (pushed < due && skipped < users) {
            const user = cursor;
            cursor = (cursor + 1) % users;
            if (outstanding[user] !== undefined || (sent[user] ?? 0) >= messages) {
              skipped++;
              continue;
            }
            send(user);
            pushed++;
            skipped = 0;
          }
        }, 5);
      }
      const watchdog = setInterval(() => {
        if (answered >= total) clearInterval(watchdog);
        else if (performance.now() - lastProgress > (options.stallMs ?? 30_000)) {
          clearInterval(watchdog);
          reject(new Error(`stalled: ${answered} of ${total} updates answered`));
        }
      }, 500);
    });
  } catch (error) {
    await child.stop();
    await server.close();
    throw error;
  } finally {
    clearInterval(pacer);
  }
  const seconds = (performance.now() - started) / 1000;
  const botCpu = cpuUs(child) - botCpuAtStart;
  const mainCpu = cpuUs(child, 'main') - mainCpuAtStart;
  const serverCpu = process.cpuUsage(serverCpuAtStart);
  // Late duplicates of re-delivered updates would arrive now.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssEnd = rssMb(child);
  const peakRssMb = child.peakRssMb();
  await child.stop();
  await server.close();
  latencies.sort((a, b) => a - b);
  return {
    bot: options.bot,
    users,
    updates: total,
    seconds: Math.round(seconds * 10) / 10,
    updatesPerS: Math.round(total / seconds),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    peakRssMb,
    botCpuUs: Math.round(botCpu / total),
    botMainCpuUs: Math.round(mainCpu / total),
    serverCpuUs: Math.round((serverCpu.user + serverCpu.system) / total),
    rssMidMb: rssMid,
    rssEndMb: rssEnd,
    missing: replied.filter((count) => count < messages).length,
    duplicates,
    redelivered,
    injected429,
  };
}
