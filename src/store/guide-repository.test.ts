import { describe, expect, it } from 'vitest';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';
import { chatSealer } from './sealed-chat.js';

// Reminder subscriptions and the record of sends (issue 20), on every database the store supports.

noticeSkippedPostgres();

const SECRET = 'f'.repeat(64);
const CHAT_ID = 987654321;

describe('a sealed chat id', () => {
  it('opens only for its row and under its secret', () => {
    const sealer = chatSealer(SECRET);
    const sealed = sealer.seal('key-a', CHAT_ID);
    expect(sealed).not.toContain(String(CHAT_ID));
    expect(sealer.seal('key-a', CHAT_ID)).not.toBe(sealed);
    expect(sealer.open('key-a', sealed)).toBe(CHAT_ID);
    expect(sealer.open('key-b', sealed)).toBeUndefined();
    expect(chatSealer('e'.repeat(64)).open('key-a', sealed)).toBeUndefined();
    expect(sealer.open('key-a', 'not sealed')).toBeUndefined();
    expect(sealer.open('key-a', `${sealed.slice(0, -2)}AA`)).toBeUndefined();
    expect(sealer.open('key-a', sealer.seal('key-a', -1001234567890))).toBe(-1001234567890);
  });
});

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`reminders on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);
    const sealer = chatSealer(SECRET);
    const subscription = (station: string, key = 'k1') => ({
      election: 'pres-2024',
      station,
      lang: 'ru' as const,
      chat: sealer.seal(key, CHAT_ID),
      until: '2024-03-17',
    });

    it('keeps one subscription per user and election: a new one replaces the old', async () => {
      const { guide } = await fixture.open();
      await guide.subscribe('k1', subscription('8267'));
      await guide.subscribe('k1', { ...subscription('8026'), lang: 'en' });
      await guide.subscribe('k1', { ...subscription('9999'), election: 'duma-2026', until: '2026-09-20' });
      await guide.subscribe('k2', subscription('8267', 'k2'));
      expect(await guide.subscriptions('k1')).toEqual([
        { election: 'duma-2026', station: '9999', lang: 'ru' },
        { election: 'pres-2024', station: '8026', lang: 'en' },
      ]);
      expect(await guide.subscribedElections()).toEqual(['duma-2026', 'pres-2024']);
      expect(await guide.subscriberCounts('pres-2024')).toEqual([
        { station: '8026', lang: 'en', subscribers: 1 },
        { station: '8267', lang: 'ru', subscribers: 1 },
      ]);
      expect(await guide.unsubscribe('k1', 'duma-2026')).toBe(1);
      expect(await guide.unsubscribe('k1')).toBe(1);
      expect(await guide.unsubscribe('k1')).toBe(0);
      expect(await guide.subscriptions('k1')).toEqual([]);
    });

    it('claims a send once, lists only those not claimed, and gives a claim back', async () => {
      const { guide } = await fixture.open();
      for (const key of ['a', 'b', 'c']) await guide.subscribe(key, subscription('8267', key));
      const slot = '2024-03-17:eve';
      expect(await guide.claim('pres-2024', slot, 'a')).toBe(true);
      expect(await guide.claim('pres-2024', slot, 'a')).toBe(false);
      await guide.mark('pres-2024', slot, 'a', 'sent');
      expect(await guide.claim('pres-2024', slot, 'b')).toBe(true);
      const keys = async (after?: string) =>
        (await guide.recipients('pres-2024', '8267', slot, { limit: 10, ...(after ? { after } : {}) })).map(
          (r) => r.userKey,
        );
      expect(await keys()).toEqual(['c']);
      expect(await guide.recipients('pres-2024', '8267', '2024-03-17:morning', { limit: 2 })).toEqual([
        { userKey: 'a', lang: 'ru', chat: expect.any(String) },
        { userKey: 'b', lang: 'ru', chat: expect.any(String) },
      ]);
      expect(await keys('c')).toEqual([]);
      await guide.release('pres-2024', slot, 'b');
      // A sent row is never given back.
      await guide.release('pres-2024', slot, 'a');
      expect(await keys()).toEqual(['b', 'c']);
      expect(await guide.sendCounts('pres-2024')).toEqual([{ slot, state: 'sent', sends: 1 }]);
    });

    it('is deleted with the user at /forget, keeps no raw chat id, and outlives idle time until the vote is past', async () => {
      const store = await fixture.open();
      const { guide, users } = store;
      await users.saveUser('k1', { lang: 'ru', state: '{}' }, undefined);
      await guide.subscribe('k1', subscription('8267'));
      await guide.claim('pres-2024', '2024-03-17:eve', 'k1');
      expect(await fixture.database.seize()).not.toContain(String(CHAT_ID));
      const [recipient] = await guide.recipients('pres-2024', '8267', '2024-03-17:morning', { limit: 1 });
      expect(sealer.open('k1', recipient?.chat ?? '')).toBe(CHAT_ID);

      // Idle since 10 March 2026: the user row goes after 30 days; the subscription until 30 days after the vote.
      await guide.subscribe('k2', {
        ...subscription('8267', 'k2'),
        election: 'duma-2026',
        until: '2026-09-20',
      });
      await users.saveUser('k2', { lang: 'ru', state: '{}' }, undefined);
      expect(await users.deleteIdleUsers(new Date('2026-04-20T00:00:00Z'))).toBe(2);
      expect(await guide.subscriptions('k2')).toHaveLength(1);
      // k1's vote (2024) is long past: retention took its subscription and its send.
      expect(await guide.subscriptions('k1')).toEqual([]);
      expect(await guide.sendCounts('pres-2024')).toEqual([]);
      await users.deleteIdleUsers(new Date('2026-10-21T00:00:00Z'));
      expect(await guide.subscriptions('k2')).toEqual([]);

      await guide.subscribe('user-key-to-forget', subscription('8267', 'user-key-to-forget'));
      await guide.claim('pres-2024', '2024-03-17:eve', 'user-key-to-forget');
      await users.forgetUser('user-key-to-forget');
      expect(await guide.subscriptions('user-key-to-forget')).toEqual([]);
      expect(await fixture.database.seize()).not.toContain('user-key-to-forget');
    });
  });
}
