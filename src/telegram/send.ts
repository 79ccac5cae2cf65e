import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Button, Message } from '../dialogue/messages.js';
import type { BotContext } from './context.js';
import { splitText } from './split-text.js';

/** Telegram refuses a whole message whose keyboard has callback data over this many bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

export function callbackDataFits(data: string): boolean {
  const bytes = Buffer.byteLength(data, 'utf8');
  return bytes >= 1 && bytes <= MAX_CALLBACK_DATA_BYTES;
}

/** The engine's button rows as an inline keyboard; undefined when there are none. */
export function inlineKeyboard(buttons: readonly (readonly Button[])[]): InlineKeyboardMarkup | undefined {
  const rows = buttons
    // A button Telegram would refuse would take the whole message with it; the tests keep this from happening.
    .map((row) => row.filter((button) => callbackDataFits(button.data)))
    .filter((row) => row.length > 0)
    .map((row) => row.map((button) => ({ text: button.label, callback_data: button.data })));
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/**
 * One Telegram message per reply where the engine gave several: a message without buttons (feedback, an
 * introduction, a closing line) is joined to the next. Fewer notifications for the user, and every call to
 * Telegram counts against the bot's limits and its throughput.
 */
export function joinMessages(messages: readonly Message[]): Message[] {
  const joined: Message[] = [];
  for (const message of messages) {
    const previous = joined.at(-1);
    if (previous && previous.buttons.length === 0)
      joined[joined.length - 1] = { ...message, text: `${previous.text}\n\n${message.text}` };
    else joined.push(message);
  }
  return joined;
}

/**
 * Sends the engine's messages, joined as above. A text over Telegram's limit goes as several messages, split
 * at paragraphs; the buttons go with the last one, under the text they belong to. Link previews are off: the
 * facts carry several links, and a preview of the first would crowd the answer.
 */
export async function sendMessages(api: Api, chatId: number, messages: readonly Message[]): Promise<void> {
  for (const message of joinMessages(messages)) {
    const chunks = splitText(message.text);
    const keyboard = inlineKeyboard(message.buttons);
    for (const [index, chunk] of chunks.entries()) {
      const last = index === chunks.length - 1;
      await api.sendMessage(chatId, chunk, {
        link_preview_options: { is_disabled: true },
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
      });
    }
  }
}

/** Runs `work`, showing "typing…" in the chat if it takes longer than `afterMs` (at once when 0). */
export async function withTyping<T>(ctx: BotContext, afterMs: number, work: () => Promise<T>): Promise<T> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return work();
  // The action is a courtesy: if it fails, the reply itself still matters.
  const typing = () => ctx.api.sendChatAction(chatId, 'typing').catch(() => {});
  if (afterMs <= 0) {
    await typing();
    return work();
  }
  const timer = setTimeout(typing, afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
  }
}
