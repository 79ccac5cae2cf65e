import type { Store } from '../store/sql-store.js';
import type { WebMetrics } from './metrics.js';

// The store as the web uses it: every call that fails counts as a database error. (Practices started and
// finished are counted from the engine's effects, in the routes.)

export function instrumentStore(store: Store, metrics: WebMetrics): Store {
  function counted<A extends unknown[], T>(call: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
    return async (...args) => {
      try {
        return await call(...args);
      } catch (error) {
        metrics.databaseErrors.inc();
        throw error;
      }
    };
  }

  return {
    get description() {
      return store.description;
    },
    loadUser: counted((key) => store.loadUser(key)),
    saveUser: counted((key, user, expected) => store.saveUser(key, user, expected)),
    addPracticeSummary: counted((key, summary) => store.addPracticeSummary(key, summary)),
    practiceSummaries: counted((key, limit) => store.practiceSummaries(key, limit)),
    countPositionsMet: counted((positions, day) => store.countPositionsMet(positions, day)),
    countPracticeOutcome: counted((persona, outcome, day) =>
      store.countPracticeOutcome(persona, outcome, day),
    ),
    sharePhrasing: counted((text, lang, day) => store.sharePhrasing(text, lang, day)),
    forgetUser: counted((key) => store.forgetUser(key)),
    deleteIdleUsers: counted((olderThan) => store.deleteIdleUsers(olderThan)),
    positionStats: counted((days) => store.positionStats(days)),
    practiceStats: counted((days) => store.practiceStats(days)),
    sharedPhrasings: counted(() => store.sharedPhrasings()),
    // The store belongs to the services: the web never closes it.
    close: async () => {},
  };
}
