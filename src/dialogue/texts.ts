import type { Group } from '../catalogue/contract.js';
import type { Lang } from '../catalogue/schema.js';
import type { PracticeOutcome } from './storage.js';

// Everything the engine says in its own voice, in both languages. Catalogue texts (answers, sources, persona
// lines) come from content/; these are only the frame around them.

/** день / дня / дней: Russian nouns take one of three forms after a number. */
function russianPlural(n: number, one: string, few: string, many: string): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

interface Texts {
  welcome: string;
  help: string;
  menu: string;
  buttons: {
    advice: string;
    practice: string;
    topics: string;
    progress: string;
    menu: string;
    anotherAnswer: string;
    facts: string;
    pitfalls: string;
    practiseThis: string;
    randomPersona: string;
    again: string;
    stop: string;
    share: string;
    dontShare: string;
    forgetYes: string;
    forgetNo: string;
  };
  groups: Record<Group, string>;
  adviceAsk: string;
  chooseTopicGroup: string;
  chooseTopic: string;
  severalMatched: string;
  noneMatched: string;
  shared: string;
  notShared: string;
  shareExpired: string;
  answerHeading: (title: string, number: number, total: number) => string;
  steps: { relate: string; unite: string; ask: string };
  factsHeading: (title: string) => string;
  pitfallsHeading: (title: string) => string;
  avoid: string;
  why: string;
  choosePersona: string;
  personaLabel: (name: string, age: number) => string;
  noPersonaHolds: (title: string) => string;
  practiceIntro: (name: string, background: string, maxTurns: number) => string;
  persona: (name: string) => string;
  feedbackWorked: string;
  feedbackNothingWorked: string;
  feedbackTry: string;
  feedbackRewrite: string;
  verdicts: Record<'toxic' | 'neutral' | 'empathic', string>;
  againDone: string;
  nothingToRedo: string;
  stale: string;
  notPractising: string;
  summaryHeading: Record<PracticeOutcome, string>;
  summaryTurns: (turns: number) => string;
  summaryVerdicts: (empathic: number, neutral: number, toxic: number) => string;
  summaryBalance: (reflections: number, questions: number) => string;
  balanceVerdict: { good: string; fair: string; low: string; none: string };
  summaryOpenness: (line: string, from: number, to: number) => string;
  summaryTips: string;
  progressNone: string;
  progressHeading: (count: number) => string;
  progressLine: (date: string, persona: string, turns: number, empathicShare: number, line: string) => string;
  progressTrend: { up: string; flat: string; down: string };
  privacy: (retentionDays: number) => string;
  forgetAsk: string;
  forgetDone: string;
  forgetKept: string;
  langChanged: string;
  tooLong: (limit: number) => string;
  empty: string;
  stateReset: string;
}

