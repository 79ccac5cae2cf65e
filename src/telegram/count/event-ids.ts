import { createHash } from 'node:crypto';

// The bot makes its events' ids from the update that caused them, so that Telegram delivering an update again
// (a webhook retry, a restart before the offset was confirmed) stores nothing twice: the same press gives the
// same ids, and the store skips ids it has. The user's pseudonymous key is in the hash, never their id.

/**
 * A UUID (RFC 9562 version 8, the "custom" layout) from SHA-256 of the parts: what the events' schema accepts,
 * equal for equal parts, and unrelated for different ones.
 */
export function derivedUuid(...parts: readonly (string | number)[]): string {
  const hash = createHash('sha256').update(parts.join('\n')).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
