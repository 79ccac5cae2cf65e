import { printJson } from '../command.js';

/**
 * A file refused for its problems: each on a line of its own on stderr and a summary after them, or for
 * programs `{"error": summary, "problems": [...]}` on stdout. Exit 1 either way.
 */
export function refuseFile<P>(
  json: boolean,
  summary: string,
  problems: readonly P[],
  describe: (problem: P) => string,
): number {
  if (json) printJson({ error: summary, problems });
  else {
    for (const problem of problems) process.stderr.write(`${describe(problem)}\n`);
    process.stderr.write(`sobesednik: ${summary}\n`);
  }
  return 1;
}

export function problemCount(n: number): string {
  return n === 1 ? '1 problem' : `${n} problems`;
}
