import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Services, startServices } from '../../app/services.js';
import type { Election } from '../../catalogue/election.js';
import type { Volunteer } from '../../count/storage.js';
import { TEXTS } from '../../dialogue/texts.js';
import { type BotApiServer, type SentMessage, startBotApiServer } from '../../test-support/bot-api-server.js';
import { noticeSkippedPostgres, type TestDatabase, testDialects } from '../../test-support/databases.js';
import { pngSize } from '../../test-support/png.js';
import { botHelp } from '../help.js';
import { startTelegram, type TelegramHandle } from '../start.js';
import { countButtons } from './counter.js';
import { COUNT_BOT_TEXTS } from './texts.js';

// Count on Telegram end to end: the bot as `sobesednik bot` runs it (long polling), over real HTTP to the local
// Bot API server, on a real SQLite file and on PostgreSQL (when TEST_DATABASE_URL is set). Volunteers join by the
// invite's deep link and press the counter's buttons; the counts are read back from the store, as the live page
// would read them.

noticeSkippedPostgres();

const SECRET = 'c0de'.repeat(16);
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

// Open all day around today, in UTC, so that every tap of the test is within the station's hours.
const election: Election = {
  id: 'test-2026',
  kind: 'presidential',
  title: { ru: 'Тестовые выборы', en: 'Test election' },
  days: [day(-1), day(0), day(1)],
  hours: { opens: '00:00', closes: '23:59' },
  answers: [
    { id: 'a', ru: 'А', en: 'A' },
    { id: 'invalid', ru: 'Недействительный', en: 'Invalid' },
    { id: 'removed', ru: 'Унесён', en: 'Removed' },
    { id: 'declined', ru: 'Отказ', en: 'Declined' },
  ],
  sources: [{ publisher: 'Test', title: 'Test', year: 2026, url: 'https://example.org/' }],
};

let server: BotApiServer;
let services: Services;
let telegram: TelegramHandle;
let database: TestDatabase;
let stopped: boolean;
let logLines: string[];

async function start(): Promise<void> {
  const log = pino({ level: 'debug', base: undefined }, { write: (line: string) => logLines.push(line) });
  services = await startServices({
    env: {
      DATABASE_URL: database.url,
      SOBESEDNIK_SECRET: SECRET,
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
    },
    log,
    retention: false,
  });
  telegram = await startTelegram(services, { pollingTimeoutSeconds: 2, typingAfterMs: 60_000 });
}

async function stop(): Promise<void> {
  await telegram.stop();
  await services.close();
}

/** The bot over a fresh database and a fresh Bot API server, for the tests of one describe. */
function setUp(create: () => Promise<TestDatabase>): void {
  beforeAll(async () => {
    database = await create();
    server = await startBotApiServer();
    stopped = false;
    logLines = [];
    await start();
    await services.store.count.saveElection(election);
    await services.store.count.importStations(election.id, [
      {
        station: '8267',
        country: 'RS',
        city: 'Белград',
        address: null,
        timezone: 'UTC',
        lat: null,
        lon: null,
        days: election.days,
        opens: '00:00',
        closes: '23:59',
      },
    ]);
  });
  afterAll(async () => {
    if (!stopped) await stop();
    await server.close();
    await database.drop();
  });
}

async function invite(expiresAt = Date.now() + DAY): Promise<string> {
  const [code = ''] = await services.store.count.createInvites({
    election: election.id,
    station: '8267',
    role: 'volunteer',
    expiresAt,
    n: 1,
  });
  return code;
}

const volunteerOf = (userId: number): Promise<Volunteer | undefined> =>
  services.store.count.volunteerByUser(services.userKey('telegram', userId));

async function mine(userId: number): Promise<number> {
  const volunteer = await volunteerOf(userId);
  if (!volunteer) throw new Error(`user ${userId} has not joined`);
  return (await services.counting.running(volunteer)).mine;
}

