import { Composer } from 'grammy';
import { BoundedSet } from './bounded-set.js';
import type { AdapterDeps, BotContext } from './context.js';
import { langOf } from './language.js';
import { BOT_TEXTS } from './texts.js';

/**
 * The bot works in private chats only: what people tell it about their family is not for a group to read. In a
 * group it says so once (per process; the set of groups told is bounded and keyed pseudonymously) and then
 * ignores everything there. Button presses there are answered, so no spinner hangs, and otherwise ignored.
 */
export function groupChats(deps: AdapterDeps, remember = 10_000): Composer<BotContext> {
  const told = new BoundedSet<string>(remember);
  const composer = new Composer<BotContext>();
  composer.use(async (ctx, next) => {
    const chat = ctx.chat;
    if (chat === undefined || chat.type === 'private') return next();
    ctx.report.kind = `group:${ctx.callbackQuery ? 'button' : 'message'}`;
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery().catch(() => {});
      return;
    }
    if (chat.type === 'channel' || !ctx.message || !told.add(deps.chatKey(chat.id))) return;
    const texts = BOT_TEXTS[langOf(ctx.from?.language_code)];
    await ctx.api.sendMessage(chat.id, texts.groupOnly(ctx.me.username));
  });
  return composer;
}
