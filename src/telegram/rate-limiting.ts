import { Composer } from 'grammy';
import { RateLimiter } from '../app/rate-limit.js';
import type { AdapterDeps, BotContext } from './context.js';
import { langOf } from './language.js';
import { BOT_TEXTS } from './texts.js';

/**
 * At most `rateLimit.messages` updates per user per `rateLimit.perMs` (in this process's memory). The first
 * update over the limit gets a friendly note; the rest are dropped silently, so a flood is not answered by one.
 */
export function rateLimiting(deps: AdapterDeps, now?: () => number): Composer<BotContext> {
  const limiter = new RateLimiter({ ...deps.rateLimit, ...(now ? { now } : {}) });
  const perMinute = Math.max(1, Math.round((deps.rateLimit.messages * 60_000) / deps.rateLimit.perMs));
  const composer = new Composer<BotContext>();
  composer.use(async (ctx, next) => {
    const { from, userKey } = ctx;
    if (from === undefined || userKey === undefined) return;
    const verdict = limiter.take(userKey);
    if (verdict === 'ok') return next();
    ctx.report.kind = `rate-limited:${ctx.report.kind}`;
    const text = BOT_TEXTS[langOf(from.language_code)].rateLimited(perMinute);
    if (ctx.callbackQuery) {
      // A pressed button must always be answered; the note fits in the little pop-up.
      await ctx.answerCallbackQuery(verdict === 'limited-first' ? { text } : {}).catch(() => {});
      return;
    }
    if (verdict === 'limited-first' && ctx.chat) await ctx.api.sendMessage(ctx.chat.id, text);
  });
  return composer;
}
