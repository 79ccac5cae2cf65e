import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecret, userKey } from './user-key.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const tempDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'sobesednik-secret-')), 'data');

describe('pseudonymous user keys', () => {
  it('never contain the raw id, differ per channel and per secret, and are stable', () => {
    const key = userKey(SECRET, 'telegram', 123456789);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('123456789');
    expect(userKey(SECRET, 'telegram', '123456789')).toBe(key);
    expect(userKey(SECRET, 'web', 123456789)).not.toBe(key);
    expect(userKey(`${SECRET}x`, 'telegram', 123456789)).not.toBe(key);
    expect(userKey(SECRET, 'telegram', 123456780)).not.toBe(key);
  });
});

describe('the secret', () => {
  it('is generated once into the data folder, mode 0600, and read back the same on the next start', () => {
    const dataDir = tempDir();
    const first = loadSecret({ env: {}, dataDir });
    expect(first.source).toBe('generated');
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(dataDir, 'secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadSecret({ env: {}, dataDir });
    expect(second).toEqual({ secret: first.secret, source: 'file', file });
    expect(userKey(second.secret, 'telegram', 42)).toBe(userKey(first.secret, 'telegram', 42));
  });

  it('comes from SOBESEDNIK_SECRET when set, and writes no file then', () => {
    const dataDir = tempDir();
    expect(loadSecret({ env: { SOBESEDNIK_SECRET: SECRET }, dataDir })).toEqual({
      secret: SECRET,
      source: 'env',
    });
    expect(() => statSync(dataDir)).toThrow();
  });

  it('refuses a short SOBESEDNIK_SECRET with a clear error', () => {
    expect(() => loadSecret({ env: { SOBESEDNIK_SECRET: 'hunter2' }, dataDir: tempDir() })).toThrow(
      /^SOBESEDNIK_SECRET is too short: use at least 32 characters/,
    );
  });

  it('refuses a damaged secret file rather than silently orphaning every stored user', () => {
    const dataDir = tempDir();
    loadSecret({ env: {}, dataDir });
    const file = path.join(dataDir, 'secret');
    writeFileSync(file, 'short\n');
    expect(() => loadSecret({ env: {}, dataDir })).toThrow(`the secret file ${file} is damaged`);
    expect(readFileSync(file, 'utf8')).toBe('short\n');
  });

  it('closes a secret file others could read', () => {
    const dataDir = tempDir();
    const { secret } = loadSecret({ env: {}, dataDir });
    const file = path.join(dataDir, 'secret');
    writeFileSync(file, `${secret}\n`, { mode: 0o644 });
    expect(loadSecret({ env: {}, dataDir }).secret).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