/** Presses a button on the last message of the chat; resolves with the pop-up text the bot answered with. */
async function press(userId: number, data: string): Promise<string | undefined> {
  const update = server.pressButton(userId, data, { languageCode: 'ru' });
  return answerTo(update);
}

async function answerTo(update: Update): Promise<string | undefined> {
  const id = update.callback_query?.id;
  const answer = () =>
    server.callsOf('answerCallbackQuery').find((call) => call.payload.callback_query_id === id);
  await server.waitFor(() => answer() !== undefined, 5000, `the answer to ${id}`);
  const text = answer()?.payload.text;
  return typeof text === 'string' ? text : undefined;
}

/** The chat's counter message (the last message with a +1), as it is now, edits included. */
const counter = (userId: number): SentMessage | undefined =>
  server
    .messagesTo(userId)
    .filter((m) => m.buttons.flat().some((b) => b.data === countButtons.add(1)))
    .at(-1);

async function counterShows(userId: number, line: string): Promise<void> {
  await server.waitFor(
    () => counter(userId)?.text.includes(line) === true,
    4000,
    `the counter showing "${line}"`,
  );
}

/** The doors of a user's stored events, by kind, in the order they were stored. */
async function doorsOf(userId: number): Promise<Record<string, string[]>> {
  const volunteer = await volunteerOf(userId);
  const { events } = await services.store.count.stationEvents(election.id, '8267');
  const doors: Record<string, string[]> = {};
  for (const e of events)
    if (e.volunteer === volunteer?.volunteer && e.door !== null)
      doors[e.kind] = [...(doors[e.kind] ?? []), e.door];
  return doors;
}

async function join(userId: number, languageCode = 'ru'): Promise<SentMessage[]> {
  const code = await invite();
  server.sendText(userId, `/start c_${code}`, { languageCode });
  return server.replies(userId, 2);
}

const ru = COUNT_BOT_TEXTS.ru;

