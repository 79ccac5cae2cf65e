import type { Group } from '../../catalogue/contract.js';
import type { Lang, Persona } from '../../catalogue/schema.js';
import type { PracticeOutcome } from '../storage.js';
import type { BestTurn } from './best-turn.js';

/** A relative's grammatical gender; unknown gets wording that needs none. */
export type Gender = Persona['gender'];

function ruForm(gender: Gender, female: string, male: string): string | undefined {
  return gender === 'female' ? female : gender === 'male' ? male : undefined;
}

/** "дважды", "5 раз": how often, as people say it. */
function ruTimes(count: number): string {
  const words = ['ни разу', 'один раз', 'дважды', 'трижды'];
  const few = count % 10 >= 2 && count % 10 <= 4 && (count % 100 < 12 || count % 100 > 14);
  return words[count] ?? `${count} ${few ? 'раза' : 'раз'}`;
}

/** "1 ход", "3 хода", "12 ходов". */
function ruTurns(count: number): string {
  const ten = count % 10;
  const teen = count % 100 >= 11 && count % 100 <= 14;
  const word = teen ? 'ходов' : ten === 1 ? 'ход' : ten >= 2 && ten <= 4 ? 'хода' : 'ходов';
  return `${count} ${word}`;
}

function enHe(gender: Gender): string {
  return gender === 'female' ? 'she' : gender === 'male' ? 'he' : 'they';
}

function enHis(gender: Gender): string {
  return gender === 'female' ? 'her' : gender === 'male' ? 'his' : 'their';
}

function enTimes(count: number): string {
  return ['never', 'once', 'twice', 'three times'][count] ?? `${count} times`;
}

