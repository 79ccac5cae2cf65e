import type { Lang } from '../catalogue/schema.js';
import type { Message, UserEvent } from '../dialogue/messages.js';
import { COUNT_BOT_TEXTS } from './count/texts.js';
import { TALK_BOT_TEXTS } from './talk/texts.js';

// /help is the engine's, which knows the parts every channel shares. A part only the bot has (count) adds its
// paragraph here, as it adds its lines to the command menu (command-menu.ts); so does a command only the bot has
// (talk's /stats).

/** The bot's /help: the engine's text, then a paragraph for each part only the bot has. */
export function botHelp(engineHelp: string, lang: Lang): string {
  return [engineHelp, TALK_BOT_TEXTS[lang].help, COUNT_BOT_TEXTS[lang].help].join('\n\n');
}

/** The engine's messages, with the bot's own parts' help added to its answer to /help. */
export function withBotHelp(event: UserEvent, messages: readonly Message[], lang: Lang): Message[] {
  const last = messages.at(-1);
  if (event.kind !== 'command' || event.name !== 'help' || !last) return [...messages];
  return [...messages.slice(0, -1), { ...last, text: botHelp(last.text, lang) }];
}
