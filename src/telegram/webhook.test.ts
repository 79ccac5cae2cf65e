import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createWebhookHandler, SECRET_HEADER } from './webhook.js';

const URL = 'https://bot.example.org/telegram/hook';
const update = { update_id: 7, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' } } };

function post(body: unknown, secret?: string, method = 'POST'): Request {
  return new Request(URL, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(secret === undefined ? {} : { [SECRET_HEADER]: secret }),
    },
    ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

describe('webhook handler', () => {
  it('handles an update only with the right secret; otherwise 401 and nothing is processed', async () => {
    const handled: Update[] = [];
    let accepting = true;
    const handle = createWebhookHandler({
      secret: 'right-secret',
      handle: async (u) => {
        handled.push(u);
      },
      accepting: () => accepting,
    });
    expect((await handle(post(update))).status).toBe(401);
    expect((await handle(post(update, 'wrong-secret'))).status).toBe(401);
    expect((await handle(post(update, 'right-secret-but-longer'))).status).toBe(401);
    expect((await handle(post(update, ''))).status).toBe(401);
    expect(handled).toEqual([]);
    expect((await handle(post(update, 'right-secret'))).status).toBe(200);
    expect(handled).toEqual([update]);
    expect((await handle(post('{not json', 'right-secret'))).status).toBe(400);
    expect((await handle(post({ message: {} }, 'right-secret'))).status).toBe(400);
    expect((await handle(post(undefined, 'right-secret', 'GET'))).status).toBe(405);
    accepting = false;
    expect((await handle(post(update, 'right-secret'))).status).toBe(503);
    expect(handled).toHaveLength(1);
  });
});
