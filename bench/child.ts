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
  /** Every later line of its stdout. */
  onLine(listener: (line: string) => void): void;
  /** The child's peak resident memory so far (VmHWM), in MB; the last reading once it has exited. */
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
  options: { manyFiles?: boolean } = {},
): Promise<Child> {
  // Every measured process runs with the Node flags of the bin's first line, as `npm start` does. BENCH_NODE_ARGS
  // come after them, so they can also override them: "--cpu-prof" to see where the time goes,
  // "--max-old-space-size=1024" to see what a larger heap changes.
  const flags = [...BIN_NODE_FLAGS, ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const args = Array.isArray(script)
    ? [...flags, BIN, ...script]
    : [...flags, '--import', 'tsx', path.join(ROOT, 'bench', script)];
  const command = [process.execPath, ...args];
  // Thousands of open connections need as many file descriptors: the soft limit is raised to the hard one for
  // this child (Node has no setrlimit), through a shell that then becomes the child.
  const [file, ...argv] = options.manyFiles
    ? ['/bin/sh', '-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', ...command]
    : command;
  const child = spawn(file as string, argv, {
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
  let peakMb = 0;
  return {
    process: child,
    firstLine,
    onLine: (listener) => void lines.on('line', listener),
    peakRssMb() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakMb = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      } catch {
        // Exited (or crashed): /proc no longer has it.
      }
      return peakMb;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The child's CPU time so far (user + system), in µs, from /proc in clock ticks of 10 ms: all its threads, or
 * only the main one (whose thread id is the process id).
 */
export function cpuUs(child: Child, thread: 'all' | 'main' = 'all'): number {
  const pid = child.process.pid;
  try {
    const file = thread === 'all' ? `/proc/${pid}/stat` : `/proc/${pid}/task/${pid}/stat`;
    const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return 0;
  }
}
