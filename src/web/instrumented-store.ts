import type { Store } from '../store/open-store.js';
import type { WebMetrics } from './metrics.js';

// The store as the web uses it: every call that fails counts as a database error. (Practices started and
// finished are counted from the engine's effects, in the routes.)

export function instrumentStore(store: Store, metrics: WebMetrics): Store {
  /** The repository with each of its calls counted when it fails. */
  function counted<Repository extends object>(repository: Repository): Repository {
    const calls = Object.entries(repository).map(([name, call]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (call as (...args: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          metrics.databaseErrors.inc();
          throw error;
        }
      },
    ]);
    return Object.fromEntries(calls) as Repository;
  }

  return {
    description: store.description,
    users: counted(store.users),
    talk: counted(store.talk),
    // The store belongs to the services: the web never closes it.
    close: async () => {},
  };
}
