import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// A reminder must reach a chat, and a user's key (an HMAC) cannot be turned back into one. So the chat id is kept
// sealed: AES-256-GCM under a key derived from SOBESEDNIK_SECRET, with the user's key as associated data, so that
// a seized database without the secret gives no Telegram ids, and a sealed id moved to another row does not open.
// Whoever holds both the database and the secret can open them: keep the secret apart from the backups.

export interface ChatSealer {
  /** The chat id sealed for this user's row: base64url of a fresh IV, the ciphertext and the tag. */
  seal(userKey: string, chatId: number): string;
  /** The chat id, or undefined when the text is damaged, sealed for another row or under another secret. */
  open(userKey: string, sealed: string): number | undefined;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function chatSealer(secret: string): ChatSealer {
  // A key of its own: the secret itself keys the user HMACs, and one key should serve one purpose.
  const key = Buffer.from(hkdfSync('sha256', secret, 'sobesednik', 'guide-reminder-chat:v1', 32));
  return {
    seal(userKey, chatId) {
      if (!Number.isSafeInteger(chatId)) throw new RangeError('a chat id is a whole number');
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(userKey, 'utf8'));
      const body = Buffer.concat([cipher.update(String(chatId), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    },
    open(userKey, sealed) {
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(userKey, 'utf8'));
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const text = Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
        const id = Number(text);
        return /^-?\d+$/.test(text) && Number.isSafeInteger(id) ? id : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
