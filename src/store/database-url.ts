import path from 'node:path';
import { StoreError } from './store-error.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/sobesednik.db';

/** Where the data lives, parsed from DATABASE_URL once, so that nothing else handles the raw URL. */
export type DatabaseLocation =
  | { kind: 'sqlite' /** Absolute path, or ':memory:'. */; file: string }
  | {
      kind: 'postgres';
      url: string;
      /** host:port, for messages: never the URL itself, which may carry a password. */
      address: string;
      user: string;
    };

/**
 * `sqlite:./data/x.db`, `sqlite:/abs/x.db`, `sqlite:///abs/x.db`, `sqlite::memory:`, `postgres://…`,
 * `postgresql://…`. Relative SQLite paths are resolved against `cwd`.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseLocation {
  const trimmed = url.trim();
  if (trimmed.startsWith('sqlite:')) {
    let file = trimmed.slice('sqlite:'.length);
    if (file.startsWith('//')) file = file.slice(2);
    if (file === '')
      throw new StoreError('DATABASE_URL names no SQLite file (e.g. sqlite:./data/sobesednik.db)');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  if (trimmed.startsWith('postgres://') || trimmed.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      // The message must not echo the URL: it may hold a password.
      throw new StoreError('DATABASE_URL is not a valid postgres:// URL');
    }
    const host = parsed.hostname || 'localhost';
    const port = parsed.port || '5432';
    const user = decodeURIComponent(parsed.username) || 'postgres';
    return { kind: 'postgres', url: trimmed, address: `${host}:${port}`, user };
  }
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(trimmed)?.[0] ?? '(none)';
  throw new StoreError(`DATABASE_URL must start with sqlite: or postgres://, not ${scheme}`);
}

/** The folder for files that go with the data (the secret): beside the SQLite file, else ./data. */
export function dataDirFor(location: DatabaseLocation, cwd: string = process.cwd()): string {
  if (location.kind === 'sqlite' && location.file !== ':memory:') return path.dirname(location.file);
  return path.resolve(cwd, 'data');
}

/** How to name the database in a message: the file, or PostgreSQL's address (no password, no database URL). */
export function describeLocation(location: DatabaseLocation): string {
  if (location.kind === 'sqlite') return location.file === ':memory:' ? 'in-memory SQLite' : location.file;
  return `PostgreSQL at ${location.address}`;
}