const ru: Texts = {
  welcome:
    'Привет! Я «Собеседник». Помогаю говорить с близкими, которые повторяют то, что слышат по телевизору, — так, чтобы разговор не кончался ссорой.\n' +
    '• Совет: перескажите, что сказал близкий, — я узнаю позицию и подскажу тёплый ответ в три шага.\n' +
    '• Тренировка: поговорите с виртуальным родственником, я разберу каждую вашу реплику.\n' +
    '• Темы: самые частые позиции, с источниками и ошибками, которых лучше избегать.',
  help:
    'Как мной пользоваться:\n' +
    '— просто напишите, что сказал ваш близкий, и я подскажу ответ;\n' +
    '— /practice — тренировка с виртуальным родственником; /again — переиграть последний ход; /stop — закончить;\n' +
    '— /topics — все темы; /progress — ваши прошлые тренировки; /lang — язык; /privacy — что я храню; /forget — удалить всё о вас.',
  menu: 'Что делаем?',
  buttons: {
    advice: 'Совет',
    practice: 'Тренировка',
    topics: 'Темы',
    progress: 'Прогресс',
    menu: 'Меню',
    anotherAnswer: 'Другой ответ',
    facts: 'Факты и источники',
    pitfalls: 'Чего избегать',
    practiseThis: 'Потренироваться',
    randomPersona: 'Случайный собеседник',
    again: '↩ Переиграть ход',
    stop: '■ Закончить',
    share: 'Да, отправить редакторам',
    dontShare: 'Нет, не надо',
    forgetYes: 'Да, удалить всё',
    forgetNo: 'Нет, оставить',
  },
  groups: {
    vote: 'Выборы',
    regime: 'Власть и экономика',
    war: 'Война',
    information: 'Информация и доверие',
    personal: 'Семья и отъезд',
  },
  adviceAsk:
    'Напишите, что сказал ваш близкий, своими словами или как запомнили. Я узнаю позицию и подскажу ответ.',
  chooseTopicGroup: 'Выберите раздел:',
  chooseTopic: 'Выберите тему:',
  severalMatched: 'Похоже, тут сразу несколько мыслей. С какой начнём?',
  noneMatched:
    'Честно: я не узнал в этих словах ни одну из знакомых мне позиций. Посмотрите список тем — может, нужная там есть.\n\n' +
    'Можно отправить эту фразу редакторам, чтобы они дописали новую тему. Она уйдёт без всякой связи с вами — ни имени, ни номера. Отправить?',
  shared: 'Спасибо! Фраза сохранена для редакторов, без связи с вами.',
  notShared: 'Хорошо, ничего не сохраняю.',
  shareExpired:
    'Я держу такую фразу в памяти совсем недолго и уже её забыл. Если хотите, пришлите её ещё раз.',
  answerHeading: (title, number, total) => `«${title}»\nОтвет ${number} из ${total}:`,
  steps: { relate: '1. Поймите чувство', unite: '2. Назовите общее', ask: '3. Спросите' },
  factsHeading: (title) =>
    `Факты по теме «${title}». Лучше не вываливать их все сразу: сначала выслушайте, потом спросите, можно ли поделиться одним.`,
  pitfallsHeading: (title) => `Чего избегать в разговоре «${title}»:`,
  avoid: 'Не стоит',
  why: 'Почему',
  choosePersona: 'С кем потренируемся?',
  personaLabel: (name, age) => `${name}, ${age}`,
  noPersonaHolds: (title) =>
    `Пока никто из виртуальных собеседников не говорит на тему «${title}». Выберите собеседника — тема будет близкой.`,
  practiceIntro: (name, background, maxTurns) =>
    `Тренировка: ${name}.\n${background}\n\nОтвечайте, как ответили бы в жизни. После каждой реплики — разбор и вариант получше. До ${maxTurns} ходов; /again — переиграть ход, /stop — закончить.`,
  persona: (name) => `${name}:`,
  feedbackWorked: 'Сработало:',
  feedbackNothingWorked: 'Пока ни одного приёма, который сближает.',
  feedbackTry: 'Попробуйте:',
  feedbackRewrite: 'Можно сказать так:',
  verdicts: { toxic: 'Это ранит', neutral: 'Нейтрально', empathic: 'Тепло' },
  againDone: 'Ход отменён. Попробуйте ответить иначе. Собеседник только что сказал:',
  nothingToRedo: 'Переигрывать пока нечего: вы ещё не ответили.',
  stale: 'Эта кнопка уже не действует. Вот меню:',
  notPractising: 'Сейчас нет тренировки. Начать новую?',
  summaryHeading: {
    opened: 'Собеседник раскрылся — получилось настоящее общение.',
    closed: 'Собеседник закрылся. Так бывает; попробуйте ещё раз и спокойнее.',
    stopped: 'Тренировка закончена.',
    limit: 'Ходы закончились.',
  },
  summaryTurns: (turns) => `Ходов: ${turns}`,
  summaryVerdicts: (empathic, neutral, toxic) =>
    `Тёплых: ${empathic} · нейтральных: ${neutral} · ранящих: ${toxic}`,
  summaryBalance: (reflections, questions) => `Отражений: ${reflections} · вопросов: ${questions}`,
  balanceVerdict: {
    good: 'хорошо: отражений хотя бы вдвое больше, чем вопросов',
    fair: 'неплохо: отражений не меньше, чем вопросов; цель — вдвое больше',
    low: 'больше отражайте: перескажите чувство, прежде чем спрашивать',
    none: 'ни вопросов, ни отражений — попробуйте начать с них',
  },
  summaryOpenness: (line, from, to) => `Открытость: ${line} (${from} → ${to})`,
  summaryTips: 'Главное на следующий раз:',
  progressNone: 'Тренировок пока не было. Начнём?',
  progressHeading: (count) => `Ваши последние тренировки (${count}):`,
  progressLine: (date, persona, turns, empathicShare, line) =>
    `${date} · ${persona} · ходов ${turns} · тёплых ${empathicShare}% · ${line}`,
  progressTrend: {
    up: 'Тёплых ответов становится больше — так держать.',
    flat: 'Пока примерно одинаково. Попробуйте чаще отражать чувства.',
    down: 'В последний раз было труднее. Это нормально — попробуйте снова.',
  },
  privacy: (days) =>
    'Что я храню:\n' +
    '• вместо вашего Telegram-номера — необратимый код (HMAC), по которому вас нельзя найти;\n' +
    '• язык и место, где вы остановились в разговоре (режим, тема, собеседник, ход);\n' +
    '• день вашего последнего сообщения, без времени, — чтобы знать, когда всё удалить;\n' +
    '• итоги тренировок — только числа: сколько ходов, сколько тёплых ответов, открытость собеседника;\n' +
    '• общие счётчики без связи с людьми: какие темы встречаются чаще.\n' +
    'Чего я не храню: ваших сообщений, имени, юзернейма, номера. Фразу, которую я не узнал, сохраняю только с вашего согласия и без связи с вами.\n' +
    `Если вы молчите ${days} ${russianPlural(days, 'день', 'дня', 'дней')}, всё о вас удаляется само. /forget удаляет всё сразу.`,
  forgetAsk:
    'Удалить всё, что я о вас храню: язык, текущий разговор и итоги тренировок? Это нельзя отменить.',
  forgetDone: 'Готово: всё удалено. Если напишете снова, начнём с чистого листа.',
  forgetKept: 'Хорошо, ничего не удаляю.',
  langChanged: 'Теперь говорю по-русски.',
  tooLong: (limit) => `Сообщение слишком длинное: я читаю первые ${limit} символов.`,
  empty: 'Сообщение пустое. Напишите хоть пару слов.',
  stateReset: 'Я обновился и не смог продолжить прошлый разговор. Начнём заново.',
};

