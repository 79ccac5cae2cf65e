import type { Store } from '../store/sql-store.js';
import type { WebMetrics } from './metrics.js';

// The store as the web uses it: every call that fails counts as a database error, and the dialogue's own
// writes tell when a practice starts (the state's practice serial grows) and how it ends (the anonymous
// outcome counter). Counting here rather than in the routes keeps the engine the only judge of what happened.

/** Load/save pairs in flight per user key; bounded so that requests failing between the two cannot grow it. */
const MAX_IN_FLIGHT = 10_000;

function practiceSerial(state: unknown): number {
  if (typeof state !== 'object' || state === null || !('practiceSerial' in state)) return 0;
  return typeof state.practiceSerial === 'number' ? state.practiceSerial : 0;
}

export function instrumentStore(store: Store, metrics: WebMetrics): Store {
  const loadedSerial = new Map<string, number>();

  async function counted<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      metrics.databaseErrors.inc();
      throw error;
    }
  }

  return {
    get description() {
      return store.description;
    },
    loadUser: (key) =>
      counted(async () => {
        const user = await store.loadUser(key);
        if (loadedSerial.size >= MAX_IN_FLIGHT) loadedSerial.clear();
        loadedSerial.set(key, practiceSerial(user?.state));
        return user;
      }),
    saveUser: (key, user, expected) =>
      counted(async () => {
        const version = await store.saveUser(key, user, expected);
        const before = loadedSerial.get(key) ?? 0;
        loadedSerial.delete(key);
        // Two requests of one session at once may pair loads and saves crosswise: a metric may be off by one
        // then, which is acceptable for a counter and cheaper than another read.
        if (version !== undefined && practiceSerial(user.state) > before) metrics.practicesStarted.inc();
        return version;
      }),
    addPracticeSummary: (key, summary) => counted(() => store.addPracticeSummary(key, summary)),
    practiceSummaries: (key, limit) => counted(() => store.practiceSummaries(key, limit)),
    countPositionsMet: (positions, day) => counted(() => store.countPositionsMet(positions, day)),
    countPracticeOutcome: (persona, outcome, day) =>
      counted(async () => {
        await store.countPracticeOutcome(persona, outcome, day);
        metrics.practicesFinished.inc({ outcome });
      }),
    sharePhrasing: (text, lang, day) => counted(() => store.sharePhrasing(text, lang, day)),
    forgetUser: (key) =>
      counted(async () => {
        loadedSerial.delete(key);
        await store.forgetUser(key);
      }),
    deleteIdleUsers: (olderThan) => counted(() => store.deleteIdleUsers(olderThan)),
    positionStats: (days) => counted(() => store.positionStats(days)),
    practiceStats: (days) => counted(() => store.practiceStats(days)),
    sharedPhrasings: () => counted(() => store.sharedPhrasings()),
    // The store belongs to the services: the web never closes it.
    close: async () => {},
  };
}
