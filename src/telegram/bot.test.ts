import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Services, startServices } from '../app/services.js';
import { coreButtons } from '../dialogue/buttons.js';
import type { Conversations } from '../dialogue/conversations.js';
import { initialState } from '../dialogue/state.js';
import { TALK_TEXTS } from '../dialogue/talk/texts.js';
import { TEXTS } from '../dialogue/texts.js';
import {
  type BotApiServer,
  startBotApiServer,
  TEST_BOT_INFO,
  type UpdateContent,
  updateFactory,
} from '../test-support/bot-api-server.js';
import { type BotOptions, createBot } from './bot.js';
import type { BotContext } from './context.js';
import { COUNT_BOT_TEXTS } from './count/texts.js';
import { botHelp } from './help.js';
import { TALK_BOT_TEXTS } from './talk/texts.js';
import { BOT_TEXTS } from './texts.js';

// The bot without a network: updates go in through grammY's handleUpdate, and an API transformer answers every
// Bot API call in memory and records it. (start.test.ts runs the same bot over HTTP against a Bot API server.)

const SECRET = 'c0ffee'.repeat(10).padEnd(64, '0');
const TOKEN = '123456:unit-test-token';

let services: Services;
const logLines: string[] = [];
const updates = updateFactory();
let nextUpdateId = 1;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-bot-'));
  const log = pino({ level: 'debug', base: undefined }, { write: (line: string) => logLines.push(line) });
  services = await startServices({
    env: { DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`, SOBESEDNIK_SECRET: SECRET },
    log,
    retention: false,
  });
});
afterAll(() => services?.close());

interface Call {
  method: string;
  payload: Record<string, unknown>;
}

interface TestBot {
  bot: Bot<BotContext>;
  calls: Call[];
  /** Hands updates to the bot one after the other, as the runner does for one chat. */
  send(...contents: UpdateContent[]): Promise<Update[]>;
  /** The texts sent to a chat since the last call. */
  texts(chatId: number): string[];
}

function testBot(options: BotOptions = {}, overrides: Partial<Services> = {}): TestBot {
  const bot = createBot(
    { ...services, ...overrides },
    { token: TOKEN, botInfo: TEST_BOT_INFO, typingAfterMs: 60_000, ...options },
  );
  const calls: Call[] = [];
  let messageId = 1;
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    const result =
      method === 'sendMessage'
        ? { message_id: messageId++, date: 0, chat: { id: 0, type: 'private' }, text: '' }
        : true;
    // The transformer answers for every method; grammY's types cannot know which result goes with which.
    return { ok: true, result } as never;
  });
  const read = new Map<number, number>();
  return {
    bot,
    calls,
    async send(...contents) {
      const sent: Update[] = [];
      for (const content of contents) {
        const update = { ...content, update_id: nextUpdateId++ } as Update;
        await bot.handleUpdate(update);
        sent.push(update);
      }
      return sent;
    },
    texts(chatId) {
      const all = calls
        .filter((call) => call.method === 'sendMessage' && call.payload.chat_id === chatId)
        .map((call) => String(call.payload.text));
      const from = read.get(chatId) ?? 0;
      read.set(chatId, all.length);
      return all.slice(from);
    },
  };
}

const buttonsOf = (call: Call | undefined) =>
  (
    (call?.payload.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  )
    .flat()
    .map((button) => button.callback_data);

describe('the bot (handleUpdate, no network)', () => {
  it("greets in the app's language: Russian for ru, uk and none, English for en and others; menu buttons", async () => {
    const t = testBot();
    const cases: [number, string | null, 'ru' | 'en'][] = [
      [101, 'ru', 'ru'],
      [102, 'uk', 'ru'],
      [103, null, 'ru'],
      [104, 'en', 'en'],
      [105, 'de', 'en'],
    ];
    for (const [user, languageCode, lang] of cases) {
      await t.send(updates.text(user, '/start', { languageCode }));
      expect(t.texts(user), `${languageCode}`).toEqual([`${TEXTS[lang].welcome}\n\n${TEXTS[lang].menu}`]);
    }
    const menu = t.calls.filter((call) => call.method === 'sendMessage').at(-1);
    expect(buttonsOf(menu)).toEqual([
      'talk:advice',
      'talk:practice',
      'talk:topics',
      'talk:progress',
      'guide:home',
    ]);
    // Once a user exists, the stored language wins over the app's.
    await t.send(updates.text(104, '/help', { languageCode: 'ru' }));
    expect(t.texts(104)).toEqual([botHelp(TEXTS.en.help, 'en')]);
  });

  it('sends commands to the engine, with their argument; an unknown command gets the help', async () => {
    const t = testBot();
    await t.send(updates.text(201, '/privacy'));
    expect(t.texts(201)).toEqual([TEXTS.ru.privacy(30)]);
    await t.send(updates.text(201, '/lang en'));
    expect(t.texts(201)).toEqual([TEXTS.en.langChanged]);
    await t.send(updates.text(201, `/help@${TEST_BOT_INFO.username}`), updates.text(201, '/nonsense'));
    expect(t.texts(201)).toEqual([botHelp(TEXTS.en.help, 'en'), botHelp(TEXTS.en.help, 'en')]);
    await t.send(updates.text(201, '/settings'));
    expect(t.texts(201)).toEqual([TEXTS.en.settingsAsk]);
    await t.send(updates.press(201, coreButtons.userGender('female')));
    expect(t.texts(201)).toEqual([TEXTS.en.settingsDone.female]);
  });

  it('/stats names the most common positions from the anonymous counters', async () => {
    const t = testBot();
    await t.send(updates.text(301, '/stats', { languageCode: 'en' }));
    const before = t.texts(301)[0] ?? '';
    await t.send(updates.text(302, 'да всё равно нарисуют сколько надо'));
    await t.send(updates.text(301, '/stats', { languageCode: 'en' }));
    const [after] = t.texts(301);
    const title = services.catalogue.position('vote-rigged')?.en.title ?? '';
    expect(before).not.toContain(title);
    expect(after).toContain(TALK_BOT_TEXTS.en.statsHeading(30));
    expect(after).toMatch(new RegExp(`1\\. ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — \\d+`));
  });

  it('answers every callback query; a stale button gets the menu kindly', async () => {
    const t = testBot();
    // A practice button from an earlier practice, and one from before the data was namespaced.
    const [stale] = await t.send(updates.press(401, 'talk:again:999'));
    const [old] = await t.send(updates.press(401, 'm:advice'));
    const [menu] = await t.send(updates.press(401, 'talk:topics'));
    const noData = updates.press(401, 'x');
    delete noData.callback_query?.data;
    const [game] = await t.send(noData);
    const answered = t.calls
      .filter((call) => call.method === 'answerCallbackQuery')
      .map((c) => c.payload.callback_query_id);
    expect(answered).toEqual([stale, old, menu, game].map((update) => update?.callback_query?.id));
    expect(t.texts(401)).toEqual([TEXTS.ru.stale, TEXTS.ru.stale, TALK_TEXTS.ru.chooseTopicGroup]);
  });

  it('in a group says once that it works in private, then stays silent', async () => {
    const t = testBot();
    const chat = { id: -100500, type: 'group' as const, title: 'Семья' };
    await t.send(updates.text(501, '/start', { chat }), updates.text(502, 'привет', { chat }));
    const [press] = await t.send(updates.press(501, 'menu:show', { chat }));
    await t.send(updates.media(503, 'sticker', { chat }));
    expect(t.texts(-100500)).toEqual([BOT_TEXTS.ru.groupOnly(TEST_BOT_INFO.username)]);
    expect(t.calls.find((call) => call.method === 'answerCallbackQuery')?.payload.callback_query_id).toBe(
      press?.callback_query?.id,
    );
    // Nothing of the group's members reached the store.
    for (const user of [501, 502, 503])
      expect(await services.store.users.loadUser(services.userKey('telegram', user))).toBeUndefined();
  });

  it('explains that it reads only text; a service message gets no answer', async () => {
    const t = testBot();
    await t.send(
      updates.media(601, 'photo'),
      updates.media(601, 'sticker', { languageCode: 'en' }),
      updates.media(601, 'voice'),
    );
    expect(t.texts(601)).toEqual([BOT_TEXTS.ru.nonText, BOT_TEXTS.en.nonText, BOT_TEXTS.ru.nonText]);
    const pinned = updates.text(601, 'x');
    const message = pinned.message as unknown as Record<string, unknown>;
    delete message.text;
    message.pinned_message = { message_id: 1, date: 0, chat: { id: 601, type: 'private' } };
    await t.send(pinned);
    expect(t.texts(601)).toEqual([]);
  });

  it('limits each user to 20 updates a minute, says so once, and lets them go on after', async () => {
    let now = 0;
    const t = testBot({ now: () => now });
    for (let i = 0; i < 22; i++) await t.send(updates.text(701, '/help'));
    await t.send(updates.text(702, '/help'));
    const texts = t.texts(701);
    expect(texts).toHaveLength(21);
    expect(texts.slice(0, 20).every((text) => text === botHelp(TEXTS.ru.help, 'ru'))).toBe(true);
    expect(texts[20]).toBe(BOT_TEXTS.ru.rateLimited(20));
    expect(t.texts(702), 'another user is not affected').toEqual([botHelp(TEXTS.ru.help, 'ru')]);
    // A button over the limit is still answered, with nothing else.
    const [press] = await t.send(updates.press(701, 'menu:show'));
    expect(t.calls.at(-1)).toEqual({
      method: 'answerCallbackQuery',
      payload: { callback_query_id: press?.callback_query?.id },
    });
    now += 3_000; // one message's worth
    await t.send(updates.text(701, '/help'));
    expect(t.texts(701)).toEqual([botHelp(TEXTS.ru.help, 'ru')]);
  });

  it("count's taps have a bucket of their own: 30 at once, each refused tap told it did not count", async () => {
    const t = testBot({ now: () => 0 });
    const taps = Array.from({ length: 32 }, () => updates.press(704, 'count:add:1'));
    await t.send(...taps);
    const answers = t.calls.filter((call) => call.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(32);
    const refused = answers.filter((call) => call.payload.text === COUNT_BOT_TEXTS.ru.tooFast);
    expect(refused.map((call) => call.payload.callback_query_id)).toEqual(
      taps.slice(30).map((tap) => tap.callback_query?.id),
    );
    // Messages are limited as before, apart from the taps.
    await t.send(updates.text(704, '/help'));
    expect(t.texts(704).at(-1)).toBe(botHelp(TEXTS.ru.help, 'ru'));
  });

  it('answers an update delivered twice only once', async () => {
    const t = testBot();
    const [update] = await t.send(updates.text(801, '/help'));
    await t.bot.handleUpdate(update!);
    expect(t.texts(801)).toEqual([botHelp(TEXTS.ru.help, 'ru')]);
  });

  it('answers a copy that comes long after its update once, even when the memory of recent ones moved on', async () => {
    const t = testBot({ recentUpdates: 3 });
    const [first] = await t.send(updates.text(802, '/help'));
    for (let i = 0; i < 8; i++) await t.send(updates.text(803 + i, '/help'));
    await t.bot.handleUpdate(first!);
    expect(t.texts(802)).toEqual([botHelp(TEXTS.ru.help, 'ru')]);
  });

  it('shows "typing…" before a reply that takes long', async () => {
    const slow: Conversations = {
      async handle() {
        await new Promise((resolve) => setTimeout(resolve, 80));
        return { messages: [{ text: 'готово', buttons: [] }], state: initialState('ru', 1), effects: [] };
      },
    };
    const t = testBot({ typingAfterMs: 20 }, { conversations: slow });
    await t.send(updates.text(901, 'долгий вопрос'));
    expect(t.calls.map((call) => call.method)).toEqual(['sendChatAction', 'sendMessage']);
    expect(t.calls[0]?.payload).toEqual({ chat_id: 901, action: 'typing' });
    const fast = testBot({ typingAfterMs: 20 });
    await fast.send(updates.text(902, '/help'));
    expect(fast.calls.map((call) => call.method)).toEqual(['sendMessage']);
  });

  it('apologises for a failure and logs it without the text or the id', async () => {
    const failing: Conversations = {
      handle: async (_key, event) => {
        throw new TypeError(`cannot handle ${event.kind === 'text' ? event.text : ''}`);
      },
    };
    const t = testBot({}, { conversations: failing });
    logLines.length = 0;
    await t.send(updates.text(918273645, 'секретная фраза про маму'));
    expect(t.texts(918273645)).toEqual([BOT_TEXTS.ru.failed]);
    const failed = logLines.find((line) => line.includes('telegram-update-failed'));
    expect(failed).toContain('TypeError');
    expect(logLines.join('\n')).not.toContain('секретная');
    expect(logLines.join('\n')).not.toContain('918273645');
  });

  it('logs update kinds, latency and positions, never text or ids', async () => {
    const t = testBot();
    logLines.length = 0;
    await t.send(
      updates.text(564738291, 'да всё равно нарисуют сколько надо'),
      updates.press(564738291, 'talk:persona:mother'),
    );
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const advice = entries.find((entry) => entry.kind === 'text');
    expect(advice).toMatchObject({ event: 'telegram-update', positions: ['vote-rigged'], mode: 'advise' });
    expect(typeof advice?.ms).toBe('number');
    expect(entries.find((entry) => entry.kind === 'button:talk:persona')).toMatchObject({ mode: 'practice' });
    const all = logLines.join('\n');
    for (const secret of ['нарисуют', '564738291', TOKEN]) expect(all).not.toContain(secret);
  });
});

describe('the bot over HTTP (handleUpdate, local Bot API server)', () => {
  let server: BotApiServer;
  beforeAll(async () => {
    server = await startBotApiServer();
  });
  afterAll(() => server?.close());

  it('splits a text over 4,096 characters at paragraphs, with the buttons under the last part', async () => {
    const paragraphs = Array.from({ length: 9 }, (_, i) => `${i + 1}. ${'слово '.repeat(160).trim()}`);
    const long: Conversations = {
      handle: async () => ({
        messages: [{ text: paragraphs.join('\n\n'), buttons: [[{ label: 'Меню', data: 'menu:show' }]] }],
        state: initialState('ru', 1),
        effects: [],
      }),
    };
    const bot = createBot(
      { ...services, conversations: long },
      { token: server.token, apiRoot: server.apiRoot, botInfo: TEST_BOT_INFO },
    );
    await bot.handleUpdate({ ...updates.text(1001, 'длинно'), update_id: 1 } as Update);
    const sent = server.messagesTo(1001);
    expect(sent.length).toBe(3);
    for (const message of sent) expect(message.text.length).toBeLessThanOrEqual(4096);
    expect(sent.map((message) => message.text).join('\n\n')).toBe(paragraphs.join('\n\n'));
    expect(sent.map((message) => message.buttons.length)).toEqual([0, 0, 1]);
  });
});
