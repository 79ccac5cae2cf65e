import { randomBytes } from 'node:crypto';

// The single-use codes counting hands out on paper and in links: volunteers' invites and voters' self-filled
// forms. Random and long, so that a plain hash keeps them useless to whoever reads the database.

// Unambiguous letters and digits (no 0/o, 1/l/i), since a code may be typed from paper.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 16;

export function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH * 2);
  let code = '';
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of the alphabet's size).
  for (const byte of bytes) {
    if (byte >= 256 - (256 % CODE_ALPHABET.length)) continue;
    code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) return code;
  }
  return newCode();
}

/** What a person may have typed around a code: spaces, dashes, capitals. */
export function normaliseCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A code as printed for reading aloud or typing: in groups of four (`abcd-efgh-jkmn-pqrs`). */
export function groupedCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-');
}
