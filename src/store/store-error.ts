/**
 * A database problem said in one line a person can act on (unreachable, wrong password, locked or corrupt file).
 * Front ends print the message without a stack trace; it never contains a password or user data.
 */
export class StoreError extends Error {
  override name = 'StoreError';
}
