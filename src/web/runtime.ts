import type { Services } from '../app/services.js';
import {
  type Catalogue,
  CatalogueError,
  clearCatalogueCache,
  loadCatalogue,
  type Problem,
} from '../catalogue/load.js';
import { type Conversations, createConversations } from '../dialogue/conversations.js';
import type { Store } from '../store/sql-store.js';

// What the web's routes read on every request: the catalogue, and the conversations over the services' engine
// thread. An admin reload checks the files here, then has the engine thread rebuild from them, then swaps the
// catalogue in one assignment, so a request sees either the old catalogue or the new, never a mixture.

export type ReloadResult =
  | { ok: true; positions: number; personas: number; ms: number }
  | { ok: false; problems: readonly Problem[] };

export interface WebRuntime {
  catalogue(): Catalogue;
  /** The web's own conversations: with the instrumented store, so practices and database errors are counted. */
  readonly conversations: Conversations;
  reload(): Promise<ReloadResult>;
}

export function createRuntime(services: Services, store: Store): WebRuntime {
  let catalogue = services.catalogue;
  // Its in-memory consent buffer is the web's alone.
  const conversations = createConversations({ engine: services.engine, storage: store });

  return {
    catalogue: () => catalogue,
    conversations,
    async reload() {
      const started = performance.now();
      clearCatalogueCache();
      let next: Catalogue;
      try {
        next = loadCatalogue();
      } catch (error) {
        if (error instanceof CatalogueError) return { ok: false, problems: error.problems };
        throw error;
      }
      // The thread reads the same files; if they broke in the moment between, it keeps its set, and so do we.
      if (!(await services.engine.reload())) {
        const problem = {
          file: 'content/',
          field: '',
          message: 'the files changed during the reload; try again',
        };
        return { ok: false, problems: [problem] };
      }
      catalogue = next;
      return {
        ok: true,
        positions: catalogue.positions.length,
        personas: catalogue.personas.length,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}
