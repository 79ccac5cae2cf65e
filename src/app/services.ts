import { type Logger, pino } from 'pino';
import {
  type Catalogue,
  CatalogueError,
  clearCatalogueCache,
  loadCatalogue,
  type Problem,
} from '../catalogue/load.js';
import { type Counting, createCounting } from '../count/counting.js';
import { createForms, type Forms } from '../count/forms.js';
import { createResults, type Results } from '../count/results.js';
import { createReviews, type Reviews } from '../count/reviews.js';
import { type Conversations, createConversations } from '../dialogue/conversations.js';
import { type EngineThread, startEngineThread } from '../dialogue/engine-thread.js';
import { dataDirFor, parseDatabaseUrl } from '../store/database-url.js';
import { openStore, type Store } from '../store/open-store.js';
import { type Retention, startRetention } from '../store/retention.js';
import { type ChatSealer, chatSealer } from '../store/sealed-chat.js';
import { loadSecret, userKey } from '../store/user-key.js';
import { type Config, readConfig } from './config.js';

// The composition root: everything a front end (web, bot, commands) needs, built once per process.

export type ReloadResult =
  | { ok: true; positions: number; personas: number; ms: number }
  | { ok: false; problems: readonly Problem[] };

export interface Services {
  config: Config;
  log: Logger;
  /** The catalogue as last loaded: read it anew for each request, since a reload replaces it. */
  readonly catalogue: Catalogue;
  /** The engine, the matcher and the coach, on a thread of their own so the event loop stays free for I/O. */
  engine: EngineThread;
  store: Store;
  conversations: Conversations;
  /** Count's use cases: volunteers joining and counting, and the live figures. */
  counting: Counting;
  /** After the polls close: importing official results, tallies and others' exit polls; the report. */
  results: Results;
  /** Voters' self-filled exit-poll forms: single-use codes, one answer each. */
  forms: Forms;
  /** Coordinators' review of a station, and excluding a volunteer's data from the figures. */
  reviews: Reviews;
  /** The pseudonymous key of a channel's user: the only form in which a user id reaches the store. */
  userKey(channel: string, id: string | number): string;
  /**
   * Seals a chat id for a reminder subscription (and opens it for the broadcast): the only form in which a chat
   * id reaches the store (store.guide.subscribe).
   */
  chats: ChatSealer;
  /**
   * Reads the catalogue files again: checked here first, then rebuilt by the engine thread, then swapped in, so
   * that the web and the bot of this process answer from the new one. A catalogue with problems is refused and
   * the running one kept.
   */
  reloadCatalogue(): Promise<ReloadResult>;
  /** Starts the job that deletes idle users (at once, then periodically); `startServices` does unless told not to. */
  startRetention(): void;
  close(): Promise<void>;
}

export interface ServicesOptions {
  env?: NodeJS.ProcessEnv;
  /** A logger to use instead of one made from LOG_LEVEL (tests pass a silent one). */
  log?: Logger;
  /** Start the retention job at once (default true); a server starts it after it is listening instead. */
  retention?: boolean;
}

export function createLogger(config: Config): Logger {
  // Logs carry event kinds, position ids and timings, never message text or user ids.
  // Written asynchronously: a synchronous write per line made every update wait for the pipe. pino flushes what
  // is left when the process exits.
  return pino({ level: config.LOG_LEVEL, base: undefined }, pino.destination({ dest: 1, sync: false }));
}

export async function startServices(options: ServicesOptions = {}): Promise<Services> {
  const env = options.env ?? process.env;
  const config = readConfig(env);
  const log = options.log ?? createLogger(config);
  // The database and the secret first: a person's mistake there is reported at once, not after the model.
  const store = await openStore(config.DATABASE_URL, { log });
  let retention: Retention | undefined;
  let starting: Promise<EngineThread> | undefined;
  try {
    const { secret } = loadSecret({ env, dataDir: dataDirFor(parseDatabaseUrl(config.DATABASE_URL)) });
    // The thread starts building (it reads the catalogue and trains the matcher) while this thread reads the
    // catalogue for the front ends' titles and texts: the same files, read on two cores at once. A problem in
    // them is reported from here, with the files named.
    starting = startEngineThread({
      retentionDays: config.RETENTION_DAYS,
      // The reason is an error's message from the engine's code, never a user's text.
      onStopped: (reason) => log.error({ event: 'engine-thread-stopped', reason }, 'engine thread stopped'),
    });
    let catalogue = loadCatalogue();
    const thread = await starting;
    const conversations = createConversations({ engine: thread, users: store.users, talk: store.talk });
    const counting = createCounting({ storage: store.count, shipped: () => catalogue.elections });
    const services: Services = {
      config,
      log,
      get catalogue() {
        return catalogue;
      },
      engine: thread,
      store,
      conversations,
      counting,
      results: createResults({
        counting,
        storage: store.count,
        pseudonym: (election, label) => userKey(secret, `tally:${election}`, label),
        openData: { url: config.PUBLIC_URL, licence: config.OPEN_DATA_LICENCE },
      }),
      forms: createForms({ counting, storage: store.count }),
      reviews: createReviews({ counting, storage: store.count }),
      userKey: (channel, id) => userKey(secret, channel, id),
      chats: chatSealer(secret),
      async reloadCatalogue() {
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
        if (!(await thread.reload())) {
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
          positions: next.positions.length,
          personas: next.personas.length,
          ms: Math.round(performance.now() - started),
        };
      },
      startRetention() {
        retention ??= startRetention({ users: store.users, days: config.RETENTION_DAYS, log });
      },
      async close() {
        retention?.stop();
        counting.close();
        await thread.close();
        await store.close();
      },
    };
    if (options.retention !== false) services.startRetention();
    return services;
  } catch (error) {
    retention?.stop();
    await starting?.then(
      (thread) => thread.close(),
      () => {},
    );
    await store.close();
    throw error;
  }
}
