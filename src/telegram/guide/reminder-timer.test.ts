import { Api } from 'grammy';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load.js';
import { chatSealer } from '../../store/sealed-chat.js';
import { type BotApiServer, startBotApiServer } from '../../test-support/bot-api-server.js';
import { testDialects } from '../../test-support/databases.js';
import { storeFixture } from '../../test-support/stores.js';
import { startReminderTimer } from './reminder-timer.js';

// The running bot sends the reminders that fall due, with the shipped stations when none were imported.

const [sqlite] = testDialects();

describe('the reminders of the running bot', () => {
  const fixture = storeFixture(sqlite!);
  let server: BotApiServer;
  beforeEach(async () => {
    server = await startBotApiServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends what is due to every subscriber once, however often it checks', async () => {
    const store = await fixture.open();
    const chats = chatSealer('d'.repeat(64));
    for (const chat of [1, 2, 3])
      await store.guide.subscribe(`key-${chat}`, {
        election: 'pres-2024',
        station: '8267',
        lang: chat === 3 ? 'en' : 'ru',
        chat: chats.seal(`key-${chat}`, chat),
        until: '2024-03-17',
      });
    const timer = startReminderTimer(
      { store, catalogue: loadCatalogue(), chats, log: pino({ level: 'silent' }) },
      new Api(server.token, { apiRoot: server.apiRoot }),
      { intervalMs: 20, now: () => new Date('2024-03-17T07:10:00Z') },
    );
    await server.waitFor(() => server.callsOf('sendMessage').length === 3, 5000, 'three reminders');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await timer.stop();
    expect([1, 2, 3].map((chat) => server.messagesTo(chat).length)).toEqual([1, 1, 1]);
    expect(server.messagesTo(1)[0]?.text).toMatch(
      /^Доброе утро! Сегодня, 17 марта, можно проголосовать\. Участок № 8267, Белград/,
    );
  });
});
