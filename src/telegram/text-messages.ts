import { Composer } from 'grammy';
import type { AdapterDeps, BotContext } from './context.js';
import { converse } from './converse.js';

/** A single /word the bot does not know: shown the help rather than matched as a relative's words. */
const UNKNOWN_COMMAND = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?$/;

/** Text is what the user's relative said, or the user's reply in a practice: the engine decides by its state. */
export function textMessages(deps: AdapterDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('message:text', (ctx) => {
    if (UNKNOWN_COMMAND.test(ctx.msg.text.trim())) {
      ctx.report.kind = 'command:unknown';
      return converse(ctx, deps, { kind: 'command', name: 'help' });
    }
    ctx.report.kind = 'text';
    return converse(ctx, deps, { kind: 'text', text: ctx.msg.text });
  });
  return composer;
}
