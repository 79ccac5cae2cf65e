import { type Logger, pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { coreButtons } from '../dialogue/buttons.js';
import type { UserEvent } from '../dialogue/messages.js';
import { talkButtons } from '../dialogue/talk/buttons.js';
import { noticeSkippedPostgres, type TestDatabase, testDialects } from '../test-support/databases.js';
import { type Services, startServices } from './services.js';

// The promise to people at risk, checked the way a seizure would see it: a whole advice and practice session
// goes through the real services and database, then the database is read raw for what the user typed.

noticeSkippedPostgres();

const TELEGRAM_ID = 987654321;
const ADVICE = 'да всё равно нарисуют сколько надо, зачем идти';
const UNRECOGNISED = 'соседка Зинаида опять поливает герань на балконе';
const REPLIES = [
  'Мам, я слышу, как тебе тревожно за меня. Что тебя больше всего пугает?',
  'Ну ты и зомби, тебе промыли мозги',
  'Насколько ты в этом уверена, от 0 до 10?',
];

/** How the text's bytes look in a latin1 dump of the file, and how PostgreSQL prints it. */
function traces(text: string): string[] {
  return [Buffer.from(text, 'utf8').toString('latin1'), text];
}

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`privacy on ${dialect.name}`, () => {
    let database: TestDatabase | undefined;
    let services: Services | undefined;

    afterEach(async () => {
      await services?.close();
      await database?.drop();
    });

    /** The services as a real start makes them, on the test's database. */
    function start(on: TestDatabase, log: Logger = pino({ level: 'silent' })): Promise<Services> {
      return startServices({
        env: { DATABASE_URL: on.url, SOBESEDNIK_SECRET: 'f'.repeat(64) },
        log,
        retention: false,
      });
    }

    it('keeps no typed text and no raw id after a whole session, and forgets the user entirely', async () => {
      database = await dialect.create();
      const logged: string[] = [];
      services = await start(
        database,
        pino({ level: 'debug' }, { write: (line: string) => logged.push(line) }),
      );
      const key = services.userKey('telegram', TELEGRAM_ID);
      const send = (event: UserEvent) => services?.conversations.handle(key, event, { lang: 'ru' });

      await send({ kind: 'command', name: 'start' });
      const advice = await send({ kind: 'text', text: ADVICE });
      expect(advice?.messages[0]?.text).toContain('Ответ 1');
      const unrecognised = await send({ kind: 'text', text: UNRECOGNISED });
      expect(unrecognised?.messages[0]?.text).toContain('не узнал');
      await send({ kind: 'button', data: talkButtons.share(false) });
      await send({ kind: 'button', data: talkButtons.persona('mother') });
      for (const reply of REPLIES) await send({ kind: 'text', text: reply });
      await send({ kind: 'command', name: 'stop' });

      const seized = await database.seize();
      for (const text of [ADVICE, UNRECOGNISED, ...REPLIES, String(TELEGRAM_ID)]) {
        for (const trace of traces(text)) expect(seized.includes(trace), `found "${text}"`).toBe(false);
      }
      for (const text of [ADVICE, UNRECOGNISED, REPLIES[0] ?? '', String(TELEGRAM_ID)]) {
        expect(logged.join('\n')).not.toContain(text);
      }
      // What is kept is there: the user's state under its key, the summary in numbers, the anonymous counts.
      expect(seized).toContain(key);
      expect((await services.store.talk.practiceSummaries(key, 10)).at(0)?.turns).toBe(REPLIES.length);
      expect((await services.store.talk.positionStats(1)).positions.map((stat) => stat.position)).toContain(
        'vote-rigged',
      );

      await send({ kind: 'command', name: 'forget' });
      await send({ kind: 'button', data: coreButtons.forget(true) });
      expect(await services.store.users.loadUser(key)).toBeUndefined();
      expect(await services.store.talk.practiceSummaries(key, 10)).toEqual([]);
      await services.close();
      services = undefined;
      expect((await database.seize()).includes(key)).toBe(false);
    });

    it('keeps no typed words mid-practice, not even those the coach quotes back in a tip', async () => {
      database = await dialect.create();
      services = await start(database);
      const key = services.userKey('telegram', TELEGRAM_ID);
      const send = (event: UserEvent) => services?.conversations.handle(key, event, { lang: 'ru' });

      await send({ kind: 'command', name: 'practice' });
      await send({ kind: 'button', data: talkButtons.persona('mother') });
      const [warm = '', toxic = ''] = REPLIES;
      await send({ kind: 'text', text: warm });
      const judged = await send({ kind: 'text', text: toxic });
      // The words of the reply that the tips quote, as the user sees them: «зомби», «промыли мозги».
      const quoted = (judged?.messages[0]?.feedback?.tips ?? [])
        .flatMap((tip) => [...tip.matchAll(/«([^»]+)»/g)].map((match) => match[1] ?? ''))
        .filter((fragment) => fragment !== '' && toxic.includes(fragment));
      expect(quoted.length, 'the coach quotes the reply back').toBeGreaterThan(0);
      expect(JSON.parse((await services.store.users.loadUser(key))?.state ?? '{}')).toMatchObject({
        mode: 'practice',
      });

      const seized = await database.seize();
      for (const text of [warm, toxic, ...quoted]) {
        for (const trace of traces(text)) expect(seized.includes(trace), `found "${text}"`).toBe(false);
      }
    });

    it('keeps a phrasing only after consent, with no link to the user', async () => {
      database = await dialect.create();
      services = await start(database);
      const key = services.userKey('telegram', TELEGRAM_ID);
      await services.conversations.handle(key, { kind: 'text', text: UNRECOGNISED }, { lang: 'ru' });
      expect(await services.store.talk.sharedPhrasings()).toEqual([]);
      await services.conversations.handle(key, { kind: 'button', data: talkButtons.share(true) });
      const shared = await services.store.talk.sharedPhrasings();
      expect(shared.map((phrasing) => phrasing.text)).toEqual([UNRECOGNISED]);
      expect(JSON.stringify(shared)).not.toContain(key);
    });

    it('keeps a reminder subscription with the chat sealed, and /forget removes it', async () => {
      database = await dialect.create();
      services = await start(database);
      const key = services.userKey('telegram', TELEGRAM_ID);
      await services.conversations.handle(key, { kind: 'command', name: 'start' }, { lang: 'ru' });
      await services.store.guide.subscribe(key, {
        election: 'pres-2024',
        station: '8267',
        lang: 'ru',
        chat: services.chats.seal(key, TELEGRAM_ID),
        until: '2024-03-17',
      });
      const seized = await database.seize();
      expect(seized).toContain(key);
      for (const trace of traces(String(TELEGRAM_ID))) expect(seized.includes(trace)).toBe(false);
      const [recipient] = await services.store.guide.recipients('pres-2024', '8267', '2024-03-17:eve', {
        limit: 1,
      });
      expect(services.chats.open(key, recipient?.chat ?? '')).toBe(TELEGRAM_ID);

      await services.conversations.handle(key, { kind: 'command', name: 'forget' });
      await services.conversations.handle(key, { kind: 'button', data: coreButtons.forget(true) });
      expect(await services.store.guide.subscriptions(key)).toEqual([]);
      await services.close();
      services = undefined;
      expect((await database.seize()).includes(key)).toBe(false);
    });
  });
}