const en: Texts = {
  welcome:
    "Hi! I'm Sobesednik. I help you talk with loved ones who repeat what they hear on state TV, without the talk ending in a fight.\n" +
    '• Advice: tell me what your relative said; I recognise the position and suggest a warm three-step reply.\n' +
    '• Practice: talk with a simulated relative; I give feedback on every reply.\n' +
    '• Topics: the most common positions, with sources and the pitfalls to avoid.',
  help:
    'How to use me:\n' +
    '— just write what your relative said and I will suggest a reply;\n' +
    '— /practice — practise with a simulated relative; /again — retry your last turn; /stop — finish;\n' +
    '— /topics — all topics; /progress — your past practice; /lang — language; /privacy — what I keep; /forget — delete everything about you.',
  menu: 'What shall we do?',
  buttons: {
    advice: 'Advice',
    practice: 'Practice',
    topics: 'Topics',
    progress: 'Progress',
    menu: 'Menu',
    anotherAnswer: 'Another answer',
    facts: 'Facts and sources',
    pitfalls: 'What to avoid',
    practiseThis: 'Practise this',
    randomPersona: 'Someone at random',
    again: '↩ Try that turn again',
    stop: '■ Finish',
    share: 'Yes, send it to the editors',
    dontShare: 'No, thanks',
    forgetYes: 'Yes, delete everything',
    forgetNo: 'No, keep it',
  },
  groups: {
    vote: 'Elections',
    regime: 'Power and economy',
    war: 'The war',
    information: 'Information and trust',
    personal: 'Family and leaving',
  },
  adviceAsk:
    'Write what your relative said, in your own words or as you remember it. I will recognise the position and suggest a reply.',
  chooseTopicGroup: 'Choose a section:',
  chooseTopic: 'Choose a topic:',
  severalMatched: 'There seem to be several thoughts here. Which one shall we start with?',
  noneMatched:
    "Honestly, I don't recognise any of the positions I know in these words. Have a look at the topics: the right one may be there.\n\n" +
    'You can send this phrasing to the editors so they can write a new topic. It goes without any link to you: no name, no number. Send it?',
  shared: 'Thank you! The phrasing is kept for the editors, with no link to you.',
  notShared: "All right, I'm not keeping anything.",
  shareExpired:
    'I hold such a phrasing in memory only briefly and have already forgotten it. Send it again if you like.',
  answerHeading: (title, number, total) => `"${title}"\nAnswer ${number} of ${total}:`,
  steps: { relate: '1. Relate to the feeling', unite: '2. Name what unites you', ask: '3. Ask' },
  factsHeading: (title) =>
    `Facts on "${title}". Better not to pour them all out at once: listen first, then ask whether you may share one.`,
  pitfallsHeading: (title) => `What to avoid when talking about "${title}":`,
  avoid: 'Avoid',
  why: 'Why',
  choosePersona: 'Who would you like to practise with?',
  personaLabel: (name, age) => `${name}, ${age}`,
  noPersonaHolds: (title) =>
    `None of the simulated relatives talks about "${title}" yet. Choose one: their topics are close to it.`,
  practiceIntro: (name, background, maxTurns) =>
    `Practice: ${name}.\n${background}\n\nAnswer as you would in real life. After each reply you get feedback and a better version. Up to ${maxTurns} turns; /again retries a turn, /stop finishes.`,
  persona: (name) => `${name}:`,
  feedbackWorked: 'What worked:',
  feedbackNothingWorked: 'No move that brings you closer yet.',
  feedbackTry: 'Try:',
  feedbackRewrite: 'You could say:',
  verdicts: { toxic: 'This hurts', neutral: 'Neutral', empathic: 'Warm' },
  againDone: 'Turn undone. Try answering differently. Your relative just said:',
  nothingToRedo: "There is nothing to retry yet: you haven't answered.",
  stale: 'This button no longer works. Here is the menu:',
  notPractising: 'There is no practice going on. Start a new one?',
  summaryHeading: {
    opened: 'Your relative opened up: that was a real conversation.',
    closed: 'Your relative shut down. It happens; try again, more calmly.',
    stopped: 'Practice finished.',
    limit: 'Out of turns.',
  },
  summaryTurns: (turns) => `Turns: ${turns}`,
  summaryVerdicts: (empathic, neutral, toxic) =>
    `Warm: ${empathic} · neutral: ${neutral} · hurtful: ${toxic}`,
  summaryBalance: (reflections, questions) => `Reflections: ${reflections} · questions: ${questions}`,
  balanceVerdict: {
    good: 'good: at least twice as many reflections as questions',
    fair: 'fair: as many reflections as questions; aim for twice as many',
    low: 'reflect more: name the feeling before you ask',
    none: 'no questions or reflections yet: try starting with them',
  },
  summaryOpenness: (line, from, to) => `Openness: ${line} (${from} → ${to})`,
  summaryTips: 'For next time:',
  progressNone: 'No practice yet. Shall we start?',
  progressHeading: (count) => `Your recent practice (${count}):`,
  progressLine: (date, persona, turns, empathicShare, line) =>
    `${date} · ${persona} · ${turns} turns · ${empathicShare}% warm · ${line}`,
  progressTrend: {
    up: 'More of your replies are warm: keep going.',
    flat: 'About the same so far. Try reflecting feelings more often.',
    down: 'The last one was harder. That is normal: try again.',
  },
  privacy: (days) =>
    'What I keep:\n' +
    '• instead of your Telegram number, a one-way code (HMAC) that cannot lead back to you;\n' +
    '• your language and where you are in the conversation (mode, topic, relative, turn);\n' +
    '• the day of your last message, without the time, so I know when to delete it all;\n' +
    "• practice results as numbers only: turns, warm replies, the relative's openness;\n" +
    '• counters with no link to anyone: which topics come up most.\n' +
    "What I don't keep: your messages, name, username or number. A phrasing I didn't recognise is kept only if you agree, and with no link to you.\n" +
    `After ${days} days of silence everything about you is deleted. /forget deletes it all now.`,
  forgetAsk:
    'Delete everything I keep about you: language, the current conversation and practice results? This cannot be undone.',
  forgetDone: "Done: everything is deleted. If you write again, we'll start from scratch.",
  forgetKept: "All right, I'm not deleting anything.",
  langChanged: 'I speak English now.',
  tooLong: (limit) => `The message is too long: I read the first ${limit} characters.`,
  empty: 'The message is empty. Write a few words.',
  stateReset: "I've been updated and couldn't continue our last conversation. Let's start again.",
};

export const TEXTS: Record<Lang, Texts> = { ru, en };
