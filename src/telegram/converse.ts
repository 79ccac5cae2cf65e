import { Composer, Context } from 'grammy';
import { parseButton } from '../dialogue/buttons.js';
import type { Reply } from '../dialogue/conversations.js';
import type { CommandName, Effect, UserEvent } from '../dialogue/messages.js';
import type { AdapterDeps, BotContext } from './context.js';
import { withBotHelp } from './help.js';
import { langOf } from './language.js';
import { sendMessages, withTyping } from './send.js';

// The one path from a Telegram update to the engine and back: pseudonymous key, language hint, the engine's
// step (state loaded and saved by `conversations`), then the messages as Telegram calls.

/** What a part does with its effects that only the bot can do (reminders need the chat to write to later). */
export type ApplyEffects = (ctx: BotContext, effects: readonly Effect[]) => Promise<void>;

export async function converse(
  ctx: BotContext,
  deps: AdapterDeps,
  event: UserEvent,
  apply?: ApplyEffects,
): Promise<void> {
  const { from, userKey } = ctx;
  if (from === undefined || userKey === undefined) return;
  const reply = await withTyping(ctx, deps.typingAfterMs, () =>
    deps.conversations.handle(userKey, event, { lang: langOf(from.language_code), reminders: true }),
  );
  await apply?.(ctx, reply.effects);
  ctx.report.positions = positionsOf(reply);
  ctx.report.mode = reply.state.mode;
  // In a private chat the chat id is the user's id.
  await sendMessages(ctx.api, ctx.chat?.id ?? from.id, withBotHelp(event, reply.messages, reply.state.lang));
}

/** The positions a reply was about, for the log: those met (advice), and the one being practised. */
export function positionsOf(reply: Reply): string[] {
  const ids = new Set<string>();
  for (const effect of reply.effects)
    if (effect.kind === 'positions-met') for (const id of effect.positions) ids.add(id);
  if (reply.state.practice) ids.add(reply.state.practice.position);
  return [...ids];
}

/**
 * A part of the engine as a composer: its commands, and the buttons of its namespace (`${namespace}:…`), go to
 * the engine; everything else goes on with next(), so parts can be mounted in any order. One middleware with
 * grammY's own matchers rather than `command()` and `callbackQuery()`: every update passes every part, and each
 * filter adds a layer of promises to that pass.
 */
export function engineComposer(
  deps: AdapterDeps,
  part: { commands: readonly CommandName[]; namespace?: string; apply?: ApplyEffects },
): Composer<BotContext> {
  const { commands, namespace, apply } = part;
  const isCommand = commands.length > 0 ? Context.has.command([...commands]) : () => false;
  const isButton =
    namespace === undefined ? () => false : Context.has.callbackQuery(new RegExp(`^${namespace}:`));
  return new Composer<BotContext>((ctx, next) => {
    if (isCommand(ctx)) {
      // grammY matched "/name" or "/name@bot" at the start of the text, and put the rest in ctx.match.
      const typed = ctx.msg?.text?.slice(1).split(/[\s@]/, 1)[0];
      const name = commands.find((command) => command === typed);
      if (name === undefined) return;
      const argument = String(ctx.match).trim();
      // `/start PAYLOAD` is a deep link, which belongs to the part whose prefix it has (count's `c_…`): passed
      // on, so that the order of the parts does not matter; the fallback opens the menu for one nobody took.
      if (name === 'start' && argument !== '') return next();
      ctx.report.kind = `command:${name}`;
      return converse(ctx, deps, { kind: 'command', name, ...(argument ? { argument } : {}) }, apply);
    }
    const data = ctx.callbackQuery?.data;
    if (data !== undefined && isButton(ctx)) {
      const { part: id, action } = parseButton(data);
      // The part and the action only: the arguments name positions and personas, which the log does not need.
      ctx.report.kind = `button:${id}:${action}`;
      return pressed(ctx, deps, data, apply);
    }
    return next();
  });
}

/**
 * A button press goes to the engine. The query is answered first, whatever follows, so that the button's
 * spinner stops at once.
 */
export async function pressed(
  ctx: BotContext,
  deps: AdapterDeps,
  data: string | undefined,
  apply?: ApplyEffects,
): Promise<void> {
  await ctx.answerCallbackQuery().catch((error: unknown) => {
    deps.log.warn(
      { event: 'telegram-answer-callback-failed', code: errorCode(error) },
      'callback answer failed',
    );
  });
  if (data !== undefined) await converse(ctx, deps, { kind: 'button', data }, apply);
}

function errorCode(error: unknown): number | undefined {
  const code = (error as { error_code?: unknown }).error_code;
  return typeof code === 'number' ? code : undefined;
}
