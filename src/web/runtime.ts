import type { Services } from '../app/services.js';
import {
  type Catalogue,
  CatalogueError,
  clearCatalogueCache,
  loadCatalogue,
  type Problem,
} from '../catalogue/load.js';
import { type Coach, createCoach } from '../coach/coach.js';
import { type Conversations, createConversations } from '../dialogue/conversations.js';
import { createEngine, type Engine } from '../dialogue/engine.js';
import { createMatcher, type Matcher } from '../matcher/matcher.js';
import type { Store } from '../store/sql-store.js';

// What the web's routes read on every request: the catalogue and everything trained on it. An admin reload
// builds a complete new set and swaps it in one assignment, so a request sees either the old set or the new,
// never a mixture. The services' own objects (which the bot holds) are left as they are.

export interface CatalogueSet {
  catalogue: Catalogue;
  matcher: Matcher;
  coach: Coach;
  engine: Engine;
  conversations: Conversations;
}

export type ReloadResult =
  | { ok: true; positions: number; personas: number; ms: number }
  | { ok: false; problems: readonly Problem[] };

export interface WebRuntime {
  current(): CatalogueSet;
  reload(): ReloadResult;
}

export function createRuntime(services: Services, store: Store): WebRuntime {
  // The web's own conversations over the services' engine: same engine, but with the instrumented store, so
  // practices and database errors are counted. Its in-memory consent buffer is the web's alone.
  let set: CatalogueSet = {
    catalogue: services.catalogue,
    matcher: services.matcher,
    coach: services.coach,
    engine: services.engine,
    conversations: createConversations({ engine: services.engine, storage: store }),
  };

  return {
    current: () => set,
    reload() {
      const started = performance.now();
      clearCatalogueCache();
      let catalogue: Catalogue;
      try {
        catalogue = loadCatalogue();
      } catch (error) {
        if (error instanceof CatalogueError) return { ok: false, problems: error.problems };
        throw error;
      }
      const matcher = createMatcher(catalogue);
      const coach = createCoach(catalogue, matcher);
      const engine = createEngine({
        catalogue,
        matcher,
        coach,
        retentionDays: services.config.RETENTION_DAYS,
      });
      // A phrasing awaiting consent in the old set is dropped: the user is told it expired and may resend it.
      set = {
        catalogue,
        matcher,
        coach,
        engine,
        conversations: createConversations({ engine, storage: store }),
      };
      return {
        ok: true,
        positions: catalogue.positions.length,
        personas: catalogue.personas.length,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}
