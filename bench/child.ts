import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/sobesednik.js');
/** The flags after "node" on the bin's shebang line ("#!/usr/bin/env -S node --flag …"). */
const BIN_NODE_FLAGS = (readFileSync(BIN, 'utf8').split('\n')[0] ?? '')
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

export interface Child {
  process: ChildProcess;
  /** The line that said the child is ready (a URL, "ready", or a log line). */
  firstLine: string;
  /** The child's peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * Runs a script in a process of its own — a TypeScript file of bench/, or the built `sobesednik` bin with
 * arguments — and waits for the first line of output that `ready` accepts (by default the first line).
 */
export async function startChild(
  script: string | string[],
  env: NodeJS.ProcessEnv,
  ready: (line: string) => boolean = () => true,
): Promise<Child> {
  // BENCH_NODE_ARGS passes flags to the measured process, e.g. "--cpu-prof" to see where its time goes.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // Every measured process runs with the Node flags of the bin's first line, as `npm start` does.
  const args = Array.isArray(script)
    ? [...BIN_NODE_FLAGS, BIN, ...script]
    : [...BIN_NODE_FLAGS, '--import', 'tsx', path.join(ROOT, 'bench', script)];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const onLine = (line: string) => {
      if (!ready(line)) return;
      lines.off('line', onLine);
      resolve(line);
    };
    lines.on('line', onLine);
    child.once('exit', (code) =>
      reject(new Error(`${String(script)} exited with ${code} before it was ready`)),
    );
  });
  // Keep reading, so that a child that logs never blocks on a full pipe; BENCH_CHILD_OUTPUT keeps the lines.
  const keep = process.env.BENCH_CHILD_OUTPUT;
  lines.on('line', (line) => keep && appendFileSync(keep, `${line}\n`));
  return {
    process: child,
    firstLine,
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
