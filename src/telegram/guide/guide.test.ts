import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Services, startServices } from '../../app/services.js';
import { createConversations } from '../../dialogue/conversations.js';
import { type BotApiServer, type SentMessage, startBotApiServer } from '../../test-support/bot-api-server.js';
import { startTelegram, type TelegramHandle } from '../start.js';

// A Russian in Belgrade before the 2024 vote, in the bot as `sobesednik bot` runs it, over real HTTP to a local
// Bot API server with a real SQLite file: /vote, the wizard to a checklist, a reminder kept and dropped, /forget.
// The conversation's clock stands at 1 March 2024, so that the shipped 2024 stations are still ahead.

const SECRET = 'feed'.repeat(16);
const USER = 730_001_234;

let server: BotApiServer;
let services: Services;
let telegram: TelegramHandle;
let dbFile: string;
const logLines: string[] = [];

beforeAll(async () => {
  dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'sobesednik-guide-bot-')), 'db.sqlite');
  server = await startBotApiServer();
  services = await startServices({
    env: {
      DATABASE_URL: `sqlite:${dbFile}`,
      SOBESEDNIK_SECRET: SECRET,
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
    },
    log: pino({ level: 'debug', base: undefined }, { write: (line: string) => logLines.push(line) }),
    retention: false,
  });
  const conversations = createConversations({
    engine: services.engine,
    users: services.store.users,
    talk: services.store.talk,
    now: () => new Date('2024-03-01T12:00:00Z'),
  });
  telegram = await startTelegram(
    { ...services, conversations },
    { pollingTimeoutSeconds: 2, typingAfterMs: 60_000 },
  );
});
afterAll(async () => {
  await telegram?.stop();
  await services?.close();
  await server?.close();
});

const labels = (message: SentMessage | undefined) => message?.buttons.flat().map((b) => b.text) ?? [];

async function press(message: SentMessage | undefined, label: string): Promise<SentMessage> {
  const button = message?.buttons.flat().find((b) => b.text === label);
  if (!button) throw new Error(`no button '${label}' among ${labels(message).join(', ')}`);
  server.pressButton(USER, button.data);
  const replies = await server.replies(USER, 1);
  return replies[replies.length - 1] as SentMessage;
}

async function say(text: string, count = 1): Promise<SentMessage[]> {
  server.sendText(USER, text);
  return server.replies(USER, count);
}

describe('the guide in the bot', () => {
  it('takes someone in Belgrade from /vote to a checklist and a reminder, and forgets it', async () => {
    const [home] = await say('/vote');
    expect(home?.text).toContain('Как проголосовать из-за границы');
    let reply = await press(home, 'Могу ли я проголосовать?');
    expect(reply.text).toContain('Вопрос 1 из 6');
    reply = await press(reply, 'Да');
    reply = (await say('Белград'))[0] as SentMessage;
    expect(reply.text).toContain('Какой российский паспорт');
    reply = await press(reply, 'Загранпаспорт');
    reply = await press(reply, 'Да');
    reply = await press(reply, 'Нет');
    expect(reply.text).toContain('Голосовать вы можете');
    expect(reply.text).toContain('№ 8267 — Белград');
    expect(reply.text).toContain('17 марта 2024');

    reply = await press(reply, 'Напомнить о голосовании (№ 8267)');
    expect(reply.text).toContain('напомню накануне');
    const key = services.userKey('telegram', USER);
    expect(await services.store.guide.subscriptions(key)).toEqual([
      { election: 'pres-2024', station: '8267', lang: 'ru' },
    ]);

    reply = await press(reply, 'Не напоминать');
    expect(reply.text).toContain('напоминаний больше не будет');
    expect(await services.store.guide.subscriptions(key)).toEqual([]);

    const [again] = await say('/remind');
    expect(again?.text).toContain('напомню');
    expect(await services.store.guide.subscriptions(key)).toHaveLength(1);
    const [ask] = await say('/forget');
    await press(ask, 'Да, удалить всё');
    expect(await services.store.guide.subscriptions(key)).toEqual([]);
  });

  it('answers a practical question typed at the menu from the guide, with its sources a tap away', async () => {
    const [answer] = await say('а по просроченному загранику пустят?');
    expect(answer?.text).toContain('Какой паспорт взять на участок');
    const details = await press(answer, 'Подробнее и источники');
    const texts = [details.text, ...(await server.quiet(USER, 300)).map((m) => m.text)].join('\n');
    expect(texts).toMatch(/Факты и источники|проверено/);
  });

  it('keeps neither the chat id nor anything typed in the database or the logs', () => {
    const stored = readFileSync(dbFile).toString('latin1');
    for (const secret of [String(USER), 'Белград', 'просроченному']) {
      expect(stored.includes(secret), secret).toBe(false);
      expect(logLines.join('\n').includes(secret), secret).toBe(false);
    }
  });
});
