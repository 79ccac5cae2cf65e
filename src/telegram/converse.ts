import type { Reply } from '../dialogue/conversations.js';
import type { UserEvent } from '../dialogue/messages.js';
import type { AdapterDeps, BotContext } from './context.js';
import { langOf } from './language.js';
import { sendMessages, withTyping } from './send.js';

// The one path from a Telegram update to the engine and back: pseudonymous key, language hint, the engine's
// step (state loaded and saved by `conversations`), then the messages as Telegram calls.

export async function converse(ctx: BotContext, deps: AdapterDeps, event: UserEvent): Promise<void> {
  const { from, userKey } = ctx;
  if (from === undefined || userKey === undefined) return;
  const reply = await withTyping(ctx, deps.typingAfterMs, () =>
    deps.conversations.handle(userKey, event, { lang: langOf(from.language_code) }),
  );
  ctx.report.positions = positionsOf(reply);
  ctx.report.mode = reply.state.mode;
  // In a private chat the chat id is the user's id.
  await sendMessages(ctx.api, ctx.chat?.id ?? from.id, reply.messages);
}

/** The positions a reply was about, for the log: those met (advice), and the one being practised. */
export function positionsOf(reply: Reply): string[] {
  const ids = new Set<string>();
  for (const effect of reply.effects)
    if (effect.kind === 'positions-met') for (const id of effect.positions) ids.add(id);
  if (reply.state.practice) ids.add(reply.state.practice.position);
  return [...ids];
}
