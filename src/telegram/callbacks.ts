import { Composer } from 'grammy';
import { parseButton } from '../dialogue/buttons.js';
import type { AdapterDeps, BotContext } from './context.js';
import { converse } from './converse.js';

/**
 * Button presses go to the engine. Every query is answered first, whatever follows, so that the button's
 * spinner stops at once; a button from an old message is the engine's business: it answers with a friendly
 * "this button no longer works" and the menu.
 */
export function callbacks(deps: AdapterDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', async (ctx) => {
    const data = ctx.callbackQuery.data;
    // Only the action letter: the rest names positions and personas, but the kind is all the log needs.
    ctx.report.kind = data === undefined ? 'button:none' : `button:${parseButton(data).action}`;
    await ctx.answerCallbackQuery().catch((error: unknown) => {
      deps.log.warn(
        { event: 'telegram-answer-callback-failed', code: errorCode(error) },
        'callback answer failed',
      );
    });
    if (data === undefined) return;
    await converse(ctx, deps, { kind: 'button', data });
  });
  return composer;
}

function errorCode(error: unknown): number | undefined {
  const code = (error as { error_code?: unknown }).error_code;
  return typeof code === 'number' ? code : undefined;
}
