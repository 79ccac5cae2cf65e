import { afterEach, beforeEach } from 'vitest';
import type { PracticeSummary } from '../dialogue/storage.js';
import { type OpenStoreOptions, openStore, type Store } from '../store/open-store.js';
import type { TestDatabase, TestDialect } from './databases.js';

/** What a storage suite of one dialect works with: a fresh database per test, and the stores it opened. */
export interface StoreFixture {
  readonly database: TestDatabase;
  /** The clock of the stores opened here; a test may move it. */
  clock: Date;
  /** Opens a store on the test's database (closed after the test). */
  open(options?: OpenStoreOptions): Promise<Store>;
}

/** Call inside a dialect's describe: every test gets a new database, dropped afterwards with its stores. */
export function storeFixture(dialect: TestDialect): StoreFixture {
  let database: TestDatabase | undefined;
  const opened: Store[] = [];
  const fixture: StoreFixture = {
    get database() {
      if (!database) throw new Error('the database is made before each test');
      return database;
    },
    clock: new Date(),
    async open(options = {}) {
      const store = await openStore(fixture.database.url, { now: () => fixture.clock, ...options });
      opened.push(store);
      return store;
    },
  };
  beforeEach(async () => {
    fixture.clock = new Date('2026-03-10T12:00:00.000Z');
    database = await dialect.create();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await database?.drop();
    database = undefined;
  });
  return fixture;
}

/** A finished practice as the dialogue records it, changed where a test needs. */
export function practiceSummary(overrides: Partial<PracticeSummary> = {}): PracticeSummary {
  return {
    finishedAt: '2026-03-10T11:00:00.000Z',
    persona: 'mum',
    position: 'vote-rigged',
    outcome: 'opened',
    turns: 6,
    empathic: 4,
    neutral: 1,
    toxic: 1,
    questions: 3,
    reflections: 2,
    openness: [30, 35, 50, 62],
    ...overrides,
  };
}
