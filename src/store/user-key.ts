import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from './store-error.js';

// Users are stored under HMAC-SHA256(secret, "channel:id"): a seized database alone does not reveal who they
// are, and without the secret nobody can test a known Telegram id against it. Keep the secret elsewhere
// than the database's backups.

/** At least 128 bits as hex or 24 characters of passphrase-like text; shorter is guessable. */
export const MIN_SECRET_LENGTH = 32;
export const SECRET_FILE = 'secret';

/** The pseudonymous key of a user of a channel (`telegram`, …): 64 hex characters. */
export function userKey(secret: string, channel: string, id: string | number): string {
  return createHmac('sha256', secret).update(`${channel}:${id}`).digest('hex');
}

export interface LoadedSecret {
  secret: string;
  /** Where it came from, for a start-up log line (never the secret itself). */
  source: 'env' | 'file' | 'generated';
  /** The file, when it came from or went to one. */
  file?: string;
}

/**
 * `SOBESEDNIK_SECRET` when set; else `<dataDir>/secret`, generated once with mode 0600. With several
 * instances on one PostgreSQL, set SOBESEDNIK_SECRET the same on all, or each would key users differently.
 */
export function loadSecret(options: { env: NodeJS.ProcessEnv; dataDir: string }): LoadedSecret {
  const fromEnv = options.env.SOBESEDNIK_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.trim().length < MIN_SECRET_LENGTH)
      throw new StoreError(
        `SOBESEDNIK_SECRET is too short: use at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)`,
      );
    return { secret: fromEnv.trim(), source: 'env' };
  }
  const file = path.join(options.dataDir, SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing !== undefined) return { secret: existing, source: 'file', file };
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('hex');
  try {
    // 'wx': if another process created it a moment ago, keep theirs rather than overwrite it.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const theirs = readSecretFile(file);
      if (theirs !== undefined) return { secret: theirs, source: 'file', file };
    }
    throw new StoreError(`cannot write the secret file ${file}: ${(error as Error).message}`);
  }
  return { secret, source: 'generated', file };
}

function readSecretFile(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(`cannot read the secret file ${file}: ${(error as Error).message}`);
  }
  const secret = text.trim();
  // Regenerating silently would orphan every stored user; a person must decide.
  if (secret.length < MIN_SECRET_LENGTH)
    throw new StoreError(
      `the secret file ${file} is damaged (shorter than ${MIN_SECRET_LENGTH} characters); restore it, or delete it to start with new user keys`,
    );
  // Someone may have copied it with a loose umask: others on the machine must not read it.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return secret;
}
