import { type ParseArgsConfig, parseArgs } from 'node:util';
import { LANGS, type Lang } from '../catalogue/schema.js';

/** What the user typed wrong: shown as one line (or `{"error"}` with --json), exit 1, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** The text of `sobesednik NAME --help`, for a command group whose usage does not fit one line. */
  help?: string;
  run(argv: string[]): Promise<number> | number;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with our error type, so a bad flag is a usage error rather than a crash. */
export function parse<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Reports a failure the way the caller asked for: JSON on stdout for programs, a line on stderr for people. */
export function fail(message: string, json: boolean): number {
  if (json) printJson({ error: message });
  else process.stderr.write(`sobesednik: ${message}\n`);
  return 1;
}

export function wantsJson(argv: string[]): boolean {
  return argv.includes('--json') || argv.includes('--jsonl');
}

export function parseLang(value: string | undefined, fallback: Lang = 'ru'): Lang {
  if (value === undefined) return fallback;
  if ((LANGS as readonly string[]).includes(value)) return value as Lang;
  throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, not '${value}'`);
}