for (const dialect of testDialects())
  describe.skipIf(!dialect.available)(`count in the Telegram bot on ${dialect.name}`, () => {
    setUp(dialect.create);

    it('joins a station by the invite deep link and shows the counter', async () => {
      const [joined, shown] = await join(760000001);
      expect(joined?.text).toBe(ru.joined('8267', 'Тестовые выборы'));
      expect(shown?.text).toBe(
        ru.counter({
          station: '8267',
          city: 'Белград',
          election: 'Тестовые выборы',
          door: 'main',
          shiftOpen: false,
          mine: 0,
          stationCount: null,
        }),
      );
      expect(shown?.buttons.map((row) => row.map((b) => b.text))).toEqual([
        ['Вход: главный', 'Начать смену'],
        ['Очередь', 'Опрос'],
        ['Отменить', '+5'],
        ['+1'],
      ]);
      expect(await volunteerOf(760000001)).toMatchObject({ election: election.id, station: '8267' });
    });

    it('+1 twice, +5, undo: the pop-ups and the store say 6, and the counter ends up showing it', async () => {
      const user = 760000001;
      expect(await press(user, countButtons.add(1))).toBe(ru.added(1, 1));
      expect(await press(user, countButtons.add(1))).toBe(ru.added(1, 2));
      expect(await press(user, countButtons.add(5))).toBe(ru.added(5, 7));
      expect(await press(user, countButtons.undo)).toBe(ru.undone(6));
      expect(await mine(user)).toBe(6);
      await counterShows(user, 'Вы насчитали: 6');
      expect(counter(user)?.text).toContain('Всего на участке: 6');
    });

    it('counts an update delivered again once, also after a restart that forgot the updates it saw, and still takes the queue report asked for before it', async () => {
      const user = 760000002;
      await join(user);
      const plusOne = server.pressButton(user, countButtons.add(1));
      await answerTo(plusOne);
      const plusFive = server.pressButton(user, countButtons.add(5));
      await answerTo(plusFive);
      expect(await mine(user)).toBe(6);
      server.redeliver(plusOne);
      server.redeliver(plusFive);
      await server.quiet(user, 300);
      await press(user, countButtons.queue);
      expect((await server.replies(user, 1))[0]?.text).toBe(ru.queueAsk);
      // A new process knows no update ids: only the events' ids keep the count right.
      await stop();
      await start();
      const answered = server.callsOf('answerCallbackQuery').length;
      server.redeliver(plusOne);
      server.redeliver(plusFive);
      // Telegram refuses a second answer to a query; the bot still handles the press, and the store adds nothing.
      await server.waitFor(
        () => server.callsOf('answerCallbackQuery').length >= answered + 2,
        5000,
        'the re-delivered presses handled',
      );
      expect(await mine(user)).toBe(6);
      // The question was asked by the process that is gone: the answer is still read as the report.
      server.sendText(user, '150 60');
      expect((await server.replies(user, 1))[0]?.text).toBe(ru.queueSaved(150, 60));
      expect((await services.counting.liveStation(election.id, '8267'))?.queue).toMatchObject({
        people: 150,
      });
    });

    it('tells an unknown, a used and an expired invite apart, in the user’s language', async () => {
      const stranger = 760000003;
      server.sendText(stranger, '/start c_nosuchcode');
      expect((await server.replies(stranger, 1))[0]?.text).toBe(ru.codeUnknown);
      const code = await invite();
      server.sendText(760000004, `/start c_${code}`);
      await server.replies(760000004, 2);
      server.sendText(stranger, `/start c_${code}`, { languageCode: 'en' });
      expect((await server.replies(stranger, 1))[0]?.text).toBe(COUNT_BOT_TEXTS.en.codeUsed);
      const expired = await invite(Date.now() - 1000);
      server.sendText(stranger, `/start c_${expired}`);
      expect((await server.replies(stranger, 1))[0]?.text).toBe(ru.codeExpired);
      expect(await volunteerOf(stranger)).toBeUndefined();
      // Not joined: the counter's command and an old counter's button say how to join.
      server.sendText(stranger, '/count');
      expect((await server.replies(stranger, 1))[0]?.text).toBe(ru.notJoined);
    });

    it('opening one’s own invite again shows the counter instead of "used"', async () => {
      const user = 760000005;
      const code = await invite();
      server.sendText(user, `/start c_${code}`);
      await server.replies(user, 2);
      server.sendText(user, `/start c_${code}`);
      const [again] = await server.replies(user, 1);
      expect(again?.text).toContain('Участок № 8267');
    });

    it('/start without an invite, or with a deep link nobody owns, still shows the menu', async () => {
      const user = 760000006;
      server.sendText(user, '/start');
      expect((await server.replies(user, 1))[0]?.text).toBe(`${TEXTS.ru.welcome}\n\n${TEXTS.ru.menu}`);
      server.sendText(user, '/start zz_something');
      expect((await server.replies(user, 1))[0]?.text).toBe(`${TEXTS.ru.welcome}\n\n${TEXTS.ru.menu}`);
    });

    it('reports the queue as two numbers, asks again for anything else, and the live figures show it', async () => {
      const user = 760000007;
      await join(user);
      await press(user, countButtons.queue);
      expect((await server.replies(user, 1))[0]?.text).toBe(ru.queueAsk);
      server.sendText(user, 'много');
      expect((await server.replies(user, 1))[0]?.text).toBe(ru.queueBad);
      server.sendText(user, '120 45');
      expect((await server.replies(user, 1))[0]?.text).toBe(ru.queueSaved(120, 45));
      const live = await services.counting.liveStation(election.id, '8267');
      expect(live?.queue).toMatchObject({ people: 120, waitMinutes: 45 });
      // Afterwards text is the relative's words again, not a queue report.
      server.sendText(user, '300 10');
      expect((await server.replies(user, 1))[0]?.text).not.toBe(ru.queueSaved(300, 10));
      server.sendText(user, '/queue 80 30');
      expect((await server.replies(user, 1))[0]?.text).toBe(ru.queueSaved(80, 30));
    });

    it('starts and ends a shift at the main door', async () => {
      const user = 760000008;
      await join(user);
      expect(await press(user, countButtons.shift(true))).toBe(ru.shiftStarted);
      const volunteer = await volunteerOf(user);
      expect((await services.counting.running(volunteer!)).shiftDoor).toBe('main');
      await counterShows(user, 'Смена идёт');
      expect(counter(user)?.buttons[0]?.[1]?.text).toBe('Закончить смену');
      expect(await press(user, countButtons.shift(false))).toBe(ru.shiftEnded);
      expect((await services.counting.running(volunteer!)).shiftDoor).toBeNull();
      await counterShows(user, 'Смена не начата');
    });

    it('takes a burst of presses past the chat limit, edits the counter at most once a second, ends on the last count', async () => {
      const user = 760000009;
      await join(user);
      const counterId = counter(user)?.message_id;
      const editTimes: number[] = [];
      const edits = () =>
        server.callsOf('editMessageText').filter((call) => Number(call.payload.message_id) === counterId);
      // Checked after every call the bot makes: notes when each edit arrived, until the counter shows the last count.
      const shownLast = () => {
        while (editTimes.length < edits().length) editTimes.push(Date.now());
        return counter(user)?.text.includes('Вы насчитали: 25') === true;
      };
      const shown = server.waitFor(shownLast, 6000, 'the counter showing 25');
      // 25 presses, more than the 20 messages a minute the rest of the bot takes: each one counts.
      const presses = Array.from({ length: 25 }, () => server.pressButton(user, countButtons.add(1)));
      const answers = await Promise.all(presses.map(answerTo));
      expect(answers.at(-1)).toBe(ru.added(1, 25));
      expect(await mine(user)).toBe(25);
      await shown;
      expect(editTimes.length).toBeLessThan(25);
      for (let i = 1; i < editTimes.length; i++)
        expect((editTimes[i] ?? 0) - (editTimes[i - 1] ?? 0)).toBeGreaterThanOrEqual(950);
    });

    it('lets a volunteer choose the door, from those used at the station or by typing a new one', async () => {
      const first = 760000011;
      await join(first);
      await press(first, countButtons.doors);
      const [choice] = await server.replies(first, 1);
      expect(choice?.text).toBe(ru.doorAsk);
      expect(choice?.buttons.map((row) => row.map((b) => b.text))).toEqual([['✓ главный'], ['Другой…']]);
      await press(first, countButtons.doorOther);
      expect((await server.replies(first, 1))[0]?.text).toBe(ru.doorTypeAsk);
      server.sendText(first, 'вход №2!');
      expect((await server.replies(first, 1))[0]?.text).toBe(ru.doorBad);
      server.sendText(first, '«Северный»');
      const [typed] = await server.replies(first, 1);
      expect(typed?.text).toContain('Вход: Северный');
      expect(typed?.buttons[0]?.[0]?.text).toBe('Вход: Северный');
      // The shift and the taps go to the chosen door.
      expect(await press(first, countButtons.shift(true))).toBe(ru.shiftStarted);
      await press(first, countButtons.add(1));
      expect(await doorsOf(first)).toEqual({ 'shift-start': ['Северный'], entry: ['Северный'] });

      // Another volunteer at the station finds the door in the list, spelled as the first one typed it.
      const second = 760000012;
      await join(second);
      await press(second, countButtons.doors);
      const [list] = await server.replies(second, 1);
      expect(list?.buttons.map((row) => row.map((b) => b.text))).toEqual([
        ['✓ главный', 'Северный'],
        ['Другой…'],
      ]);
      expect(await press(second, countButtons.door('Северный'))).toBe(ru.doorChosen('Северный'));
      const [counterAtNorth] = await server.replies(second, 1);
      expect(counterAtNorth?.text).toContain('Вход: Северный');
      await press(second, countButtons.add(5));
      expect(await doorsOf(second)).toEqual({ entry: Array(5).fill('Северный') });

      // Moving to another door mid-shift: the shift ends at the old door and goes on at the new one.
      await press(first, countButtons.doors);
      await server.replies(first, 1);
      expect(await press(first, countButtons.door('main'))).toBe(ru.shiftMoved('main'));
      await server.replies(first, 1);
      await press(first, countButtons.add(1));
      expect(await doorsOf(first)).toEqual({
        'shift-start': ['Северный', 'main'],
        'shift-end': ['Северный'],
        entry: ['Северный', 'main'],
      });
      const volunteer = await volunteerOf(first);
      expect((await services.counting.running(volunteer!)).shiftDoor).toBe('main');
      await counterShows(first, 'Вход: главный');
    });

    it('takes a door name typed after a restart, and a cancelled question leaves the door as it was', async () => {
      const user = 760000013;
      await join(user);
      await press(user, countButtons.doors);
      await server.replies(user, 1);
      await press(user, countButtons.doorOther);
      await server.replies(user, 1);
      await press(user, countButtons.cancel('door'));
      expect((await server.replies(user, 1))[0]?.text).toBe(ru.doorCancelled);
      // No longer asked: the text goes to the rest of the bot, and the door is still the main one.
      server.sendText(user, 'боковой');
      expect((await server.replies(user, 1))[0]?.text).not.toContain('Вход:');
      server.sendText(user, '/count');
      expect((await server.replies(user, 1))[0]?.text).toContain('Вход: главный');
      await press(user, countButtons.doorOther);
      await server.replies(user, 1);
      await stop();
      await start();
      server.sendText(user, 'боковой');
      expect((await server.replies(user, 1))[0]?.text).toContain('Вход: боковой');
    });

    it("/card sends the volunteer's station card as a photo, and anyone else the election's", async () => {
      const user = 760000001;
      server.sendText(user, '/card');
      const [photo] = await server.replies(user, 1, 10_000);
      expect(photo?.text).toBe(ru.cardStation);
      expect(pngSize(photo?.photo ?? Buffer.alloc(0))).toEqual({ width: 1080, height: 1080 });

      const stranger = 760000031;
      server.sendText(stranger, '/card', { languageCode: 'en' });
      const [all] = await server.replies(stranger, 1, 10_000);
      expect(all?.text).toBe(COUNT_BOT_TEXTS.en.cardElection('Test election'));
      expect(pngSize(all?.photo ?? Buffer.alloc(0))).toEqual({ width: 1080, height: 1080 });
      expect(all?.photo?.equals(photo?.photo ?? Buffer.alloc(0))).toBe(false);
    });

    it('lists /count, /queue and /card in the command menu and in /help', async () => {
      const menus = new Map(
        server
          .callsOf('setMyCommands')
          .map((call) => [
            String(call.payload.language_code ?? ''),
            call.payload.commands as { command: string; description: string }[],
          ]),
      );
      for (const [code, lang] of [
        ['ru', 'ru'],
        ['en', 'en'],
        ['', 'en'],
      ] as const)
        expect(menus.get(code)).toEqual(
          expect.arrayContaining(
            (['count', 'queue', 'card'] as const).map((command) => ({
              command,
              description: COUNT_BOT_TEXTS[lang].commands[command],
            })),
          ),
        );
      const user = 760000014;
      server.sendText(user, '/help');
      const [help] = await server.replies(user, 1);
      expect(help?.text).toBe(botHelp(TEXTS.ru.help, 'ru'));
      expect(help?.text).toMatch(
        /^Как мной пользоваться:[\s\S]*\/count — счётчик; \/queue — сообщить, какая очередь/,
      );
      const english = 760000016;
      server.sendText(english, '/help', { languageCode: 'en' });
      expect((await server.replies(english, 1))[0]?.text).toMatch(
        /^How to use me:[\s\S]*\/count — the counter; \/queue — report the queue/,
      );
    });

    it('/privacy tells what count keeps; /forget removes the link to the volunteer but not what was counted', async () => {
      const user = 760000015;
      await join(user);
      await press(user, countButtons.add(1));
      const before = (await services.counting.liveStation(election.id, '8267'))?.counted.value;
      server.sendText(user, '/privacy');
      expect((await server.replies(user, 1))[0]?.text).toBe(TEXTS.ru.privacy(30));
      // What the user's link row holds is what /privacy lists: the label, the door, the time of joining, the
      // question awaiting an answer. Nothing else.
      expect(Object.keys((await database.query('select * from count_user_links'))[0] ?? {}).sort()).toEqual(
        ['awaiting', 'awaiting_until', 'door', 'linked_at', 'user_key', 'volunteer'].sort(),
      );
      server.sendText(user, '/forget');
      await server.replies(user, 1);
      server.pressButton(user, 'forget:yes');
      expect((await server.replies(user, 1))[0]?.text).toBe(TEXTS.ru.forgetDone);
      expect(await volunteerOf(user)).toBeUndefined();
      server.sendText(user, '/count');
      expect((await server.replies(user, 1))[0]?.text).toBe(ru.notJoined);
      expect((await services.counting.liveStation(election.id, '8267'))?.counted.value).toBe(before);
    });

    it('enters exit-poll answers from the counter, once each however often a press is delivered, unlinked from the volunteer', async () => {
      const user = 760000017;
      await join(user);
      await press(user, countButtons.poll);
      const poll = () => server.messagesTo(user).at(-1);
      await server.waitFor(() => poll()?.text.includes(ru.poll('8267', 0)) === true, 4000, 'the poll shown');
      // The election's answers in its order, "declined" last above the way back.
      expect(poll()?.buttons.map((row) => row.map((b) => b.text))).toEqual([
        ['А'],
        ['Недействительный'],
        ['Унесён'],
        ['Отказ'],
        ['← К счётчику'],
      ]);
      expect(await press(user, countButtons.answer('a'))).toBe(ru.answerSaved('А', 1));
      const second = server.pressButton(user, countButtons.answer('a'), { languageCode: 'ru' });
      expect(await answerTo(second)).toBe(ru.answerSaved('А', 2));
      expect(await press(user, countButtons.answer('declined'))).toBe(ru.answerSaved('Отказ', 3));
      server.redeliver(second);
      // The same press under a new update id, as a webhook retry after a restart would bring it: no id to skip it by.
      const { update_id: _, ...press2 } = second;
      const again = server.pushUpdate(press2);
      await answerTo(again);
      await server.quiet(user, 300);
      await server.waitFor(
        () => poll()?.text.includes(ru.poll('8267', 3)) === true,
        4000,
        'the poll showing 3',
      );
      const rows = await database.query(
        `select answer, respondents from count_answers where election = '${election.id}' order by answer`,
      );
      expect(rows.map((r) => [r.answer, Number(r.respondents)])).toEqual([
        ['a', 2],
        ['declined', 1],
      ]);
      // Back to the counter in the same message.
      await press(user, countButtons.counter);
      await server.waitFor(() => poll()?.text.includes('Вы насчитали: 0') === true, 4000, 'the counter back');
    });

    it('speaks English to an English app', async () => {
      const [joined, shown] = await join(760000010, 'en');
      expect(joined?.text).toBe(COUNT_BOT_TEXTS.en.joined('8267', 'Test election'));
      expect(shown?.text).toContain('Your count: 0');
      expect(shown?.buttons[0]?.map((b) => b.text)).toEqual(['Door: main', 'Start shift']);
    });

    it('answered every press, and keeps no Telegram id in the database or the logs', async () => {
      expect(server.unansweredCallbacks()).toEqual([]);
      await stop();
      stopped = true;
      const stored = await database.seize();
      const logs = logLines.join('\n');
      for (let id = 760000001; id <= 760000017; id++) {
        expect(stored).not.toContain(String(id));
        expect(logs).not.toContain(String(id));
      }
    });
  });
