import type { Lang } from '../../catalogue/schema.js';

// What talk says on Telegram only: /stats, and its lines of the command menu.

export const TALK_MENU_COMMANDS = [
  'advice',
  'practice',
  'topics',
  'progress',
  'stats',
  'again',
  'stop',
] as const;
export type TalkMenuCommand = (typeof TALK_MENU_COMMANDS)[number];

export interface TalkBotTexts {
  statsHeading: (days: number) => string;
  statsLine: (rank: number, title: string, count: number) => string;
  statsNone: string;
  statsNote: string;
  /** Its line in /help: the command only the bot has. */
  help: string;
  commands: Record<TalkMenuCommand, string>;
}

export const TALK_BOT_TEXTS: Record<Lang, TalkBotTexts> = {
  ru: {
    statsHeading: (days) =>
      `Какие позиции встречались чаще всего за последние ${days} дней (общие счётчики, без связи с людьми):`,
    statsLine: (rank, title, count) => `${rank}. ${title} — ${count}`,
    statsNone: 'Пока ничего не встречалось: статистика появится, когда люди начнут просить советов.',
    statsNote: 'Разобрать любую из них: /topics.',
    help: '/stats — какие позиции близких встречаются чаще всего (общие счётчики, без связи с людьми).',
    commands: {
      advice: 'Совет: что ответить близкому',
      practice: 'Тренировка с виртуальным родственником',
      topics: 'Все темы',
      progress: 'Мои тренировки',
      stats: 'Самые частые позиции',
      again: 'Переиграть последний ход',
      stop: 'Закончить тренировку',
    },
  },
  en: {
    statsHeading: (days) =>
      `The positions met most often in the last ${days} days (shared counters, with no link to anyone):`,
    statsLine: (rank, title, count) => `${rank}. ${title} — ${count}`,
    statsNone: 'Nothing yet: statistics appear once people start asking for advice.',
    statsNote: 'To go through any of them: /topics.',
    help: "/stats — the relatives' positions people meet most often (shared counters, with no link to anyone).",
    commands: {
      advice: 'Advice: what to answer a relative',
      practice: 'Practise with a simulated relative',
      topics: 'All topics',
      progress: 'My practice',
      stats: 'The most common positions',
      again: 'Retry the last turn',
      stop: 'Finish the practice',
    },
  },
};
