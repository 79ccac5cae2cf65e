import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReminderStation } from '../../guide/reminders.js';
import { chatSealer } from '../../store/sealed-chat.js';
import { type BotApiServer, startBotApiServer } from '../../test-support/bot-api-server.js';
import { noticeSkippedPostgres, testDialects } from '../../test-support/databases.js';
import { storeFixture } from '../../test-support/stores.js';
import { type BroadcastOptions, broadcast, previewBroadcast } from './broadcast.js';

// The reminders' broadcast through the local Bot API server, on both databases: what the subscribers receive.

noticeSkippedPostgres();

const ELECTION = 'pres-2024';
const STATIONS: ReminderStation[] = [
  {
    station: '8267',
    city: 'Belgrade',
    address: 'Bulevar crvene armije 28',
    timezone: 'Europe/Belgrade',
    days: ['2024-03-17'],
    opens: '08:00',
    closes: '20:00',
  },
  {
    station: '8026',
    city: 'Yerevan',
    address: null,
    timezone: 'Asia/Yerevan',
    days: ['2024-03-17'],
    opens: '08:00',
    closes: '20:00',
  },
];
/** Both stations' evening reminders are due: 18:00 in Belgrade (17:00Z) and Yerevan (14:00Z) have passed. */
const EVE = new Date('2024-03-16T17:30:00Z');
const sealer = chatSealer('f'.repeat(64));
const keyOf = (chat: number) => `user-${String(chat).padStart(4, '0')}`;

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`the reminders' broadcast on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);
    let server: BotApiServer;

    beforeEach(async () => {
      server = await startBotApiServer();
    });
    afterEach(async () => {
      await server.close();
    });

    /** `count` subscribers (chats 1…count), the even ones at Belgrade in Russian, the odd at Yerevan in English. */
    async function subscribe(count: number) {
      const store = await fixture.open();
      for (let chat = 1; chat <= count; chat++)
        await store.guide.subscribe(keyOf(chat), {
          election: ELECTION,
          station: chat % 2 === 0 ? '8267' : '8026',
          lang: chat % 2 === 0 ? 'ru' : 'en',
          chat: sealer.seal(keyOf(chat), chat),
          until: '2024-03-17',
        });
      return store;
    }

    function options(store: Awaited<ReturnType<typeof subscribe>>, more: Partial<BroadcastOptions> = {}) {
      return {
        api: new Api(server.token, { apiRoot: server.apiRoot }),
        storage: store.guide,
        election: ELECTION,
        stations: STATIONS,
        openChat: (key: string, sealed: string) => sealer.open(key, sealed),
        now: EVE,
        messagesPerSecond: 1000,
        cityName: (city: string, lang: string) =>
          city === 'Belgrade' && lang === 'ru' ? 'Белград' : undefined,
        ...more,
      } satisfies BroadcastOptions;
    }

    const received = (count: number) =>
      Array.from({ length: count }, (_, i) => server.messagesTo(i + 1).length);

    it('sends each subscriber one reminder per due slot, in their language, and nothing more on a rerun', async () => {
      const store = await subscribe(40);
      const report = await broadcast(options(store));
      expect(report).toMatchObject({ sent: 40, blocked: 0, failed: 0, inDoubt: 0, stopped: false });
      expect(received(40)).toEqual(Array(40).fill(1));
      expect(server.messagesTo(2)[0]?.text).toMatch(
        /^Завтра, в воскресенье, 17 марта, — голосование\. Участок № 8267, Белград/,
      );
      expect(server.messagesTo(1)[0]?.text).toMatch(
        /^Tomorrow, Sunday 17 March, is voting day\. Polling station No\. 8026, Yerevan\./,
      );

      expect(await broadcast(options(store))).toMatchObject({ sent: 0, slots: expect.any(Array) });
      // The next morning is another reminder; an hour before the evening one there was none.
      expect((await broadcast(options(store, { now: new Date('2024-03-17T07:30:00Z') }))).sent).toBe(40);
      expect(received(40)).toEqual(Array(40).fill(2));
      expect((await broadcast(options(store, { now: new Date('2024-03-16T13:00:00Z') }))).slots).toEqual([]);
    });

    it('shows what it would send without sending it', async () => {
      const store = await subscribe(5);
      const previews = await previewBroadcast(options(store));
      expect(previews.map((p) => [p.station, p.slot, p.pending])).toEqual([
        ['8026', '2024-03-17:eve', { en: 3 }],
        ['8267', '2024-03-17:eve', { ru: 2 }],
      ]);
      expect(previews[1]?.sample?.text).toContain('Участок № 8267, Белград');
      expect(server.callsOf('sendMessage')).toEqual([]);
    });

    it('waits out a 429 and sends that message again, once', async () => {
      const store = await subscribe(6);
      server.inject429(2, 1);
      const report = await broadcast(options(store));
      expect(report).toMatchObject({ sent: 6, tooManyRequests: 2 });
      expect(received(6)).toEqual(Array(6).fill(1));
    }, 15_000);

    it('keeps to a server that allows fewer messages a second than asked: nothing lost, nothing twice', async () => {
      await server.close();
      server = await startBotApiServer({ messagesPerSecond: 10 });
      const store = await subscribe(24);
      const report = await broadcast(options(store, { messagesPerSecond: 1000, inFlight: 4 }));
      expect(report.sent).toBe(24);
      expect(report.tooManyRequests).toBeGreaterThan(0);
      expect(received(24)).toEqual(Array(24).fill(1));
    }, 20_000);

    it("ends the subscription of a user who blocked the bot or whose account is gone, and the others' go on", async () => {
      const store = await subscribe(6);
      server.block(2);
      server.block(3, 'deactivated');
      const report = await broadcast(options(store));
      expect(report).toMatchObject({ sent: 4, blocked: 2 });
      expect(received(6)).toEqual([1, 0, 0, 1, 1, 1]);
      expect(await store.guide.subscriptions(keyOf(2))).toEqual([]);
      expect(await store.guide.subscriptions(keyOf(3))).toEqual([]);
      expect(await store.guide.subscriptions(keyOf(4))).toHaveLength(1);
    });

    it('stops gracefully after the message in flight, and a restart sends the rest with no duplicate', async () => {
      const store = await subscribe(40);
      const stop = new AbortController();
      let seen = 0;
      await server.close();
      server = await startBotApiServer({
        onSent: () => {
          if (++seen === 15) stop.abort();
        },
      });
      const first = await broadcast(options(store, { signal: stop.signal }));
      expect(first.stopped).toBe(true);
      expect(first.sent).toBe(15);
      const second = await broadcast(options(store));
      expect(second).toMatchObject({ sent: 25, inDoubt: 0, stopped: false });
      expect(received(40)).toEqual(Array(40).fill(1));
    });

    it('does not resend a reminder left in doubt by a killed process (it may have gone out)', async () => {
      const store = await subscribe(4);
      // As a process killed between the claim and the mark leaves it.
      await store.guide.claim(ELECTION, '2024-03-17:eve', keyOf(3));
      const report = await broadcast(options(store));
      expect(report).toMatchObject({ sent: 3, inDoubt: 1 });
      expect(received(4)).toEqual([1, 1, 0, 1]);
    });

    it('gives the claim back when Telegram fails otherwise, so the next run sends it', async () => {
      const store = await subscribe(2);
      const failing = new Api('123:wrong-token', { apiRoot: server.apiRoot });
      const warned: object[] = [];
      const log = { info: () => {}, warn: (data: object) => warned.push(data) };
      expect(await broadcast(options(store, { api: failing, log }))).toMatchObject({ sent: 0, failed: 2 });
      // Logged without text or ids.
      expect(JSON.stringify(warned)).not.toMatch(/user-|Завтра|Tomorrow|"chat/);
      expect((await broadcast(options(store))).sent).toBe(2);
      expect(received(2)).toEqual([1, 1]);
    });
  });
}
