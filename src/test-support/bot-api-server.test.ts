import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotApiServer, DEFAULT_TEST_TOKEN, startBotApiServer } from './bot-api-server.js';

// The fake must behave like Telegram where the bot depends on it, or the bot's end-to-end tests prove little.

let server: BotApiServer;

beforeAll(async () => {
  server = await startBotApiServer();
});
afterAll(() => server.close());

interface Answer {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

async function call(method: string, payload: Record<string, unknown> = {}, token = DEFAULT_TEST_TOKEN) {
  const response = await fetch(`${server.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

describe('local Bot API server', () => {
  it('answers getMe for its token and 401 for any other', async () => {
    const me = await call('getMe');
    expect(me.body).toMatchObject({ ok: true, result: { is_bot: true, username: server.botUsername } });
    const wrong = await call('getMe', {}, '1:wrong');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
  });

  it('long-polls getUpdates: waits for an update, and confirms by offset', async () => {
    const started = Date.now();
    const empty = await call('getUpdates', { timeout: 0 });
    const pending = call('getUpdates', { offset: 0, timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = server.sendText(1001, 'привет');
    const polled = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(empty.body.result).toEqual([]);
    expect(polled.body.result).toEqual([first]);
    // Not confirmed yet: the same update again.
    expect((await call('getUpdates', { offset: first.update_id })).body.result).toEqual([first]);
    // Confirmed: gone.
    expect((await call('getUpdates', { offset: first.update_id + 1 })).body.result).toEqual([]);
    // A long poll with nothing to give returns empty after its timeout.
    const quiet = Date.now();
    expect((await call('getUpdates', { offset: first.update_id + 1, timeout: 1 })).body.result).toEqual([]);
    expect(Date.now() - quiet).toBeGreaterThanOrEqual(900);
  });

  it('re-delivers an update with the same update_id', async () => {
    const update = server.sendText(1002, '/start');
    const offset = update.update_id;
    expect((await call('getUpdates', { offset })).body.result).toEqual([update]);
    server.redeliver(update);
    expect((await call('getUpdates', { offset: offset + 1 })).body.result).toEqual([update]);
    expect((await call('getUpdates', { offset: offset + 1 })).body.result).toEqual([]);
  });

  it('marks a leading /command with its entity, as Telegram does', () => {
    const update = server.sendText(1003, '/lang en');
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 5 }]);
    expect(server.sendText(1003, 'просто текст').message?.entities).toBeUndefined();
  });

  it('records messages with their buttons and lets a test read replies in order', async () => {
    const keyboard = { inline_keyboard: [[{ text: 'Да', callback_data: 'd:1' }]] };
    await call('sendMessage', { chat_id: 2001, text: 'один', reply_markup: keyboard });
    const waiting = server.replies(2001, 2);
    await call('sendMessage', { chat_id: 2001, text: 'два' });
    const [one, two] = await waiting;
    expect(one).toMatchObject({ chat_id: 2001, text: 'один', buttons: [[{ text: 'Да', data: 'd:1' }]] });
    expect(two?.text).toBe('два');
    expect(two!.message_id).toBeGreaterThan(one!.message_id);
    expect(await server.quiet(2001, 50)).toEqual([]);
    await expect(server.replies(2001, 1, 100)).rejects.toThrow(/1 replies to chat 2001/);
  });

  it('enforces the 4,096-character text and 64-byte callback data limits', async () => {
    expect((await call('sendMessage', { chat_id: 2002, text: 'я'.repeat(4096) })).body.ok).toBe(true);
    const long = await call('sendMessage', { chat_id: 2002, text: 'я'.repeat(4097) });
    expect(long.body).toMatchObject({
      ok: false,
      error_code: 400,
      description: 'Bad Request: message is too long',
    });
    const empty = await call('sendMessage', { chat_id: 2002, text: ' ' });
    expect(empty.body.description).toBe('Bad Request: message text is empty');
    const data = (value: string) => ({ inline_keyboard: [[{ text: 'x', callback_data: value }]] });
    // 32 Cyrillic letters are 64 bytes: the limit is in bytes, not characters.
    expect(
      (await call('sendMessage', { chat_id: 2002, text: 'ok', reply_markup: data('я'.repeat(32)) })).body.ok,
    ).toBe(true);
    const tooLong = await call('sendMessage', {
      chat_id: 2002,
      text: 'no',
      reply_markup: data('я'.repeat(33)),
    });
    expect(tooLong.body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect(server.messagesTo(2002).map((m) => m.text.length)).toEqual([4096, 2]);
  });

  it('answers a callback query once; an unknown or repeated one is an error', async () => {
    const press = server.pressButton(1004, 'm:menu');
    const id = press.callback_query?.id;
    expect(server.unansweredCallbacks()).toContain(id);
    expect((await call('answerCallbackQuery', { callback_query_id: id })).body.ok).toBe(true);
    expect((await call('answerCallbackQuery', { callback_query_id: id })).body.error_code).toBe(400);
    expect((await call('answerCallbackQuery', { callback_query_id: 'nope' })).body.error_code).toBe(400);
    expect(server.unansweredCallbacks()).not.toContain(id);
  });

  it('fails the next sendMessage calls with 429 and retry_after when asked', async () => {
    server.inject429(2, 3);
    for (let i = 0; i < 2; i++) {
      const refused = await call('sendMessage', { chat_id: 2003, text: 'hi' });
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 3 } });
    }
    expect((await call('sendMessage', { chat_id: 2003, text: 'hi' })).body.ok).toBe(true);
    expect(server.messagesTo(2003)).toHaveLength(1);
  });

  it('refuses getUpdates while a webhook is set, as Telegram does', async () => {
    expect(
      (await call('setWebhook', { url: 'https://example.org/hook', secret_token: 's3cret' })).body.ok,
    ).toBe(true);
    expect(server.webhook).toEqual({ url: 'https://example.org/hook', secretToken: 's3cret' });
    expect((await call('getUpdates')).body.error_code).toBe(409);
    await call('deleteWebhook');
    expect(server.webhook).toBeUndefined();
    expect((await call('getUpdates', { offset: 1_000_000 })).body.ok).toBe(true);
  });

  it('keeps command menus per language and accepts other methods harmlessly', async () => {
    const commands = [{ command: 'start', description: 'Начать' }];
    await call('setMyCommands', { commands, language_code: 'ru' });
    expect((await call('getMyCommands', { language_code: 'ru' })).body.result).toEqual(commands);
    expect((await call('setMyCommands', { commands: [{ command: 'Bad!', description: 'x' }] })).body.ok).toBe(
      false,
    );
    expect((await call('setMyDescription', { description: 'x' })).body).toEqual({ ok: true, result: true });
    expect(server.callsOf('setMyDescription')).toHaveLength(1);
  });
});
