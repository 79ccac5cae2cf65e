import { Composer, Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { AdapterDeps, BotContext } from './context.js';
import { converse, pressed } from './converse.js';
import { langOf } from './language.js';
import { sendMessages } from './send.js';
import { BOT_TEXTS } from './texts.js';

/** A single /word no part took: shown the help rather than matched as a relative's words. */
const UNKNOWN_COMMAND = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?$/;

/** What a person sends instead of text; service messages (pins, joins, …) are none of these and get no answer. */
const CONTENT_KINDS = [
  'photo',
  'sticker',
  'voice',
  'video',
  'video_note',
  'audio',
  'animation',
  'document',
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
  'story',
  'paid_media',
] as const satisfies readonly (keyof Message)[];

export function contentKind(message: Message): string | undefined {
  return CONTENT_KINDS.find((kind) => message[kind] !== undefined);
}

/**
 * What no part took, mounted after them all. Typed text goes to the engine, which hands it to the part of the
 * user's mode (advice at the menu); a button of no part (an old message's) gets the engine's "this button no
 * longer works" and the menu; photos, stickers, voice notes… a short note that the bot reads text only.
 */
export function fallback(deps: AdapterDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const isStart = Context.has.command('start');
  composer.on('message:text', (ctx) => {
    if (isStart(ctx)) {
      // A deep link no part took (an old or mistyped one): the menu, as for a bare /start.
      ctx.report.kind = 'command:start';
      return converse(ctx, deps, { kind: 'command', name: 'start' });
    }
    if (UNKNOWN_COMMAND.test(ctx.msg.text.trim())) {
      ctx.report.kind = 'command:unknown';
      return converse(ctx, deps, { kind: 'command', name: 'help' });
    }
    ctx.report.kind = 'text';
    return converse(ctx, deps, { kind: 'text', text: ctx.msg.text });
  });
  composer.on('callback_query', (ctx) => {
    ctx.report.kind = ctx.callbackQuery.data === undefined ? 'button:none' : 'button:stale';
    return pressed(ctx, deps, ctx.callbackQuery.data);
  });
  composer.on('message', async (ctx) => {
    const kind = contentKind(ctx.msg);
    ctx.report.kind = kind === undefined ? 'service' : `message:${kind}`;
    if (kind === undefined) return;
    // No state of the user is read or written: the explanation is in the app's language.
    await sendMessages(ctx.api, ctx.chat.id, [
      { text: BOT_TEXTS[langOf(ctx.from?.language_code)].nonText, buttons: [] },
    ]);
  });
  return composer;
}
