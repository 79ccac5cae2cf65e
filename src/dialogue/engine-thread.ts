import { Worker } from 'node:worker_threads';
import type { Judgement, JudgeOptions } from '../coach/coach.js';
import type { MatchResult } from '../matcher/matcher.js';
import type { StoredStepInput, StoredStepResult } from './stored-step.js';

// The servers run the engine, the matcher and the coach on a thread of their own. They are pure computation,
// and on the event loop every request waited for every other request's; the loop now only reads and writes
// sockets and the database, and the two run on two cores. One thread, so calls are answered in order.

/** What the front ends ask of the engine; the same as the in-process objects, answered asynchronously. */
export interface EngineThread {
  stepStored(input: StoredStepInput): Promise<StoredStepResult>;
  match(text: string): Promise<MatchResult>;
  judge(text: string, options?: JudgeOptions): Promise<Judgement>;
  /** Reads the catalogue files again and rebuilds; false (and the old set kept) if they no longer load. */
  reload(): Promise<boolean>;
  close(): Promise<void>;
}

type EngineRequest =
  | { kind: 'step'; input: StoredStepInput }
  | { kind: 'match'; text: string }
  | { kind: 'judge'; text: string; options: JudgeOptions | undefined }
  | { kind: 'reload' };

export type EngineCall = EngineRequest & { id: number };

export type EngineReply = { id: number; value: unknown } | { id: number; error: string };

export interface EngineThreadOptions {
  retentionDays: number;
  /** The catalogue's folder (default: the one shipped). */
  contentDir?: string;
  /** Told why, when a running thread stops on its own (the next call starts another). */
  onStopped?: (reason: string) => void;
}

/**
 * Under tsx or vitest this file is TypeScript, and a worker does not inherit their loader: it registers tsx
 * before importing its entry. Built, both are plain JavaScript.
 */
function workerSource(): string {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./engine-thread-worker.${typescript ? 'ts' : 'js'}`, import.meta.url).href;
  const load = `import(${JSON.stringify(entry)})`;
  if (!typescript) return load;
  // Resolved here, so that the worker finds tsx whatever the current directory.
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return ${load}; })`;
}

const YOUNG_GENERATION_MB = 8;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Starts the thread and resolves once its engine is built (the catalogue loaded, the matcher trained). */
export async function startEngineThread(options: EngineThreadOptions): Promise<EngineThread> {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closing = false;

  function spawn(): Promise<Worker> {
    const worker = new Worker(workerSource(), {
      eval: true,
      // A step's garbage is small and short-lived: a small young generation keeps the thread's memory down.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      workerData: { retentionDays: options.retentionDays, contentDir: options.contentDir },
    });
    return new Promise((resolve, reject) => {
      const failed = (error: unknown) =>
        reject(error instanceof Error ? error : new Error(`the engine thread stopped (${String(error)})`));
      worker.once('error', failed);
      worker.once('exit', failed);
      worker.once('message', () => {
        worker.off('error', failed);
        worker.off('exit', failed);
        worker.on('message', (reply: EngineReply) => settle(reply));
        // A thread that dies (a bug, out of memory) fails the calls it held, and the next call starts another:
        // the server keeps answering.
        let reason = 'it exited';
        worker.on('error', (error) => {
          reason = error.message;
        });
        worker.once('exit', () => {
          thread = undefined;
          if (!closing) options.onStopped?.(reason);
          const lost = [...pending.values()];
          pending.clear();
          for (const call of lost) call.reject(new Error('the engine thread stopped'));
        });
        resolve(worker);
      });
    });
  }

  function settle(reply: EngineReply): void {
    const call = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) call?.reject(new Error(reply.error));
    else call?.resolve(reply.value);
  }

  let thread: Promise<Worker> | undefined = spawn();
  await thread;

  async function call<T>(request: EngineRequest): Promise<T> {
    if (closing) throw new Error('the engine thread is closed');
    thread ??= spawn();
    const worker = await thread.catch((error: unknown) => {
      // A thread that could not start (its catalogue broke on disk meanwhile) is tried again by the next call.
      thread = undefined;
      throw error;
    });
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  return {
    stepStored: (input) => call({ kind: 'step', input }),
    match: (text) => call({ kind: 'match', text }),
    judge: (text, judgeOptions) => call({ kind: 'judge', text, options: judgeOptions }),
    reload: () => call({ kind: 'reload' }),
    async close() {
      closing = true;
      const worker = await thread?.catch(() => undefined);
      await worker?.terminate();
    },
  };
}
