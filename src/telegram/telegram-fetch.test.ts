import { Api, HttpError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotApiServer, startBotApiServer, TEST_BOT_INFO } from '../test-support/bot-api-server.js';
import { closedPort } from '../test-support/ports.js';
import { checkToken, TelegramStartError } from './start.js';
import { telegramFetch } from './telegram-fetch.js';

// grammY's calls go through telegramFetch (undici) instead of its own node-fetch: what grammY relies on must
// hold, over real HTTP: JSON out and in, Telegram's refusals as GrammyErrors, network failures as HttpErrors
// with their code and without the token, and an abort that ends a long poll at once (a stopping bot).

let server: BotApiServer;
let api: Api;

beforeAll(async () => {
  server = await startBotApiServer();
  api = new Api(server.token, { apiRoot: server.apiRoot, fetch: telegramFetch });
});
afterAll(() => server?.close());

describe('the Bot API over undici', () => {
  it('sends a call as JSON and reads the answer, Cyrillic and keyboard included', async () => {
    expect(await api.getMe()).toMatchObject({ username: TEST_BOT_INFO.username });
    const sent = await api.sendMessage(42, 'Мам, я тебя слышу 💛', {
      reply_markup: { inline_keyboard: [[{ text: 'Ещё раз', callback_data: 'talk:again:1' }]] },
    });
    expect(sent.text).toBe('Мам, я тебя слышу 💛');
    expect(server.messagesTo(42).at(-1)?.buttons).toEqual([[{ text: 'Ещё раз', data: 'talk:again:1' }]]);
  });

  it("passes on Telegram's refusal with its code and description", async () => {
    await expect(api.sendMessage(42, '   ')).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: message text is empty',
    });
  });

  it('fails an unreachable server with the network code, never with the token', async () => {
    const apiRoot = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = new Api(server.token, { apiRoot, fetch: telegramFetch });
    const error = await unreachable.getMe().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(String(error)).not.toContain(server.token);
    await expect(checkToken(server.token, apiRoot)).rejects.toThrow(
      new TelegramStartError(`cannot reach the Telegram Bot API at ${apiRoot} (ECONNREFUSED)`),
    );
  });

  it('ends a long poll as soon as its signal is aborted', async () => {
    const controller = new AbortController();
    const started = performance.now();
    // grammY types its signals as its polyfill's; the runner passes Node's own, as here.
    const signal = controller.signal as Parameters<Api['getUpdates']>[1];
    const polling = api.getUpdates({ timeout: 30 }, signal).catch((caught: unknown) => caught);
    setTimeout(() => controller.abort(), 100);
    expect(await polling).toBeInstanceOf(HttpError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
