import { LANGS, type Lang } from '../catalogue/schema.js';

// What every part's repository shares: the clock, turning driver errors into StoreErrors, days and languages.

export interface RepositoryOptions {
  /** The clock for a user's active day and the statistics' "today" (tests move it). */
  now: () => Date;
  /** Turns a driver error into a StoreError (one clear line). */
  explain: (error: unknown) => Error;
}

/** Runs a repository's call so that its caller only ever sees a StoreError. */
export function guarded(explain: (error: unknown) => Error) {
  return async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw explain(error);
    }
  };
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function asLang(value: string): Lang {
  // An unknown language (a later version's, or a damaged row) falls back to the default rather than crash.
  return (LANGS as readonly string[]).includes(value) ? (value as Lang) : 'ru';
}
