import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Services } from '../app/services.js';
import { BoundedSet } from './bounded-set.js';
import { type AdapterDeps, BotContext, type BotPart } from './context.js';
import { forget, help, language, menu, privacy } from './core.js';
import { countCard } from './count/card-command.js';
import { COUNT_TAPS, count } from './count/count.js';
import { describeError } from './errors.js';
import { fallback } from './fallback.js';
import { groupChats } from './group-chats.js';
import { guide } from './guide/guide.js';
import { langOf } from './language.js';
import { rateLimiting } from './rate-limiting.js';
import { talk } from './talk/talk.js';
import { telegramFetch } from './telegram-fetch.js';
import { BOT_TEXTS } from './texts.js';

export interface BotOptions {
  /** Default: TELEGRAM_BOT_TOKEN. */
  token?: string;
  /** Default: TELEGRAM_API_ROOT, else Telegram's. */
  apiRoot?: string;
  /** Known bot info, so that no getMe is needed (start.ts checks the token itself; unit tests pass one). */
  botInfo?: UserFromGetMe;
  /** Default: 20 messages a minute per user. */
  rateLimit?: { messages: number; perMs: number };
  /** Show "typing…" when a reply takes longer than this (default 300 ms; 0: before every reply). */
  typingAfterMs?: number;
  /** How many recent update ids are remembered to drop re-deliveries (default 10,000). */
  recentUpdates?: number;
  /** The clock of the rate limit (tests move it). */
  now?: () => number;
  /** auto-retry: give up on a 429 asking to wait longer than this (default 30 s) or after this many retries. */
  retry?: { maxDelaySeconds?: number; maxRetryAttempts?: number };
  /** The parts' composers, in any order (default: PARTS); what none of them takes goes to the fallback. */
  parts?: readonly BotPart[];
}

/** Every part of the bot: the shared ones, then talk, the guide and count. */
export const PARTS: readonly BotPart[] = [
  menu,
  language,
  privacy,
  forget,
  help,
  talk,
  guide,
  count,
  countCard,
];

export const DEFAULT_RATE_LIMIT = { messages: 20, perMs: 60_000 };

/**
 * The bot: a thin adapter from Telegram updates to `services.conversations` and back. Middleware, in order:
 * the log line, re-delivery filter, one update at a time per chat, an error boundary around the rest: private
 * chats only, the per-user rate limit, one composer per part, and the fallback for what no part took.
 */
export function createBot(services: Services, options: BotOptions = {}): Bot<BotContext> {
  const token = options.token ?? services.config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const apiRoot = options.apiRoot ?? services.config.TELEGRAM_API_ROOT;
  const bot = new Bot<BotContext>(token, {
    ContextConstructor: BotContext,
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: {
      fetch: telegramFetch,
      // grammY refuses a trailing slash; people copy URLs with one.
      ...(apiRoot ? { apiRoot: apiRoot.replace(/\/+$/, '') } : {}),
    },
  });
  bot.api.config.use(
    autoRetry({
      maxDelaySeconds: options.retry?.maxDelaySeconds ?? 30,
      maxRetryAttempts: options.retry?.maxRetryAttempts ?? 5,
      // A network failure fails the update (logged) rather than hold it, and a graceful stop, for an hour.
      rethrowHttpErrors: true,
    }),
  );

  const { log } = services;
  const deps: AdapterDeps = {
    conversations: services.conversations,
    users: services.store.users,
    talk: services.store.talk,
    counting: services.counting,
    volunteers: services.store.count,
    // Read at each use: an admin reload replaces it.
    get catalogue() {
      return services.catalogue;
    },
    reminders: {
      async subscribe(userKey, chatId, election, station, lang) {
        // Kept until the station's last voting day; the chat only sealed under the secret (store/sealed-chat.ts).
        const { catalogue } = services;
        const days =
          catalogue.stations.get(election)?.find((s) => s.station === station)?.days ??
          catalogue.elections.find((e) => e.id === election)?.days ??
          [];
        const chat = services.chats.seal(userKey, chatId);
        await services.store.guide.subscribe(userKey, {
          election,
          station,
          lang,
          chat,
          until: days.at(-1) ?? '',
        });
      },
      async unsubscribe(userKey) {
        await services.store.guide.unsubscribe(userKey);
      },
    },
    log,
    userKey: (id) => services.userKey('telegram', id),
    chatKey: (id) => services.userKey('telegram-chat', id),
    typingAfterMs: options.typingAfterMs ?? 300,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
  };
  const recentCapacity = options.recentUpdates ?? 10_000;
  const recent = new BoundedSet<number>(recentCapacity);

  // One line per update: what kind, how long, which positions. Never text, never an id.
  bot.use(async (ctx, next) => {
    const started = performance.now();
    ctx.report.kind = initialKind(ctx);
    try {
      await next();
    } finally {
      const { kind, positions, mode } = ctx.report;
      log.info(
        {
          event: 'telegram-update',
          kind,
          ms: Math.round(performance.now() - started),
          ...(positions.length > 0 ? { positions } : {}),
          ...(mode ? { mode } : {}),
        },
        'telegram update',
      );
    }
  });

  // The same update delivered twice (a webhook retry, a restart before the offset was confirmed) is answered
  // once. In memory: another instance behind the same webhook would not know (see the README). Telegram numbers
  // updates in order, so one far older than the newest seen is a late copy even after the set forgot it (under
  // load, tens of thousands of updates can come between an update and its copy).
  let newest = -1;
  bot.use((ctx, next) => {
    const id = ctx.update.update_id;
    const late = id < newest - recentCapacity;
    newest = Math.max(newest, id);
    if (!late && recent.add(id)) return next();
    ctx.report.kind = `duplicate:${ctx.report.kind}`;
  });

  // The runner handles updates concurrently; one chat's updates must still be handled in order.
  bot.use(sequentialize((ctx: BotContext) => (ctx.chat ?? ctx.from)?.id.toString()));

  const guarded = bot.errorBoundary(async ({ ctx, error }) => {
    log.error(
      { event: 'telegram-update-failed', kind: ctx.report.kind, error: describeError(error) },
      'update failed',
    );
    if (ctx.chat?.type === 'private')
      await ctx.api
        .sendMessage(ctx.chat.id, BOT_TEXTS[langOf(ctx.from?.language_code)].failed)
        .catch(() => {});
  });
  guarded.use(groupChats(deps));
  guarded.use((ctx, next) => {
    if (ctx.from) ctx.userKey = deps.userKey(ctx.from.id);
    return next();
  });
  guarded.use(rateLimiting(deps, { ...(options.now ? { now: options.now } : {}), taps: COUNT_TAPS }));
  for (const part of options.parts ?? PARTS) guarded.use(part(deps));
  guarded.use(fallback(deps));

  // Reached only if the boundary above itself failed; grammY's default would print the whole context.
  bot.catch((error) => {
    log.error({ event: 'telegram-update-failed', error: describeError(error.error) }, 'update failed');
  });
  return bot;
}

function initialKind(ctx: BotContext): string {
  if (ctx.message?.text !== undefined) return 'message:text';
  if (ctx.message) return 'message';
  if (ctx.callbackQuery) return 'button';
  return Object.keys(ctx.update).find((key) => key !== 'update_id') ?? 'other';
}
