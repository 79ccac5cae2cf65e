import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Services, startServices } from '../app/services.js';
import { TALK_TEXTS } from '../dialogue/talk/texts.js';
import { TEXTS } from '../dialogue/texts.js';
import {
  type BotApiServer,
  startBotApiServer,
  type UpdateContent,
  updateFactory,
} from '../test-support/bot-api-server.js';
import { botHelp } from './help.js';
import { serveWebhook } from './serve-webhook.js';
import { startTelegram, type TelegramHandle } from './start.js';
import { SECRET_HEADER } from './webhook.js';

// Webhook mode: the bot registers its URL and secret with Telegram and hands back a handler for the web server.
// Telegram's calls are played here as Request objects (and once over real HTTP through serveWebhook).

const WEBHOOK_URL = 'https://bot.example.org/telegram/6f1c2e';
const WEBHOOK_SECRET = 'webhook-secret_0123456789';

let server: BotApiServer;
let services: Services;
let telegram: TelegramHandle;
let webhook: NonNullable<TelegramHandle['webhook']>;
const updates = updateFactory();
let nextUpdateId = 5000;

beforeAll(async () => {
  server = await startBotApiServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-webhook-'));
  services = await startServices({
    env: {
      DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
      SOBESEDNIK_SECRET: 'feed'.repeat(16),
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
      TELEGRAM_WEBHOOK_URL: WEBHOOK_URL,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      LOG_LEVEL: 'silent',
    },
    retention: false,
  });
  telegram = await startTelegram(services);
  webhook = telegram.webhook!;
});
afterAll(async () => {
  await telegram?.stop();
  await services?.close();
  await server?.close();
});

function post(content: UpdateContent, secret?: string, updateId = nextUpdateId++): Request {
  return new Request(WEBHOOK_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === undefined ? {} : { [SECRET_HEADER]: secret }),
    },
    body: JSON.stringify({ ...content, update_id: updateId }),
  });
}

describe('the Telegram bot in webhook mode', () => {
  it('registers the webhook with its secret and returns a handler for the URL’s path', () => {
    expect(telegram.mode).toBe('webhook');
    expect(webhook.path).toBe('/telegram/6f1c2e');
    expect(server.webhook).toEqual({ url: WEBHOOK_URL, secretToken: WEBHOOK_SECRET });
    expect(server.callsOf('deleteWebhook')).toEqual([]);
    expect(server.callsOf('setWebhook')[0]?.payload.allowed_updates).toEqual(['message', 'callback_query']);
  });

  it('refuses a call without the secret or with a wrong one: 401, nothing processed', async () => {
    expect((await webhook.handle(post(updates.text(720000001, '/start')))).status).toBe(401);
    expect((await webhook.handle(post(updates.text(720000001, '/start'), 'wrong'))).status).toBe(401);
    expect((await webhook.handle(post(updates.text(720000001, '/start'), `${WEBHOOK_SECRET}x`))).status).toBe(
      401,
    );
    expect(server.messagesTo(720000001)).toEqual([]);
    expect(await services.store.users.loadUser(services.userKey('telegram', 720000001))).toBeUndefined();
  });

  it('handles an update with the right secret before answering 200, and a repeated one once', async () => {
    const request = () =>
      post(updates.text(720000002, '/start', { languageCode: 'en' }), WEBHOOK_SECRET, 9001);
    const response = await webhook.handle(request());
    expect(response.status).toBe(200);
    expect(server.messagesTo(720000002).map((m) => m.text)).toEqual([
      `${TEXTS.en.welcome}\n\n${TEXTS.en.menu}`,
    ]);
    expect((await webhook.handle(request())).status).toBe(200);
    expect(server.messagesTo(720000002)).toHaveLength(1);
    const press = updates.press(720000002, 'talk:topics', { languageCode: 'en' });
    expect((await webhook.handle(post(press, WEBHOOK_SECRET))).status).toBe(200);
    expect(server.unansweredCallbacks()).toEqual([]);
    expect(server.messagesTo(720000002).at(-1)?.text).toBe(TALK_TEXTS.en.chooseTopicGroup);
  });

  it('can be served over HTTP at its path alone', async () => {
    const http = await serveWebhook(webhook, { host: '127.0.0.1', port: 0 });
    try {
      const base = new URL(http.url);
      const body = JSON.stringify({ ...updates.text(720000003, '/help'), update_id: nextUpdateId++ });
      const headers = { 'content-type': 'application/json', [SECRET_HEADER]: WEBHOOK_SECRET };
      expect((await fetch(http.url, { method: 'POST', headers, body })).status).toBe(200);
      expect(server.messagesTo(720000003).map((m) => m.text)).toEqual([botHelp(TEXTS.ru.help, 'ru')]);
      expect((await fetch(new URL('/elsewhere', base), { method: 'POST', headers, body })).status).toBe(404);
    } finally {
      await http.close();
    }
  });

  it('on stop, finishes the update in flight and refuses new ones with 503', async () => {
    const inFlight = webhook.handle(post(updates.text(720000004, '/help'), WEBHOOK_SECRET));
    await telegram.stop();
    expect(server.messagesTo(720000004)).toHaveLength(1);
    expect((await inFlight).status).toBe(200);
    expect((await webhook.handle(post(updates.text(720000004, '/help'), WEBHOOK_SECRET))).status).toBe(503);
    expect(server.messagesTo(720000004)).toHaveLength(1);
  });
});
