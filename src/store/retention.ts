import type { UsersRepository } from './users-repository.js';

/** pino-compatible: only the event kind and counts are logged. */
export interface RetentionLog {
  info(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface Retention {
  /** The run at start: how many idle users it deleted (0 after a failure, which is logged). */
  readonly firstRun: Promise<number>;
  stop(): void;
}

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Deletes users idle for `days` now and then every `intervalMs` (default 6 hours). The timer does not keep
 * the process alive, and a failed run is logged and retried at the next tick rather than crashing the bot.
 */
export function startRetention(options: {
  users: Pick<UsersRepository, 'deleteIdleUsers'>;
  days: number;
  intervalMs?: number;
  log?: RetentionLog;
  now?: () => Date;
}): Retention {
  const { users, days, log } = options;
  if (!Number.isFinite(days) || days <= 0)
    throw new TypeError(`retention days must be positive, not ${days}`);
  const now = options.now ?? (() => new Date());
  let running: Promise<number> | undefined;

  const run = (): Promise<number> => {
    // A slow database must not stack runs on top of each other.
    if (running) return running;
    running = users
      .deleteIdleUsers(new Date(now().getTime() - days * DAY_MS))
      .then((deleted) => {
        log?.info({ event: 'retention', deleted, days }, 'idle users deleted');
        return deleted;
      })
      .catch((error: unknown) => {
        log?.error({ event: 'retention-failed', reason: (error as Error).message }, 'retention failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const firstRun = run();
  const timer = setInterval(run, options.intervalMs ?? 6 * 3_600_000);
  timer.unref();
  return { firstRun, stop: () => clearInterval(timer) };
}
