import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Services, startServices } from '../app/services.js';
import { TALK_TEXTS } from '../dialogue/talk/texts.js';
import { TEXTS } from '../dialogue/texts.js';
import {
  type BotApiServer,
  type SentMessage,
  startBotApiServer,
  type UserOptions,
} from '../test-support/bot-api-server.js';
import { botHelp } from './help.js';
import {
  type StartTelegramOptions,
  startTelegram,
  type TelegramHandle,
  TelegramStartError,
} from './start.js';
import { BOT_TEXTS } from './texts.js';

// End to end: the bot started as `sobesednik bot` starts it (long polling through the runner), talking over
// real HTTP to a local Bot API server, with a real SQLite file. Users are played by the tests; at the end the
// database file and the logs are searched for anything a user typed and for their Telegram ids.

const SECRET = '5eed'.repeat(16);
const OPTIONS: StartTelegramOptions = { pollingTimeoutSeconds: 2, typingAfterMs: 0 };

let server: BotApiServer;
let services: Services;
let telegram: TelegramHandle;
let dbFile: string;
const logLines: string[] = [];
/** Everything users typed (beyond commands), and the ids they had: none may be found at rest or in logs. */
const typed: string[] = [];
const userIds = new Set<number>();

async function start(): Promise<void> {
  const log = pino({ level: 'debug', base: undefined }, { write: (line: string) => logLines.push(line) });
  services = await startServices({
    env: {
      DATABASE_URL: `sqlite:${dbFile}`,
      SOBESEDNIK_SECRET: SECRET,
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
    },
    log,
    retention: false,
  });
  telegram = await startTelegram(services, OPTIONS);
}

async function stop(): Promise<void> {
  await telegram.stop();
  await services.close();
}

beforeAll(async () => {
  dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'sobesednik-telegram-')), 'db.sqlite');
  server = await startBotApiServer();
  await start();
});
afterAll(async () => {
  await stop();
  await server.close();
});

/** A user: ids far from any other number in the database, so that finding one there would mean a leak. */
function user(id: number, options: UserOptions = {}) {
  userIds.add(id);
  return {
    id,
    say(text: string) {
      if (!text.startsWith('/')) typed.push(text);
      return server.sendText(id, text, options);
    },
    press: (data: string) => server.pressButton(id, data, options),
    replies: (count: number) => server.replies(id, count),
    quiet: (ms?: number) => server.quiet(id, ms),
  };
}

const datas = (message: SentMessage | undefined) =>
  message?.buttons.flat().map((button) => button.data) ?? [];

const WARM = [
  'Мам, я слышу, что тебе за меня тревожно. Что тебя больше всего беспокоит?',
  'Похоже, для тебя это очень важно. Расскажи, как ты к этому пришла?',
  'Спасибо, что говоришь со мной честно. Мне важно тебя понять.',
  'Мы оба хотим, чтобы в семье был мир. Как ты думаешь, с чего начать?',
  'Насколько ты в этом уверена, от 0 до 10?',
];

/** Warm replies until the practice ends; returns the summary. */
async function practiseToTheEnd(u: ReturnType<typeof user>): Promise<SentMessage> {
  for (let turn = 0; turn < 12; turn++) {
    u.say(`${WARM[turn % WARM.length]} (${turn})`);
    // One message a turn: the feedback, then the relative's line with "try again" and "finish", or at the end
    // the closing line and the summary with the menu's buttons.
    const [message] = await u.replies(1);
    expect(message?.text).toMatch(/^(Тепло|Нейтрально|Это ранит)/);
    if (datas(message).includes('menu:show')) return message!;
  }
  throw new Error('the practice did not end in 12 turns');
}

