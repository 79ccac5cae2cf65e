import { DEFAULT_DATABASE_URL } from './database-url.js';
import { DEFAULT_RETENTION_DAYS } from './retention.js';
import { StoreError } from './store-error.js';

/** DATABASE_URL, or the embedded SQLite file beside the working directory. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/** RETENTION_DAYS: a positive whole number of days (default 30). */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new StoreError(`RETENTION_DAYS must be a whole number of days, at least 1, not '${raw}'`);
  return days;
}
