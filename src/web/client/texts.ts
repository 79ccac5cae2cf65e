import type { Lang } from '../../catalogue/schema.js';
import { TALK_TEXTS as SERVER } from '../../dialogue/talk/texts.js';
import { TEXTS as CORE } from '../../dialogue/texts.js';

// The words of the pages. Those the bot also says (tabs, verdicts, the answer steps) come from the server's
// texts, so a change there shows on the page too; only the words that exist on the page alone are written here.

export type { Lang };

const ru = {
  brand: 'Собеседник',
  skip: 'К основному содержанию',
  navLabel: 'Разделы',
  navPractice: 'Тренажёр',
  navStats: 'Статистика',
  navGuide: 'Как проголосовать за границей',
  guideTitle: 'Как проголосовать за границей — Собеседник',
  title: 'Собеседник — тренажёр разговора с близкими',
  statsTitle: 'Собеседник — статистика',
  adminTitle: 'Собеседник — редакторам',
  counterTitle: 'Собеседник — счётчик на участке',
  formTitle: 'Анонимный опрос на выходе',
  counterNet: 'Связь и отправка',
  tabsLabel: 'Режимы',
  practiceHeading: 'Тренировка с виртуальным родственником',
  practiceLead:
    'Выберите собеседника или тему и отвечайте, как ответили бы в жизни. После каждой реплики — разбор и вариант получше.',
  topicPracticeLabel: '…или тема для тренировки',
  topicPracticeStart: 'Начать с этой темой',
  opennessLabel: 'Открытость собеседника',
  replyLabel: 'Ваш ответ',
  replyPlaceholder: 'Напишите, что бы вы сказали…',
  send: 'Отправить',
  notPractising: 'Сначала выберите собеседника или тему.',
  unknownCommand: (name: string) =>
    `Команды /${name} нет. Здесь работают /again, /stop, /help и /menu — или кнопки под сообщениями.`,
  undone: 'отменено',
  meterUndone: 'ход отменён',
  adviceHeading: 'Совет: что ответить',
  adviceLabel: 'Что сказал ваш близкий?',
  advicePlaceholder: 'Например: «да всё равно нарисуют сколько надо»',
  adviceHint:
    'Своими словами или как запомнили. Я узнаю позицию и подскажу тёплый ответ в три шага. Можно спросить и о своём: «нужно ли вставать на консульский учёт?» — отвечу о том, как голосовать из-за границы.',
  adviceEndsPractice: 'Совет закончит текущую тренировку.',
  adviceSubmit: 'Получить совет',
  topicsLead: 'Самые частые позиции: что за ними стоит, как ответить, факты с источниками и чего избегать.',
  examples: 'Как это звучит',
  needs: 'Что за этим стоит',
  answers: 'Как ответить',
  practiseTopic: 'Потренироваться на этой теме',
  you: 'Вы',
  moves: 'Приёмы',
  tips: 'Попробуйте',
  rewrite: 'Можно сказать так',
  useRewrite: 'Взять этот вариант',
  summary: 'Итог тренировки',
  sheetClosing: 'Цель — не переспорить, а услышать друг друга.',
  sheetCopy: 'Скопировать',
  sheetCopied: 'Шпаргалка скопирована.',
  sheetCopyFailed: 'Не удалось скопировать: текст выделен, нажмите Ctrl+C (или «Копировать» в меню).',
  sheetPrint: 'Распечатать',
  settingsLink: 'Как говорить от вашего имени: «я понял» или «я поняла»',
  networkError: 'Нет связи с сервером. Попробуйте ещё раз.',
  privacy:
    'Мы не храним ваши сообщения на сервере и не знаем, кто вы: разговор привязан к случайному коду, а его текст остаётся только в этой вкладке браузера, пока она открыта.',
  forget: 'Удалить всё обо мне',
  forgotten: 'Готово: всё удалено. Начинаем с чистого листа.',
  statsHeading: 'Что встречается чаще',
  statsLead: 'Только обезличенные счётчики по дням: никаких сообщений и никаких связей с людьми.',
  daysLabel: 'Период',
  days: (n: number) => `${n} дн.`,
  positionsChart: 'Позиции по дням',
  positionsChartDesc: (from: string, to: string) =>
    `Сколько раз встречались самые частые позиции с ${from} по ${to}`,
  outcomesChart: 'Итоги тренировок по собеседникам',
  outcome: {
    opened: 'разговор получился',
    closed: 'разговор не сложился',
    stopped: 'остановлено',
    limit: 'ходы кончились',
  },
  position: 'Позиция',
  total: 'Всего',
  persona: 'Собеседник',
  noData: 'Пока нет данных за этот период.',
  tableView: 'Таблица',
  adminHeading: 'Редакторам',
  tokenLabel: 'Токен администратора',
  loadPhrasings: 'Показать присланные фразы',
  reload: 'Перечитать каталог',
  phrasingsHeading: 'Неузнанные фразы (с согласия, без связи с людьми)',
  size: 'Сколько',
  example: 'Пример',
  variants: 'Варианты',
  period: 'Даты',
};

