import type { Api } from 'grammy';
import type { LanguageCode } from 'grammy/types';
import type { Lang } from '../catalogue/schema.js';
import { COUNT_BOT_TEXTS, COUNT_MENU_COMMANDS } from './count/texts.js';
import { GUIDE_BOT_TEXTS, GUIDE_MENU_COMMANDS } from './guide/texts.js';
import { TALK_BOT_TEXTS, TALK_MENU_COMMANDS } from './talk/texts.js';
import { BOT_TEXTS, MENU_END, MENU_START } from './texts.js';

/**
 * Telegram shows a user the list for their app's language, else the default one. Russian for Russian and for
 * the neighbours' languages whose speakers the bot also answers in Russian (see language.ts); English for
 * English and as the default for every other language.
 */
export const COMMAND_MENUS: readonly { languageCode?: LanguageCode; lang: Lang }[] = [
  { lang: 'en' },
  { languageCode: 'en', lang: 'en' },
  { languageCode: 'ru', lang: 'ru' },
  { languageCode: 'uk', lang: 'ru' },
  { languageCode: 'be', lang: 'ru' },
  { languageCode: 'kk', lang: 'ru' },
];

export function commandList(lang: Lang): { command: string; description: string }[] {
  const core = BOT_TEXTS[lang].commands;
  const talk = TALK_BOT_TEXTS[lang].commands;
  const count = COUNT_BOT_TEXTS[lang].commands;
  const guide = GUIDE_BOT_TEXTS[lang].commands;
  return [
    ...MENU_START.map((command) => ({ command, description: core[command] })),
    ...TALK_MENU_COMMANDS.map((command) => ({ command, description: talk[command] })),
    ...GUIDE_MENU_COMMANDS.map((command) => ({ command, description: guide[command] })),
    ...COUNT_MENU_COMMANDS.map((command) => ({ command, description: count[command] })),
    ...MENU_END.map((command) => ({ command, description: core[command] })),
  ];
}

export async function setCommandMenus(api: Api): Promise<void> {
  await Promise.all(
    COMMAND_MENUS.map(({ languageCode, lang }) =>
      api.setMyCommands(commandList(lang), languageCode ? { language_code: languageCode } : {}),
    ),
  );
}
