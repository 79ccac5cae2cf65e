import type { Lang } from '../../catalogue/schema.js';
import type { GUIDE_COMMANDS } from '../../dialogue/guide/commands.js';

// The guide's lines of Telegram's command menu.

export const GUIDE_MENU_COMMANDS = [
  'vote',
  'remind',
] as const satisfies readonly (typeof GUIDE_COMMANDS)[number][];

export const GUIDE_BOT_TEXTS: Record<
  Lang,
  { commands: Record<(typeof GUIDE_MENU_COMMANDS)[number], string> }
> = {
  ru: {
    commands: {
      vote: 'Как проголосовать из-за границы',
      remind: 'Напомнить о голосовании',
    },
  },
  en: {
    commands: {
      vote: 'How to vote from abroad',
      remind: 'Remind me to vote',
    },
  },
};
