import { type DatabaseLocation, describeLocation } from './database-url.js';
import { StoreError } from './store-error.js';

// Drivers throw errors meant for their own developers ("SQLITE_NOTADB", "connect ECONNREFUSED ::1:5432",
// AggregateErrors with the cause inside). These turn them into one line that says what is wrong and where.

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors } = error as ErrorLike;
  if (typeof code === 'string') return code;
  // Node reports a refused connection to a name with several addresses (localhost) as an AggregateError.
  if (Array.isArray(errors)) for (const inner of errors) if (codeOf(inner)) return codeOf(inner);
  return undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (error instanceof AggregateError) return error.errors.map(messageOf).join('; ');
  return String(error);
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
};

function explainPostgres(error: unknown, location: Extract<DatabaseLocation, { kind: 'postgres' }>): string {
  const code = codeOf(error);
  const where = describeLocation(location);
  if (code && NETWORK[code]) return `cannot reach ${where}: ${NETWORK[code]}`;
  const message = messageOf(error);
  if (/timeout/i.test(message) && /connect/i.test(message))
    return `cannot reach ${where}: connection timed out`;
  if (/client password must be a string/.test(message))
    return `${where} asks a password of user '${location.user}' and DATABASE_URL gives none`;
  if (code === '28P01' || /password/i.test(message))
    return `${where} refused the password of user '${location.user}' (check DATABASE_URL)`;
  if (code === '28000') return `${where} does not let user '${location.user}' connect: ${message}`;
  if (code === '3D000') return `${where}: ${message}`;
  if (code === '57P03' || code === '53300') return `${where} is not accepting connections now: ${message}`;
  if (/Connection terminated/i.test(message)) return `lost the connection to ${where}`;
  return `${where}: ${message}`;
}

function explainSqlite(error: unknown, location: Extract<DatabaseLocation, { kind: 'sqlite' }>): string {
  const code = codeOf(error) ?? '';
  const file = describeLocation(location);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return `${file} is not a SQLite database or is corrupt (${messageOf(error)}); move it away to start afresh, or restore a backup`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `${file} is locked by another process (is another sobesednik running on it?)`;
  if (code.startsWith('SQLITE_CANTOPEN'))
    return `cannot open ${file} (check the folder exists and is writable)`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM')
    return `${file} is not writable by this user`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `no space left to write ${file}`;
  return `${file}: ${messageOf(error)}`;
}

/** One clear line for a driver error; a StoreError passes through unchanged. */
export function explainError(error: unknown, location: DatabaseLocation): StoreError {
  if (error instanceof StoreError) return error;
  const line =
    location.kind === 'postgres' ? explainPostgres(error, location) : explainSqlite(error, location);
  return new StoreError(line, { cause: error });
}