const en: typeof ru = {
  brand: 'Sobesednik',
  skip: 'Skip to the main content',
  navLabel: 'Sections',
  navPractice: 'Trainer',
  navStats: 'Statistics',
  navGuide: 'How to vote from abroad',
  guideTitle: 'How to vote from abroad — Sobesednik',
  title: 'Sobesednik — practise talking with your relatives',
  statsTitle: 'Sobesednik — statistics',
  adminTitle: 'Sobesednik — for editors',
  counterTitle: 'Sobesednik — polling station counter',
  formTitle: 'Anonymous exit poll',
  counterNet: 'Connection and sending',
  tabsLabel: 'Modes',
  practiceHeading: 'Practise with a simulated relative',
  practiceLead:
    'Choose someone to talk with, or a topic, and answer as you would in real life. After each reply you get feedback and a better version.',
  topicPracticeLabel: '…or a topic to practise',
  topicPracticeStart: 'Start with this topic',
  opennessLabel: "The relative's openness",
  replyLabel: 'Your reply',
  replyPlaceholder: 'Write what you would say…',
  send: 'Send',
  notPractising: 'Choose someone to talk with, or a topic, first.',
  unknownCommand: (name: string) =>
    `There is no /${name} command. Here /again, /stop, /help and /menu work, and so do the buttons under the messages.`,
  undone: 'undone',
  meterUndone: 'turn undone',
  adviceHeading: 'Advice: what to answer',
  adviceLabel: 'What did your relative say?',
  advicePlaceholder: 'For example: "they will draw whatever numbers they need anyway"',
  adviceHint:
    'In your own words or as you remember it. I recognise the position and suggest a warm three-step reply. You can also ask your own question, such as "do I need consular registration?", and I will answer about voting from abroad.',
  adviceEndsPractice: 'Asking for advice ends the current practice.',
  adviceSubmit: 'Get advice',
  topicsLead:
    'The most common positions: what lies behind them, how to answer, sourced facts and what to avoid.',
  examples: 'How it sounds',
  needs: 'What lies behind it',
  answers: 'How to answer',
  practiseTopic: 'Practise this topic',
  you: 'You',
  moves: 'Moves',
  tips: 'Try',
  rewrite: 'You could say',
  useRewrite: 'Use this wording',
  summary: 'Practice summary',
  sheetClosing: 'The aim is not to win the argument but to hear each other.',
  sheetCopy: 'Copy',
  sheetCopied: 'Cheat sheet copied.',
  sheetCopyFailed: 'Could not copy: the text is selected, press Ctrl+C (or Copy in the menu).',
  sheetPrint: 'Print',
  settingsLink: 'Your Russian endings: «я понял» or «я поняла»',
  networkError: 'Cannot reach the server. Please try again.',
  privacy:
    'We do not store your messages on the server and do not know who you are: the conversation is tied to a random code, and its text stays only in this browser tab while it is open.',
  forget: 'Delete everything about me',
  forgotten: 'Done: everything is deleted. Starting afresh.',
  statsHeading: 'What comes up most',
  statsLead: 'Anonymous daily counts only: no messages and no link to any person.',
  daysLabel: 'Period',
  days: (n: number) => `${n} days`,
  positionsChart: 'Positions per day',
  positionsChartDesc: (from: string, to: string) =>
    `How often the most common positions were met from ${from} to ${to}`,
  outcomesChart: 'Practice outcomes per relative',
  outcome: { opened: 'opened up', closed: 'closed off', stopped: 'stopped', limit: 'out of turns' },
  position: 'Position',
  total: 'Total',
  persona: 'Relative',
  noData: 'No data for this period yet.',
  tableView: 'Table',
  adminHeading: 'For editors',
  tokenLabel: 'Admin token',
  loadPhrasings: 'Show shared phrasings',
  reload: 'Reload the catalogue',
  phrasingsHeading: 'Unrecognised phrasings (consented, with no link to anyone)',
  size: 'Count',
  example: 'Example',
  variants: 'Variants',
  period: 'Dates',
};

/** "1. Relate to the feeling" in the bot's numbered steps is "Relate to the feeling" beside each answer. */
const unnumbered = (step: string) => step.replace(/^\d+\.\s*/, '');

function fromServer(lang: Lang) {
  const server = SERVER[lang];
  return {
    tabPractice: server.buttons.practice,
    tabAdvice: server.buttons.advice,
    tabTopics: server.buttons.topics,
    topicsHeading: server.buttons.topics,
    facts: server.buttons.facts,
    pitfalls: server.buttons.pitfalls,
    relate: unnumbered(server.steps.relate),
    unite: unnumbered(server.steps.unite),
    ask: unnumbered(server.steps.ask),
    avoid: server.avoid,
    why: server.why,
    verdict: server.verdicts,
    /** How a cheat sheet's text begins, to show it as a card to copy and print. */
    sheetHeading: server.sheet.heading,
    /** The bot's closing of a cheat sheet ("forward it to yourself"), which the page replaces with its own. */
    sheetBotClosing: server.sheet.closing,
    /** The bot's greeting is the page's introduction, so it follows the page's language switch. */
    welcome: CORE[lang].welcome,
  };
}

export type Texts = typeof ru & ReturnType<typeof fromServer>;

export const TEXTS: Record<Lang, Texts> = {
  ru: { ...ru, ...fromServer('ru') },
  en: { ...en, ...fromServer('en') },
};
