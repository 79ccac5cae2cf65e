import { Composer } from 'grammy';
import { RateLimiter } from '../app/rate-limit.js';
import type { Lang } from '../catalogue/schema.js';
import type { AdapterDeps, BotContext } from './context.js';
import { langOf } from './language.js';
import { BOT_TEXTS } from './texts.js';

/**
 * Button presses that are taps rather than messages (count's "+1"): a volunteer at a busy door presses far more
 * than the messages a minute the rest of the bot allows, so they have a bucket of their own, sized to a person
 * tapping, and a note of their own when it runs dry.
 */
export interface TapLane {
  limit: { messages: number; perMs: number };
  matches: (data: string) => boolean;
  refused: (lang: Lang) => string;
}

/**
 * At most `rateLimit.messages` updates per user per `rateLimit.perMs` (in this process's memory). The first
 * update over the limit gets a friendly note; the rest are dropped silently, so a flood is not answered by one.
 */
export function rateLimiting(
  deps: AdapterDeps,
  options: { now?: () => number; taps?: TapLane } = {},
): Composer<BotContext> {
  const { now, taps } = options;
  const limiter = new RateLimiter({ ...deps.rateLimit, ...(now ? { now } : {}) });
  const tapLane = taps && { ...taps, limiter: new RateLimiter({ ...taps.limit, ...(now ? { now } : {}) }) };
  const perMinute = Math.max(1, Math.round((deps.rateLimit.messages * 60_000) / deps.rateLimit.perMs));
  const composer = new Composer<BotContext>();
  composer.use(async (ctx, next) => {
    const { from, userKey } = ctx;
    if (from === undefined || userKey === undefined) return;
    const data = ctx.callbackQuery?.data;
    const tap = data !== undefined && tapLane?.matches(data) ? tapLane : undefined;
    const verdict = (tap?.limiter ?? limiter).take(userKey);
    if (verdict === 'ok') return next();
    ctx.report.kind = `rate-limited:${ctx.report.kind}`;
    const lang = langOf(from.language_code);
    const text = tap ? tap.refused(lang) : BOT_TEXTS[lang].rateLimited(perMinute);
    if (ctx.callbackQuery) {
      // A pressed button must always be answered; the note fits in the little pop-up. Every refused tap is told
      // so, since a tap that silently did not count is a person missing from the count.
      const tell = verdict === 'limited-first' || tap !== undefined;
      await ctx.answerCallbackQuery(tell ? { text } : {}).catch(() => {});
      return;
    }
    if (verdict === 'limited-first' && ctx.chat) await ctx.api.sendMessage(ctx.chat.id, text);
  });
  return composer;
}
