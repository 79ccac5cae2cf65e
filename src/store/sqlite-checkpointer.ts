import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite copies its write-ahead log back into the database file (a checkpoint) inside whichever commit takes the
 * log past 1,000 pages. That commit then writes the pages and waits for fsync on the event loop: tens of
 * milliseconds in which no user is answered, the worst of the bot's latency under load. Instead, the serving
 * connection turns automatic checkpoints off and this worker thread, with a connection of its own, checkpoints
 * every `everyMs` without blocking anyone ("PASSIVE").
 *
 * Under steady writes a passive checkpoint never catches up with the last page, and SQLite only starts the log
 * afresh after one that did. So when the log holds more than `maxLogPages`, the worker runs one that waits for
 * the writer ("RESTART"): a short pause for one commit, now and then, instead of the log growing without end.
 */
export interface CheckpointerOptions {
  file: string;
  everyMs?: number;
  maxLogPages?: number;
  busyTimeoutMs?: number;
  /** Told the error code when a checkpoint fails; the next one tries again. */
  onError?: (code: string) => void;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain CommonJS, evaluated in the worker: no build step or loader is needed for it under tsx, vitest or dist.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
const timer = setInterval(() => {
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    if (passive && passive.log > workerData.maxLogPages) db.pragma('wal_checkpoint(RESTART)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.code || 'unknown') });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: options.file,
      everyMs: options.everyMs ?? 100,
      maxLogPages: options.maxLogPages ?? 10_000,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    },
  });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  // The thread must not keep a finished process alive, nor crash it: the serving connection still works
  // without it (the log just grows until close, which checkpoints).
  worker.unref();
  worker.on('error', (error) => options.onError?.((error as { code?: string }).code ?? 'worker-failed'));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Held by the thread until it has closed its connection, or the process could end before that.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
