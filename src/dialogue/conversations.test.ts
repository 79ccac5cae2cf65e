import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createCoach } from '../coach/coach.js';
import { createMatcher } from '../matcher/matcher.js';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';
import { coreButtons } from './buttons.js';
import { createConversations } from './conversations.js';
import { createEngine, type Engine } from './engine.js';
import { MemoryStorage } from './memory-storage.js';
import { initialState } from './state.js';
import type { StoredUser } from './storage.js';
import { talkButtons } from './talk/buttons.js';

let engine: Engine;

beforeAll(() => {
  const catalogue = loadCatalogue();
  const matcher = createMatcher(catalogue);
  engine = createEngine({ catalogue, matcher, coach: createCoach(catalogue, matcher) });
});

const UNRECOGNISED = 'у соседей кот опять залез на антресоль';

/** A practice as version 2 stored it, one reply in. */
const VERSION_2 = {
  version: 2,
  lang: 'en',
  mode: 'practice',
  rng: 1,
  practiceSerial: 1,
  practice: {
    persona: 'mother',
    position: 'support-troops',
    openness: 10,
    turn: 1,
    used: ['line:support-troops:defensive:2', 'reaction:hurt:4'],
    lastLine: 'I feel really hurt, honestly.',
    opennessTrail: [25, 10],
    counts: { empathic: 0, neutral: 0, toxic: 1, questions: 0, reflections: 0 },
    tips: [['Drop the insult ("zombie"): it makes people defend themselves instead of listening.', 1]],
    serial: 1,
    maxTurns: 12,
    history: [
      {
        position: 'support-troops',
        openness: 25,
        lastLine: 'Now is not the time to scold our own.',
        counts: { empathic: 0, neutral: 0, toxic: 0, questions: 0, reflections: 0 },
        usedAdded: true,
        tipIndices: [0],
        newTips: 1,
        rng: 2,
      },
    ],
  },
};

describe('conversations', () => {
  it.each([
    { about: 'of no known shape', state: { version: 0, something: 'old' } },
    { about: 'of version 2, which kept lines and tips as text', state: VERSION_2 },
    { about: 'that is not JSON (a damaged row)', state: '{"version":3,"lang":' },
  ])('resets a stored state $about, tells the user, and carries on', async ({ state }) => {
    const storage = new MemoryStorage();
    const text = typeof state === 'string' ? state : JSON.stringify(state);
    storage.users.set('u', { lang: 'en', state: text, version: 3 });
    const conversations = createConversations({ engine, users: storage, talk: storage });
    const reply = await conversations.handle('u', { kind: 'command', name: 'menu' });
    expect(reply.messages[0]?.text).toContain("couldn't continue");
    expect(reply.messages[1]?.text).toBe('What shall we do?');
    expect(storage.users.get('u')?.version).toBe(4);
  });

  it('holds an unrecognised phrasing in memory only, and only for a while', async () => {
    const storage = new MemoryStorage();
    let now = new Date('2026-11-25T10:00:00Z');
    const conversations = createConversations({
      engine,
      users: storage,
      talk: storage,
      now: () => now,
      pendingMs: 60_000,
    });
    await conversations.handle('u', { kind: 'text', text: UNRECOGNISED });
    expect(JSON.stringify([...storage.users.values()])).not.toContain('антресоль');

    now = new Date('2026-11-25T10:02:00Z');
    const late = await conversations.handle('u', { kind: 'button', data: talkButtons.share(true) });
    expect(late.messages[0]?.text).toContain('забыл');
    expect(storage.phrasings).toEqual([]);

    await conversations.handle('u', { kind: 'text', text: UNRECOGNISED });
    await conversations.handle('u', { kind: 'button', data: talkButtons.share(true) });
    expect(storage.phrasings).toEqual([{ text: UNRECOGNISED, lang: 'ru', day: '2026-11-25' }]);
  });

  it('steps again on the newer state when another instance saved first, losing no update', async () => {
    const storage = new MemoryStorage();
    const conversations = createConversations({ engine, users: storage, talk: storage, seed: () => 1 });
    await conversations.handle('u', { kind: 'command', name: 'start' });
    // Another instance switches the language between our read and our write, once.
    const save = storage.saveUser.bind(storage);
    let interfered = false;
    storage.saveUser = async (
      key: string,
      user: Omit<StoredUser, 'version'>,
      expected: number | undefined,
    ) => {
      if (!interfered) {
        interfered = true;
        const current = storage.users.get(key);
        await save(key, { lang: 'en', state: JSON.stringify(initialState('en', 1)) }, current?.version);
      }
      return save(key, user, expected);
    };
    const reply = await conversations.handle('u', { kind: 'command', name: 'menu' });
    expect(reply.messages[0]?.text).toBe('What shall we do?');
    expect(storage.users.get('u')?.lang).toBe('en');
  });

  it('keeps practice summaries for the progress view, and forgets everything on request', async () => {
    const storage = new MemoryStorage();
    const conversations = createConversations({ engine, users: storage, talk: storage, seed: () => 5 });
    await conversations.handle('u', { kind: 'button', data: talkButtons.persona('grandmother') });
    await conversations.handle('u', {
      kind: 'text',
      text: 'Бабуль, я слышу, как тебе тревожно. Что тебя пугает?',
    });
    await conversations.handle('u', { kind: 'command', name: 'stop' });
    const progress = await conversations.handle('u', { kind: 'command', name: 'progress' });
    expect(progress.messages[0]?.text).toMatch(/последние тренировки \(1\)/);
    expect(storage.practiceOutcomes.size).toBe(1);

    await conversations.handle('u', { kind: 'button', data: coreButtons.forget(true) });
    expect(storage.users.has('u')).toBe(false);
    expect(storage.summaries.has('u')).toBe(false);
  });
});

noticeSkippedPostgres();

const REPLY = 'Ну ладно, понятно.';

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`conversations on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    it('answers ten messages sent at once in the order they came, none lost', async () => {
      const store = await fixture.open();
      const conversations = createConversations({
        engine,
        users: store.users,
        talk: store.talk,
        seed: () => 3,
      });
      await conversations.handle('u', { kind: 'button', data: talkButtons.persona('mother') });
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => conversations.handle('u', { kind: 'text', text: REPLY })),
      );
      expect(replies.map((reply) => reply.state.practice?.turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('serves one user from two instances on one database, ten messages at once, without an error', async () => {
      const [first, second] = [await fixture.open(), await fixture.open()];
      const instances = [first, second].map((store) =>
        createConversations({ engine, users: store.users, talk: store.talk, seed: () => 3 }),
      );
      await instances[0]?.handle('u', { kind: 'button', data: talkButtons.persona('mother') });
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) => instances[i % 2]?.handle('u', { kind: 'text', text: REPLY })),
      );
      expect(replies.every((reply) => reply?.messages.length)).toBe(true);
      // Every reply was stepped on the state the one before left: the practice counted ten turns.
      const turns = replies.map((reply) => reply?.state.practice?.turn ?? 0).sort((a, b) => a - b);
      expect(turns).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
  });
}