describe('the Telegram bot over HTTP (long polling)', () => {
  it('registers the command menus in Russian and English', () => {
    const menus = new Map(
      server
        .callsOf('setMyCommands')
        .map((call) => [
          String(call.payload.language_code ?? ''),
          call.payload.commands as { command: string; description: string }[],
        ]),
    );
    expect(menus.get('ru')?.find((c) => c.command === 'forget')?.description).toBe(
      BOT_TEXTS.ru.commands.forget,
    );
    expect(menus.get('en')?.find((c) => c.command === 'forget')?.description).toBe(
      BOT_TEXTS.en.commands.forget,
    );
    expect(menus.get(''), 'other languages get English').toEqual(menus.get('en'));
    expect(menus.get('ru')?.map((c) => c.command)).toContain('stats');
  });

  it('greets in Russian for language_code ru and in English for en, with the main menu', async () => {
    const ru = user(710000001, { languageCode: 'ru' });
    const en = user(710000002, { languageCode: 'en-GB' });
    ru.say('/start');
    en.say('/start');
    // The welcome and the menu come as one message, the menu's buttons under it.
    const [menuRu] = await ru.replies(1);
    const [menuEn] = await en.replies(1);
    expect(menuRu?.text).toBe(`${TEXTS.ru.welcome}\n\n${TEXTS.ru.menu}`);
    expect(menuEn?.text).toBe(`${TEXTS.en.welcome}\n\n${TEXTS.en.menu}`);
    expect(menuRu?.buttons.map((row) => row.map((b) => b.text))).toEqual([
      ['Совет', 'Тренировка'],
      ['Темы', 'Прогресс'],
      ['Как проголосовать из-за границы'],
    ]);
    expect(datas(menuEn)).toEqual([
      'talk:advice',
      'talk:practice',
      'talk:topics',
      'talk:progress',
      'guide:home',
    ]);
    // "typing…" goes before the reply (typingAfterMs 0 here).
    const methods = server.calls
      .filter((call) => call.payload.chat_id === ru.id || call.payload.chat_id === String(ru.id))
      .map((call) => call.method);
    expect(methods.slice(0, 2)).toEqual(['sendChatAction', 'sendMessage']);
  });

  it('advice: a relative’s phrase gets the three-step answer with buttons; another answer; the facts', async () => {
    const u = user(710000003);
    u.press('talk:advice');
    expect((await u.replies(1))[0]?.text).toBe(TALK_TEXTS.ru.adviceAsk);
    u.say('да всё равно нарисуют сколько надо');
    const [answer] = await u.replies(1);
    expect(answer?.text).toContain(services.catalogue.position('vote-rigged')?.ru.title);
    expect(answer?.text).toContain(TALK_TEXTS.ru.steps.ask);
    expect(datas(answer)).toEqual(
      expect.arrayContaining([
        'talk:answer:vote-rigged:1',
        'talk:facts:vote-rigged:0',
        'talk:avoid:vote-rigged:0',
      ]),
    );
    u.press('talk:answer:vote-rigged:1');
    expect((await u.replies(1))[0]?.text).toMatch(/Ответ 2 из \d/);
    u.press('talk:facts:vote-rigged:1');
    const [facts] = await u.replies(1);
    expect(facts?.text).toMatch(/https?:\/\//);
    // "Another answer" under the facts goes on to the third answer, not back to the second.
    expect(datas(facts)).toContain('talk:answer:vote-rigged:2');
  });

  it('practice: a persona by button, feedback and the relative’s reply, try again, on to the summary', async () => {
    const u = user(710000004);
    u.press('talk:practice');
    const [choose] = await u.replies(1);
    expect(choose?.text).toBe(TALK_TEXTS.ru.choosePersona);
    expect(datas(choose)).toContain('talk:persona:mother');
    u.press('talk:persona:mother');
    const [intro] = await u.replies(1);
    const name = services.catalogue.persona('mother')?.ru.name ?? '';
    expect(intro?.text).toContain(services.catalogue.persona('mother')?.ru.background);
    const opener = intro?.text.split('\n\n').at(-1);
    expect(opener?.startsWith(`${name}:`)).toBe(true);
    const stopButton = datas(intro).find((data) => data.startsWith('talk:stop:'));
    expect(stopButton).toBeDefined();

    u.say('Ты опять смотришь эту пропаганду, тебе промыли мозги.');
    const [reply] = await u.replies(1);
    expect(reply?.text.startsWith(TALK_TEXTS.ru.verdicts.toxic)).toBe(true);
    expect(reply?.text.split('\n\n').at(-1)?.startsWith(`${name}:`)).toBe(true);
    const again = datas(reply).find((data) => data.startsWith('talk:again:'));
    expect(again).toBeDefined();
    u.press(again!);
    const [undone] = await u.replies(1);
    expect(undone?.text).toContain(`Ход отменён. ${name} только что сказала`);
    expect(undone?.text).toContain(opener?.slice(`${name}: `.length));

    const summary = await practiseToTheEnd(u);
    expect(summary.text).toMatch(/Ходов: \d+/);
    expect(datas(summary)).toEqual([
      'talk:practice',
      'menu:show',
      expect.stringMatching(/^talk:sheet:[\w-]+:0:mother:\d+\.\d+\.r?q?$/),
    ]);
    // Warm replies opened Mum: the cheat sheet names the best of them, and where its words are (not kept).
    u.press(datas(summary).at(-1)!);
    const [sheet] = await u.replies(1);
    expect(sheet?.text).toMatch(/Ваш лучший ход в тренировке:\n\d+-й ответ: её открытость выросла на \d+\./);
    expect(sheet?.text).toContain(TALK_TEXTS.ru.sheet.wordsAbove);
    u.say('/progress');
    const [progress] = await u.replies(1);
    expect(progress?.text).toContain(TALK_TEXTS.ru.progressHeading(1));
  });

  it('/lang switches the language of the conversation', async () => {
    const u = user(710000005, { languageCode: 'en' });
    u.say('/lang');
    const [changed] = await u.replies(1);
    expect(changed?.text).toBe(TEXTS.ru.langChanged);
    u.say('/help');
    expect((await u.replies(1))[0]?.text).toBe(botHelp(TEXTS.ru.help, 'ru'));
  });

  it('/forget asks first, then deletes every row of the user; /progress then shows nothing', async () => {
    const u = user(710000006);
    const key = services.userKey('telegram', u.id);
    u.press('talk:persona:brother');
    await u.replies(1);
    await practiseToTheEnd(u);
    expect(await services.store.talk.practiceSummaries(key, 10)).toHaveLength(1);
    u.say('/forget');
    const [ask] = await u.replies(1);
    expect(ask?.text).toBe(TEXTS.ru.forgetAsk);
    expect(datas(ask)).toEqual(['forget:yes', 'forget:no']);
    u.press('forget:no');
    expect((await u.replies(1))[0]?.text).toBe(TEXTS.ru.forgetKept);
    expect(await services.store.users.loadUser(key)).toBeDefined();
    u.press('forget:yes');
    expect((await u.replies(1))[0]?.text).toBe(TEXTS.ru.forgetDone);
    expect(await services.store.users.loadUser(key)).toBeUndefined();
    expect(await services.store.talk.practiceSummaries(key, 10)).toEqual([]);
    u.say('/progress');
    expect((await u.replies(1))[0]?.text).toContain(TALK_TEXTS.ru.progressNone);
  });

  it('in a group: one polite message that it works in private, then silence', async () => {
    const chat = { id: -1001234567890, type: 'supergroup' as const, title: 'Семья' };
    const a = user(710000007, { chat });
    const b = user(710000008, { chat, languageCode: 'en' });
    a.say('/start');
    const [notice] = await server.replies(chat.id, 1);
    expect(notice?.text).toBe(BOT_TEXTS.ru.groupOnly(server.botUsername));
    b.say('my dad says the vote is rigged');
    a.say('/practice');
    // Handled after the group's messages: once it is answered, so would they have been.
    const alone = user(710000007);
    alone.say('/help');
    await alone.replies(1);
    expect(await server.quiet(chat.id, 200)).toEqual([]);
  });

  it('a photo, a sticker or a voice note gets a short explanation', async () => {
    const u = user(710000009);
    server.sendMedia(u.id, 'photo');
    server.sendMedia(u.id, 'sticker');
    server.sendMedia(u.id, 'voice', { languageCode: 'en' });
    const texts = (await u.replies(3)).map((message) => message.text);
    expect(texts).toEqual([BOT_TEXTS.ru.nonText, BOT_TEXTS.ru.nonText, BOT_TEXTS.en.nonText]);
  });

  it('limits a flood to 20 messages a minute, with one friendly note', async () => {
    const u = user(710000010);
    for (let i = 0; i < 25; i++) u.say('/help');
    const replies = await u.replies(21);
    expect(replies.filter((message) => message.text === botHelp(TEXTS.ru.help, 'ru'))).toHaveLength(20);
    expect(replies.at(-1)?.text).toBe(BOT_TEXTS.ru.rateLimited(20));
    expect(await u.quiet(200)).toEqual([]);
  });

  it('answers an update delivered twice only once', async () => {
    const u = user(710000011);
    const update = u.say('/help');
    await u.replies(1);
    server.redeliver(update);
    const press = u.press('talk:topics');
    await u.replies(1);
    server.redeliver(press);
    expect(await u.quiet(300)).toEqual([]);
  });

  it('waits out a storm of 429s and still delivers every message', async () => {
    const users = [710000012, 710000014, 710000015].map((id) => user(id));
    server.inject429(3, 1);
    const started = Date.now();
    for (const u of users) u.say('/help');
    for (const u of users) expect((await u.replies(1))[0]?.text).toBe(botHelp(TEXTS.ru.help, 'ru'));
    // Each was refused once and retried after retry_after, all at the same time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(2900);
  });

  it('answered every button pressed so far', () => {
    expect(server.unansweredCallbacks()).toEqual([]);
  });

  it('resumes a practice after a restart on the same database: the next reply gets feedback, not the menu', async () => {
    const u = user(710000013);
    u.press('talk:persona:friend');
    await u.replies(1);
    u.say('Я понимаю, что тебе тревожно. Что тебя больше всего пугает?');
    await u.replies(1);
    await stop();
    // A message while the bot is down waits at Telegram and is handled after the restart, once.
    u.say('Мне важно тебя понять. Расскажи, как ты к этому пришёл?');
    await start();
    const [reply] = await u.replies(1);
    expect(reply?.text).toMatch(/^(Тепло|Нейтрально|Это ранит)/);
    const relative = reply?.text.split('\n\n').at(-1);
    expect(relative?.startsWith(`${services.catalogue.persona('friend')?.ru.name}:`)).toBe(true);
    expect(await u.quiet(300), 'nothing handled before the restart came again').toEqual([]);
  });

  it('keeps no typed text and no Telegram id in the database file or in the logs', async () => {
    const files = ['', '-wal', '-shm'].map((suffix) => dbFile + suffix).filter((file) => existsSync(file));
    const bytes = Buffer.concat(files.map((file) => readFileSync(file)));
    // The search works: a user who was not forgotten is there, under the pseudonymous key.
    expect(bytes.includes(Buffer.from(services.userKey('telegram', 710000004)))).toBe(true);
    // Cyrillic typed text would be found too: the file keeps text as UTF-8, the bytes searched for.
    const sqlite = new SqliteDatabase(dbFile, { readonly: true });
    expect(sqlite.pragma('encoding', { simple: true })).toBe('UTF-8');
    sqlite.close();
    expect(typed.length).toBeGreaterThanOrEqual(10);
    for (const text of typed) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    for (const id of userIds) {
      const be = Buffer.alloc(8);
      be.writeBigInt64BE(BigInt(id));
      const le = Buffer.alloc(4);
      le.writeUInt32LE(id);
      for (const needle of [Buffer.from(String(id)), be.subarray(4), be, le])
        expect(bytes.includes(needle), `id ${id}`).toBe(false);
    }
    const logs = logLines.join('\n');
    expect(logs).toContain('"positions":["vote-rigged"]');
    for (const text of typed) expect(logs.includes(text), text).toBe(false);
    for (const id of userIds) expect(logs).not.toContain(String(id));
    expect(logs).not.toContain(server.token);
  });

  it('refuses to start with a wrong token, in one clear line', async () => {
    const wrong = { ...services, config: { ...services.config, TELEGRAM_BOT_TOKEN: '1:wrong' } };
    await expect(startTelegram(wrong)).rejects.toThrow(
      new TelegramStartError('Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized)'),
    );
  });
});
