import type { Lang } from '../catalogue/schema.js';

// What the Telegram adapter says in its own voice (the engine's are in src/dialogue): things only Telegram has,
// such as groups, stickers and the command menu. Talk's own (/stats) are in talk/texts.ts.

export interface BotTexts {
  groupOnly: (username: string) => string;
  nonText: string;
  rateLimited: (perMinute: number) => string;
  failed: string;
  /** The core's lines of the command menu (setMyCommands). */
  commands: Record<CoreMenuCommand, string>;
}

/** The menu opens with /start and ends with the settings; each part's commands come between. */
export const MENU_START = ['start'] as const;
export const MENU_END = ['lang', 'settings', 'privacy', 'forget', 'help'] as const;
type CoreMenuCommand = (typeof MENU_START)[number] | (typeof MENU_END)[number];

export const BOT_TEXTS: Record<Lang, BotTexts> = {
  ru: {
    groupOnly: (username) =>
      `Здравствуйте! Я работаю только в личной переписке: разговоры о близких — дело личное, и в группе их видят все. Напишите мне напрямую: @${username}. Больше в этом чате я ничего писать не буду.`,
    nonText:
      'Я понимаю только текст. Перескажите словами, что сказал ваш близкий, или выберите, что делать, в меню: /start.',
    rateLimited: (perMinute) =>
      `Давайте чуть медленнее: я отвечаю не больше чем на ${perMinute} сообщений в минуту. Подождите минутку — и продолжим.`,
    failed: 'Простите, у меня что-то сломалось. Попробуйте ещё раз чуть позже.',
    commands: {
      start: 'Начать и показать меню',
      lang: 'Switch to English',
      settings: '«Я понял» или «я поняла» в подсказках',
      privacy: 'Что я храню',
      forget: 'Удалить всё обо мне',
      help: 'Как мной пользоваться',
    },
  },
  en: {
    groupOnly: (username) =>
      `Hello! I only work in private chats: talks about loved ones are personal, and everyone in a group can read them. Write to me directly: @${username}. I won't post anything else in this chat.`,
    nonText:
      'I only understand text. Tell me in words what your relative said, or choose what to do from the menu: /start.',
    rateLimited: (perMinute) =>
      `Let's slow down a little: I answer at most ${perMinute} messages a minute. Wait a minute and we'll go on.`,
    failed: 'Sorry, something broke on my side. Please try again a bit later.',
    commands: {
      start: 'Start and show the menu',
      lang: 'Перейти на русский',
      settings: 'Your gender for Russian word endings',
      privacy: 'What I keep',
      forget: 'Delete everything about me',
      help: 'How to use me',
    },
  },
};
