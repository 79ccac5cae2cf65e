import { ConfigError } from '../app/config.js';
import { StoreError } from '../store/store-error.js';
import { TelegramStartError } from '../telegram/start.js';

// What the long-running commands (`serve`, `bot`) share: which failures a person can fix, and how they stop.

/** A bad setting, an unusable database or a rejected token: one line for a person, exit 1, no stack trace. */
export function isPersonsProblem(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof StoreError || error instanceof TelegramStartError;
}

/** The first SIGTERM or SIGINT; a second one gets Node's default (immediate exit), for a stop that hangs. */
export function firstSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}

/** The port is taken: say which, rather than print Node's EADDRINUSE stack. */
export function addressInUse(error: unknown, host: string, port: number): string | undefined {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
    return `cannot listen on ${host}:${port}: the address is in use (set PORT or HOST)`;
  return undefined;
}

/** Waits for a signal, or for the bot's polling to fail on its own (a revoked token, another instance). */
export function untilStopped(
  stopSignal: Promise<string>,
  failure?: Promise<Error>,
): Promise<{ signal: string; error?: undefined } | { signal: 'failure'; error: Error }> {
  return Promise.race([
    stopSignal.then((signal) => ({ signal })),
    ...(failure ? [failure.then((error) => ({ signal: 'failure' as const, error }))] : []),
  ]);
}
