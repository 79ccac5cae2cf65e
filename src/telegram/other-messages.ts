import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import type { AdapterDeps, BotContext } from './context.js';
import { langOf } from './language.js';
import { sendMessages } from './send.js';
import { BOT_TEXTS } from './texts.js';

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

/** Photos, stickers, voice notes…: a short explanation that the bot reads text only. Nothing is downloaded. */
export function otherMessages(_deps: AdapterDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
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
