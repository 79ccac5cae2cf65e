/** A user's row as this process last read or wrote it: the state still as the JSON text the database holds. */
export interface CachedUser {
  lang: string;
  state: string;
  version: number;
}

/**
 * The rows of the users this process served last, so that a message costs one statement (the save) instead of
 * two. It needs no coordination with other processes: every save is a compare-and-set on the version, so a row
 * that another process changed meanwhile fails to save, is dropped from here, and the message is handled again
 * on a fresh read. Least recently used rows go first.
 */
export class UserCache {
  private readonly rows = new Map<string, CachedUser>();

  constructor(private readonly capacity: number) {}

  get(userKey: string): CachedUser | undefined {
    const row = this.rows.get(userKey);
    if (row === undefined) return undefined;
    // Map keeps insertion order: moving the row to the end keeps the oldest first in line to go.
    this.rows.delete(userKey);
    this.rows.set(userKey, row);
    return row;
  }

  set(userKey: string, row: CachedUser): void {
    if (this.capacity <= 0) return;
    this.rows.delete(userKey);
    this.rows.set(userKey, row);
    if (this.rows.size > this.capacity) {
      const oldest = this.rows.keys().next();
      if (!oldest.done) this.rows.delete(oldest.value);
    }
  }

  delete(userKey: string): void {
    this.rows.delete(userKey);
  }

  clear(): void {
    this.rows.clear();
  }

  get size(): number {
    return this.rows.size;
  }
}