/** "7 декабря", "7 December": a day as people write it. */
function dayOf(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

// Talk's words in both languages: advice, topics, practice and its summary. Catalogue texts (answers, sources,
// persona lines) come from content/; these are only the frame around them.

interface TalkTexts {
  buttons: {
    advice: string;
    practice: string;
    topics: string;
    progress: string;
    anotherAnswer: string;
    /** Under the last answer: where "another answer" would only start the round again. */
    firstAnswer: string;
    facts: string;
    pitfalls: string;
    practiseThis: string;
    cheatSheet: string;
    randomPersona: string;
    again: string;
    stop: string;
    share: string;
    dontShare: string;
  };
  groups: Record<Group, string>;
  /** Quoted words as the language writes them: «…» in Russian, "…" in English. */
  quote: (words: string) => string;
  adviceAsk: string;
  chooseTopicGroup: string;
  chooseTopic: string;
  severalMatched: string;
  /** When the guide answered a text that is also a relative's position. */
  offerAnswer: string;
  noneMatched: string;
  /** Asks whether the unrecognised phrasing may go to the editors. */
  shareAsk: string;
  /** When the matcher is unsure: its nearest guesses follow as buttons. Of Mum, "what she said". */
  closest: (gender: Gender) => string;
  /** A warm line that fits any position: the first step when nothing was recognised. */
  firstStep: string;
  /** When the user, not the relative, is hurting. */
  distress: string;
  /** "I don't know what to answer" in a practice: a hint from the catalogue, not a graded reply. */
  hint: (relate: string, ask: string, gender: Gender) => string;
  afterConsent: string;
  shared: string;
  notShared: string;
  shareExpired: string;
  answerHeading: (title: string, number: number, total: number) => string;
  steps: { relate: string; unite: string; ask: string };
  factsHeading: (title: string) => string;
  pitfallsHeading: (title: string) => string;
  sheet: {
    heading: (title: string) => string;
    fact: string;
    avoid: string;
    /** The practice's best reply, by number: its words are not kept, so what it did (gender-marked, see gendered.ts). */
    best: (best: BestTurn) => string;
    /** Where those words are: the page puts them in its place. */
    wordsAbove: string;
    closing: string;
  };
  avoid: string;
  why: string;
  choosePersona: string;
  personaLabel: (name: string, age: number) => string;
  noPersonaHolds: (title: string) => string;
  /** "Practise this" with the relative the user spoke of, who does not make this point: a close one of theirs. */
  namedStartsNear: (name: string, gender: Gender, title: string) => string;
  /** …or, with none close, one of their own. */
  namedStartsOwn: (name: string, gender: Gender, title: string) => string;
  /** The user spoke of a relative the practice has no persona for ("dad"), and one other person makes the point. */
  onlyHolder: (name: string, gender: Gender) => string;
  /** `buttons`: the channel names its buttons rather than slash commands (the web page). */
  practiceIntro: (name: string, background: string, maxTurns: number, buttons: boolean) => string;
  persona: (name: string) => string;
  feedbackWorked: string;
  feedbackNothingWorked: string;
  feedbackTry: string;
  feedbackRewrite: string;
  verdicts: Record<'toxic' | 'neutral' | 'empathic', string>;
  againDone: (name: string, gender: Gender) => string;
  nothingToRedo: string;
  notPractising: string;
  leavePractice: (name: string, turns: number) => string;
  resumed: string;
  summaryHeading: Record<PracticeOutcome, (name: string, gender: Gender) => string>;
  summaryTurns: (turns: number) => string;
  summaryVerdicts: (empathic: number, neutral: number, toxic: number) => string;
  /** What the user did, in words: "Вы дважды пересказали её чувства и один раз спросили". */
  summaryBalance: (reflections: number, questions: number, gender: Gender) => string;
  balanceVerdict: { good: string; fair: string; low: string; none: string };
  summaryOpenness: (line: string, from: number, to: number) => string;
  summaryTips: string;
  progressNone: string;
  progressHeading: (count: number) => string;
  /** A past practice in words: "7 December · Mum · 4 turns, 3 warm · ▃▄▅▇". */
  progressLine: (date: string, persona: string, turns: number, warm: number, line: string) => string;
  progressTrend: { up: string; flat: string; down: string };
}

const ru: TalkTexts = {
  buttons: {
    advice: 'Совет',
    practice: 'Тренировка',
    topics: 'Темы',
    progress: 'Прогресс',
    anotherAnswer: 'Другой ответ',
    firstAnswer: 'К первому ответу',
    facts: 'Факты и источники',
    pitfalls: 'Чего избегать',
    practiseThis: 'Потренироваться',
    cheatSheet: '📝 Шпаргалка',
    randomPersona: 'Случайный собеседник',
    again: '↩ Переиграть ход',
    stop: '■ Закончить',
    share: 'Да, отправить редакторам',
    dontShare: 'Нет, не надо',
  },
  groups: {
    vote: 'Выборы',
    regime: 'Власть и экономика',
    war: 'Война',
    information: 'Информация и доверие',
    personal: 'Семья и отъезд',
  },
  quote: (words) => `«${words}»`,
  adviceAsk:
    'Напишите, что сказал ваш близкий, своими словами или как запомнили. Я узнаю позицию и подскажу ответ. А если у вас свой вопрос о том, как проголосовать из-за границы, — просто задайте его.',
  chooseTopicGroup: 'Выберите раздел:',
  chooseTopic: 'Выберите тему:',
  severalMatched: 'Тут может быть не одна тема. С какой начнём?',
  offerAnswer: 'А если это слова вашего близкого, вот что можно ответить:',
  noneMatched:
    'Честно: я не узнал в этих словах ни одну из знакомых мне позиций. Ниже — самые близкие темы и все разделы.',
  shareAsk:
    'Можно отправить эту фразу редакторам, чтобы они дописали новую тему. Она уйдёт без всякой связи с вами — ни имени, ни номера. Отправить?',
  closest: (gender) =>
    `Я не до конца уверен, о чём речь. Что ближе всего к тому, что ${ruForm(gender, 'она сказала', 'он сказал') ?? 'сказал ваш близкий'}?`,
  firstStep:
    'Для начала можно просто сказать: «Я слышу, что тебя это правда волнует. Что тебя к этому привело? Мне важно понять».',
  distress:
    'Похоже, вам сейчас самим очень тяжело. Это понятно: такие разговоры с близкими выматывают, и вы не обязаны вытягивать их через силу.\n\n' +
    'Можно сделать паузу: отложить разговор на день-два или честно сказать близкому: «Я тебя люблю, но сейчас мне трудно об этом говорить». Это нормальная граница, а не поражение.\n\n' +
    'Если тревога, бессонница или слёзы не отпускают, поговорите с психологом или позвоните на горячую линию психологической помощи в стране, где вы живёте. Найти бесплатную линию по своей стране можно на findahelpline.com (сервис ThroughLine).',
  hint: (relate, ask, gender) =>
    `Это нормально — не знать, что ответить. Можно начать с ${ruForm(gender, 'её чувства', 'его чувства') ?? 'чувства собеседника'}:\n«${relate}»\n\nА потом спросить:\n«${ask}»\n\nНапишите это своими словами, когда будете готовы.`,
  afterConsent: 'Что дальше? Можно выбрать тему или вернуться в меню.',
  shared: 'Спасибо! Фраза сохранена для редакторов, без связи с вами.',
  notShared: 'Хорошо, ничего не сохраняю.',
  shareExpired:
    'Я держу такую фразу в памяти совсем недолго и уже её забыл. Если хотите, пришлите её ещё раз.',
  answerHeading: (title, number, total) => `«${title}»\nОтвет ${number} из ${total}:`,
  steps: { relate: '1. Поймите чувство', unite: '2. Назовите общее', ask: '3. Спросите' },
  factsHeading: (title) =>
    `Факты по теме «${title}». Лучше не вываливать их все сразу: сначала выслушайте, потом спросите, можно ли поделиться одним.`,
  pitfallsHeading: (title) => `Чего избегать в разговоре «${title}»:`,
  sheet: {
    heading: (title) => `📝 Шпаргалка к разговору: «${title}»`,
    fact: 'Факт — если спросят, откуда вы знаете:',
    avoid: 'Чего не говорить:',
    best: ({ turn, gain, reflected, asked }) =>
      [
        'Ваш лучший ход в тренировке:',
        `${turn}-й ответ: {его|её} открытость выросла на ${gain}.`,
        reflected && asked
          ? 'Вы пересказали {его|её} чувства и задали вопрос — сделайте так и в разговоре.'
          : reflected
            ? 'Вы пересказали {его|её} чувства.'
            : asked
              ? 'Вы задали {ему|ей} открытый вопрос.'
              : '',
      ]
        .filter(Boolean)
        .join('\n'),
    wordsAbove: 'Ваших слов бот не хранит: сам ответ и его улучшенная версия — выше в переписке.',
    closing: 'Цель — не переспорить, а услышать друг друга. Перешлите это сообщение себе или закрепите.',
  },
  avoid: 'Не стоит',
  why: 'Почему',
  choosePersona: 'С кем потренируемся?',
  namedStartsNear: (name, _gender, title) =>
    `${name} в тренажёре не говорит именно этого, поэтому начнёт с близкой темы: «${title}».`,
  namedStartsOwn: (name, _gender, title) =>
    `${name} в тренажёре на эту тему не говорит, поэтому начнёт со своей: «${title}».`,
  onlyHolder: (name, gender) =>
    `Так в тренажёре говорит только ${name}, так что потренируемся с ${gender === 'male' ? 'ним' : 'ней'}.`,
  personaLabel: (name, age) => `${name}, ${age}`,
  noPersonaHolds: (title) =>
    `Пока никто из виртуальных собеседников не говорит на тему «${title}». Выберите собеседника: каждый начнёт с близкой темы.`,
  practiceIntro: (name, background, maxTurns, buttons) =>
    `Тренировка: ${name}.\n${background}\n\nОтвечайте, как ответили бы в жизни. После каждой реплики — разбор и вариант получше. ` +
    (buttons
      ? `До ${maxTurns} ходов; кнопки под репликами собеседника: «${ru.buttons.again}» и «${ru.buttons.stop}».`
      : `До ${maxTurns} ходов; /again — переиграть ход, /stop — закончить.`),
  persona: (name) => `${name}:`,
  feedbackWorked: 'Сработало:',
  feedbackNothingWorked: 'Пока ни одного приёма, который сближает.',
  feedbackTry: 'Попробуйте:',
  feedbackRewrite: 'Можно сказать так:',
  verdicts: { toxic: 'Это ранит', neutral: 'Нейтрально', empathic: 'Тепло' },
  againDone: (name, gender) => {
    const said = ruForm(gender, 'сказала', 'сказал');
    return said
      ? `Ход отменён. ${name} только что ${said} — попробуйте ответить иначе:`
      : 'Ход отменён. Вот последняя реплика — попробуйте ответить иначе:';
  },
  nothingToRedo: 'Переигрывать пока нечего: вы ещё не ответили.',
  notPractising: 'Сейчас нет тренировки. Начать новую?',
  leavePractice: (name, turns) =>
    `Тренировка ещё идёт: ${name}, ходов: ${turns}. Закончить её? Итог останется в «Прогрессе».`,
  resumed: 'Продолжаем. Вот на чём остановились:',
  summaryHeading: {
    opened: (name, gender) => {
      const opened = ruForm(gender, 'раскрылась', 'раскрылся');
      return opened ? `${name} ${opened} — получился настоящий разговор.` : 'Получился настоящий разговор.';
    },
    closed: (name, gender) => {
      const closed = ruForm(gender, 'закрылась', 'закрылся');
      const line = closed ? `${name} ${closed}.` : 'Разговор не сложился.';
      return `${line} Так бывает; попробуйте ещё раз, спокойнее.`;
    },
    stopped: () => 'Тренировка закончена.',
    limit: () => 'Ходы закончились.',
  },
  summaryTurns: (turns) => `Ходов: ${turns}`,
  summaryVerdicts: (empathic, neutral, toxic) => {
    const count = (n: number) => (n === 0 ? 'ни одного' : String(n));
    return `Ответы: тёплых — ${count(empathic)}, нейтральных — ${count(neutral)}, ранящих — ${count(toxic)}`;
  },
  summaryBalance: (reflections, questions, gender) => {
    const feelings =
      gender === 'female' ? 'её чувства' : gender === 'male' ? 'его чувства' : 'чувства собеседника';
    const retold = reflections > 0 ? `${ruTimes(reflections)} пересказали` : 'ни разу не пересказали';
    const asked = questions > 0 ? `${ruTimes(questions)} спросили` : 'ни о чём не спросили';
    return `Вы ${retold} ${feelings} и ${asked}`;
  },
  balanceVerdict: {
    good: 'хорошо: пересказывать вдвое чаще, чем спрашивать, — то, что нужно',
    fair: 'неплохо; ещё лучше — пересказывать вдвое чаще, чем спрашивать',
    low: 'пересказывайте чаще: назовите чувство, прежде чем спрашивать',
    none: 'в следующий раз начните с этого',
  },
  summaryOpenness: (line, from, to) => `Открытость: ${line} — с ${from} до ${to} из 100`,
  summaryTips: 'Главное на следующий раз:',
  progressNone: 'Тренировок пока не было. Начнём?',
  progressHeading: (count) => `Ваши последние тренировки (${count}):`,
  progressLine: (date, persona, turns, warm, line) =>
    `${dayOf(date, 'ru-RU')} · ${persona} · ${ruTurns(turns)}, тёплых ${warm === 0 ? 'ни одного' : warm} · ${line}`,
  progressTrend: {
    up: 'Тёплых ответов становится больше — так держать.',
    flat: 'Пока примерно одинаково. Попробуйте чаще отражать чувства.',
    down: 'В последний раз было труднее. Это нормально — попробуйте снова.',
  },
};

const en: TalkTexts = {
  buttons: {
    advice: 'Advice',
    practice: 'Practice',
    topics: 'Topics',
    progress: 'Progress',
    anotherAnswer: 'Another answer',
    firstAnswer: 'Back to the first answer',
    facts: 'Facts and sources',
    pitfalls: 'What to avoid',
    practiseThis: 'Practise this',
    cheatSheet: '📝 Cheat sheet',
    randomPersona: 'Someone at random',
    again: '↩ Try that turn again',
    stop: '■ Finish',
    share: 'Yes, send it to the editors',
    dontShare: 'No, thanks',
  },
  groups: {
    vote: 'Elections',
    regime: 'Power and economy',
    war: 'The war',
    information: 'Information and trust',
    personal: 'Family and leaving',
  },
  quote: (words) => `"${words}"`,
  adviceAsk:
    'Write what your relative said, in your own words or as you remember it. I will recognise the position and suggest a reply. If you have your own question about voting from abroad, just ask it.',
  chooseTopicGroup: 'Choose a section:',
  chooseTopic: 'Choose a topic:',
  severalMatched: 'I can see more than one possible topic here. Which shall we start with?',
  offerAnswer: 'And if this is what your relative says, here is how to answer them:',
  noneMatched:
    "Honestly, I don't recognise any of the positions I know in these words. Below are the nearest topics and all the sections.",
  shareAsk:
    'You can send this phrasing to the editors so they can write a new topic. It goes without any link to you: no name, no number. Send it?',
  closest: (gender) =>
    `I'm not quite sure what this is about. Which of these is closest to what ${enHe(gender)} said?`,
  firstStep:
    'A first step that fits almost any talk: "I can hear this really matters to you. How did you come to see it this way? I want to understand."',
  distress:
    'It sounds like you are having a really hard time yourself. That makes sense: these conversations with family are draining, and you do not have to push through them.\n\n' +
    'You can take a break: put the conversation off for a day or two, or tell your relative honestly, "I love you, but I\'m not ready to talk about this right now." That is a healthy boundary, not a defeat.\n\n' +
    'If the anxiety, sleeplessness or tears do not let go, talk to a psychologist or call a mental health helpline in the country where you live. You can find a free helpline for your country at findahelpline.com (run by ThroughLine).',
  hint: (relate, ask, gender) =>
    `It's fine not to know what to say. You could start with how ${enHe(gender)} ${gender ? 'feels' : 'feel'}:\n"${relate}"\n\nand then ask:\n"${ask}"\n\nWrite it in your own words when you're ready.`,
  afterConsent: 'What next? You can choose a topic or go back to the menu.',
  shared: 'Thank you! The phrasing is kept for the editors, with no link to you.',
  notShared: "All right, I'm not keeping anything.",
  shareExpired:
    'I hold such a phrasing in memory only briefly and have already forgotten it. Send it again if you like.',
  answerHeading: (title, number, total) => `"${title}"\nAnswer ${number} of ${total}:`,
  steps: { relate: '1. Relate to the feeling', unite: '2. Name what unites you', ask: '3. Ask' },
  factsHeading: (title) =>
    `Facts on "${title}". Better not to pour them all out at once: listen first, then ask whether you may share one.`,
  pitfallsHeading: (title) => `What to avoid when talking about "${title}":`,
  sheet: {
    heading: (title) => `📝 Cheat sheet for your talk: "${title}"`,
    fact: 'A fact, in case they ask how you know:',
    avoid: 'What not to say:',
    best: ({ turn, gain, reflected, asked }) =>
      [
        'Your best turn in the practice:',
        `Reply ${turn}: {his|her|their} openness rose by ${gain}.`,
        reflected && asked
          ? 'You put {his|her|their} feelings into words and asked a question: do the same in the call.'
          : reflected
            ? 'You put {his|her|their} feelings into words.'
            : asked
              ? 'You asked {him|her|them} an open question.'
              : '',
      ]
        .filter(Boolean)
        .join('\n'),
    wordsAbove: 'The bot keeps none of your words: that reply and its better version are above in this chat.',
    closing:
      'The aim is not to win the argument but to hear each other. Forward this message to yourself or pin it.',
  },
  avoid: 'Avoid',
  why: 'Why',
  choosePersona: 'Who would you like to practise with?',
  namedStartsNear: (name, gender, title) =>
    `${name} doesn't make that exact point in this practice, so ${enHe(gender)}'ll start from a close one: "${title}".`,
  namedStartsOwn: (name, gender, title) =>
    `${name} doesn't talk about that in this practice, so ${enHe(gender)}'ll start with one of ${enHis(gender)} own topics: "${title}".`,
  onlyHolder: (name, gender) =>
    `In this practice only ${name} makes that point, so you'll practise with ${gender === 'male' ? 'him' : 'her'}.`,
  personaLabel: (name, age) => `${name}, ${age}`,
  noPersonaHolds: (title) =>
    `None of the simulated relatives talks about "${title}" yet. Choose one: each will start from a close topic.`,
  practiceIntro: (name, background, maxTurns, buttons) =>
    `Practice: ${name}.\n${background}\n\nAnswer as you would in real life. After each reply you get feedback and a better version. ` +
    (buttons
      ? `Up to ${maxTurns} turns; the buttons under your relative's lines: "${en.buttons.again}" and "${en.buttons.stop}".`
      : `Up to ${maxTurns} turns; /again retries a turn, /stop finishes.`),
  persona: (name) => `${name}:`,
  feedbackWorked: 'What worked:',
  feedbackNothingWorked: 'No move that brings you closer yet.',
  feedbackTry: 'Try:',
  feedbackRewrite: 'You could say:',
  verdicts: { toxic: 'This hurts', neutral: 'Neutral', empathic: 'Warm' },
  againDone: (name) => `Turn undone. ${name} just said this — try answering differently:`,
  nothingToRedo: "There is nothing to retry yet: you haven't answered.",
  notPractising: 'There is no practice going on. Start a new one?',
  leavePractice: (name, turns) =>
    `You're still practising with ${name} (${turns === 1 ? '1 turn' : `${turns} turns`}). Finish now? The summary stays in Progress.`,
  resumed: "Let's carry on. Here is where we stopped:",
  summaryHeading: {
    opened: (name) => `${name} opened up: that was a real conversation.`,
    closed: (name) => `${name} shut down. It happens; try again, more calmly.`,
    stopped: () => 'Practice finished.',
    limit: () => 'Out of turns.',
  },
  summaryTurns: (turns) => `Turns: ${turns}`,
  summaryVerdicts: (empathic, neutral, toxic) => {
    const count = (n: number) => (n === 0 ? 'none' : String(n));
    return `Replies: ${count(empathic)} warm, ${count(neutral)} neutral, ${count(toxic)} hurtful`;
  },
  summaryBalance: (reflections, questions, gender) => {
    const feelings =
      gender === 'female' ? 'her feelings' : gender === 'male' ? 'his feelings' : 'their feelings';
    const asked = questions > 0 ? `asked ${enTimes(questions)}` : 'never asked';
    return reflections > 0
      ? `You put ${feelings} into words ${enTimes(reflections)} and ${asked}`
      : `You never put ${feelings} into words and ${asked}`;
  },
  balanceVerdict: {
    good: 'good: twice as often as you ask is the aim',
    fair: 'fair; better still, put feelings into words twice as often as you ask',
    low: 'name the feeling more often, before you ask',
    none: 'next time, start with these',
  },
  summaryOpenness: (line, from, to) => `Openness: ${line}, from ${from} to ${to} out of 100`,
  summaryTips: 'For next time:',
  progressNone: 'No practice yet. Shall we start?',
  progressHeading: (count) => `Your recent practice (${count}):`,
  progressLine: (date, persona, turns, warm, line) =>
    `${dayOf(date, 'en-GB')} · ${persona} · ${turns === 1 ? '1 turn' : `${turns} turns`}, ${warm === 0 ? 'none' : warm} warm · ${line}`,
  progressTrend: {
    up: 'More of your replies are warm: keep going.',
    flat: 'About the same so far. Try reflecting feelings more often.',
    down: 'The last one was harder. That is normal: try again.',
  },
};

export const TALK_TEXTS: Record<Lang, TalkTexts> = { ru, en };
