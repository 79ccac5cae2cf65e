import type { Lang } from '../catalogue/schema.js';

// What the Telegram adapter says in its own voice (the engine's texts are in src/dialogue/texts.ts): things only
// Telegram has, such as groups, stickers and the command menu.

export interface BotTexts {
  groupOnly: (username: string) => string;
  nonText: string;
  rateLimited: (perMinute: number) => string;
  failed: string;
  statsHeading: (days: number) => string;
  statsLine: (rank: number, title: string, count: number) => string;
  statsNone: string;
  statsNote: string;
  /** The command menu (setMyCommands), in the order shown. */
  commands: Record<MenuCommand, string>;
}

export const MENU_COMMANDS = [
  'start',
  'advice',
  'practice',
  'topics',
  'progress',
  'stats',
  'again',
  'stop',
  'lang',
  'privacy',
  'forget',
  'help',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const BOT_TEXTS: Record<Lang, BotTexts> = {
  ru: {
    groupOnly: (username) =>
      `Здравствуйте! Я работаю только в личной переписке: разговоры о близких — дело личное, и в группе их видят все. Напишите мне напрямую: @${username}. Больше в этом чате я ничего писать не буду.`,
    nonText:
      'Я понимаю только текст. Перескажите словами, что сказал ваш близкий, или выберите, что делать, в меню: /start.',
    rateLimited: (perMinute) =>
      `Давайте чуть медленнее: я отвечаю не больше чем на ${perMinute} сообщений в минуту. Подождите минутку — и продолжим.`,
    failed: 'Простите, у меня что-то сломалось. Попробуйте ещё раз чуть позже.',
    statsHeading: (days) =>
      `Какие позиции встречались чаще всего за последние ${days} дней (общие счётчики, без связи с людьми):`,
    statsLine: (rank, title, count) => `${rank}. ${title} — ${count}`,
    statsNone: 'Пока ничего не встречалось: статистика появится, когда люди начнут просить советов.',
    statsNote: 'Разобрать любую из них: /topics.',
    commands: {
      start: 'Начать и показать меню',
      advice: 'Совет: что ответить близкому',
      practice: 'Тренировка с виртуальным родственником',
      topics: 'Все темы',
      progress: 'Мои тренировки',
      stats: 'Самые частые позиции',
      again: 'Переиграть последний ход',
      stop: 'Закончить тренировку',
      lang: 'Switch to English',
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
    statsHeading: (days) =>
      `The positions met most often in the last ${days} days (shared counters, with no link to anyone):`,
    statsLine: (rank, title, count) => `${rank}. ${title} — ${count}`,
    statsNone: 'Nothing yet: statistics appear once people start asking for advice.',
    statsNote: 'To go through any of them: /topics.',
    commands: {
      start: 'Start and show the menu',
      advice: 'Advice: what to answer a relative',
      practice: 'Practise with a simulated relative',
      topics: 'All topics',
      progress: 'My practice',
      stats: 'The most common positions',
      again: 'Retry the last turn',
      stop: 'Finish the practice',
      lang: 'Перейти на русский',
      privacy: 'What I keep',
      forget: 'Delete everything about me',
      help: 'How to use me',
    },
  },
};
