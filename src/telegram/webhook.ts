import { createHash, timingSafeEqual } from 'node:crypto';
import type { Update } from 'grammy/types';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookOptions {
  /** TELEGRAM_WEBHOOK_SECRET: Telegram sends it in a header with every call; nobody else knows it. */
  secret: string;
  /** Handles one update to the end (errors are the handler's business: they must not reach here). */
  handle(update: Update): Promise<void>;
  /** False once the bot is stopping: Telegram is told to come back later (it retries). */
  accepting(): boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The webhook endpoint as a fetch-style handler, for whichever HTTP server mounts it. A call without the right
 * secret gets 401 and nothing of it is read further. The reply comes once the update is handled, so Telegram
 * sends the next update of a busy moment only when there is room, and re-delivers it if the process dies.
 */
export function createWebhookHandler(options: WebhookOptions): (request: Request) => Promise<Response> {
  const expected = digest(options.secret);
  return async (request) => {
    const given = request.headers.get(SECRET_HEADER);
    // Comparing digests keeps the comparison constant-time whatever the length of what was sent.
    if (given === null || !timingSafeEqual(digest(given), expected)) return text(401, 'unauthorized');
    if (request.method !== 'POST') return text(405, 'method not allowed');
    if (!options.accepting()) return text(503, 'stopping');
    let update: unknown;
    try {
      update = await request.json();
    } catch {
      return text(400, 'not JSON');
    }
    if (!isUpdate(update)) return text(400, 'not an update');
    await options.handle(update);
    return text(200, 'ok');
  };
}

function isUpdate(value: unknown): value is Update {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { update_id?: unknown }).update_id)
  );
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain' } });
}
