import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Composer } from 'grammy';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Services, startServices } from '../app/services.js';
import { TALK_TEXTS } from '../dialogue/talk/texts.js';
import { TEXTS } from '../dialogue/texts.js';
import { type BotApiServer, startBotApiServer } from '../test-support/bot-api-server.js';
import { PARTS } from './bot.js';
import type { BotContext } from './context.js';
import { botHelp } from './help.js';
import { startTelegram, type TelegramHandle } from './start.js';

// A new part is a composer of its own: mounted after the others (here even with theirs in reverse order), it
// still gets its commands and its buttons, and the others and the fallback go on as before. Over real HTTP
// against the local Bot API server, with long polling, as the bot runs.

const seen: string[] = [];

/** A part that answers /echo and its own `echo:` buttons, and nothing else. */
function echo(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('echo', async (ctx) => {
    seen.push('command');
    await ctx.reply('echo heard', {
      reply_markup: { inline_keyboard: [[{ text: 'Again', callback_data: 'echo:again:1' }]] },
    });
  });
  composer.callbackQuery(/^echo:/, async (ctx) => {
    seen.push(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.reply('echo pressed');
  });
  return composer;
}

let server: BotApiServer;
let services: Services;
let telegram: TelegramHandle;

beforeAll(async () => {
  server = await startBotApiServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-parts-'));
  services = await startServices({
    env: {
      DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
      SOBESEDNIK_SECRET: 'ab'.repeat(32),
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
    },
    log: pino({ level: 'silent' }),
    retention: false,
  });
  telegram = await startTelegram(services, {
    pollingTimeoutSeconds: 2,
    parts: [...PARTS].reverse().concat(echo),
  });
});
afterAll(async () => {
  await telegram?.stop();
  await services?.close();
  await server?.close();
});

describe('a part mounted after the others', () => {
  it('receives its own commands and button data', async () => {
    server.sendText(730000001, '/echo');
    const [heard] = await server.replies(730000001, 1);
    expect(heard?.text).toBe('echo heard');
    expect(heard?.buttons).toEqual([[{ text: 'Again', data: 'echo:again:1' }]]);
    server.pressButton(730000001, 'echo:again:1');
    expect((await server.replies(730000001, 1))[0]?.text).toBe('echo pressed');
    expect(seen).toEqual(['command', 'echo:again:1']);
  });

  it('leaves the other parts and the fallback as they were', async () => {
    const user = 730000002;
    server.sendText(user, '/start');
    expect((await server.replies(user, 1))[0]?.text).toBe(`${TEXTS.ru.welcome}\n\n${TEXTS.ru.menu}`);
    server.pressButton(user, 'talk:topics');
    expect((await server.replies(user, 1))[0]?.text).toBe(TALK_TEXTS.ru.chooseTopicGroup);
    server.pressButton(user, 'forget:no');
    expect((await server.replies(user, 1))[0]?.text).toBe(TEXTS.ru.forgetKept);
    server.sendText(user, '/nosuchcommand');
    expect((await server.replies(user, 1))[0]?.text).toBe(botHelp(TEXTS.ru.help, 'ru'));
    server.pressButton(user, 'other:thing');
    expect((await server.replies(user, 1))[0]?.text).toBe(`${TEXTS.ru.stale}`);
    expect(seen).toEqual(['command', 'echo:again:1']);
    expect(server.unansweredCallbacks()).toEqual([]);
  });
});
