import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/sobesednik.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The objects of a JSON-lines output, in order (typed as loosely as JSON.parse, since tests probe them). */
export function jsonLines(stdout: string): ReturnType<typeof JSON.parse>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** Runs the built `sobesednik` bin as a user would, over real pipes. */
export function runCli(
  args: string[],
  options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.end(options.input ?? '');
  });
}

/** Everything a long-running child prints, as it comes. */
export function collect(child: ChildProcess): { stdout: string; stderr: string } {
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString('utf8');
  });
  return output;
}

/** Polls until the condition holds; a timeout names what was awaited and shows the child's output. */
export async function until(
  condition: () => boolean,
  what: string,
  output: { stdout: string; stderr: string },
): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${output.stderr || output.stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
