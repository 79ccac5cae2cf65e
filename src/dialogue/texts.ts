import type { Lang } from '../catalogue/schema.js';

// What the core says in its own voice, in both languages: the welcome, the menu, help, language, privacy and
// forgetting. Each part's words live in its own folder (talk/texts.ts).

/** день / дня / дней: Russian nouns take one of three forms after a number. */
function russianPlural(n: number, one: string, few: string, many: string): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

interface CoreTexts {
  welcome: string;
  help: string;
  menu: string;
  buttons: {
    menu: string;
    forgetYes: string;
    forgetNo: string;
    leave: string;
    stay: string;
    female: string;
    male: string;
    noGender: string;
  };
  stale: string;
  privacy: (retentionDays: number) => string;
  forgetAsk: string;
  forgetDone: string;
  forgetKept: string;
  langChanged: string;
  settingsAsk: string;
  settingsDone: Record<'female' | 'male' | 'none', string>;
  tooLong: (limit: number) => string;
  empty: string;
  stateReset: string;
}

const ru: CoreTexts = {
  welcome:
    'Привет! Я «Собеседник». Помогаю говорить с близкими, которые повторяют то, что слышат по телевизору, — так, чтобы разговор не кончался ссорой.\n' +
    '• Совет: перескажите, что сказал близкий, — я узнаю позицию и подскажу тёплый ответ в три шага.\n' +
    '• Тренировка: поговорите с виртуальным родственником, я разберу каждую вашу реплику.\n' +
    '• Темы: самые частые позиции, с источниками и ошибками, которых лучше избегать.\n' +
    '• Голосование из-за границы: можно ли вам голосовать, где участок, что взять с собой.',
  help:
    'Как мной пользоваться:\n' +
    '— просто напишите, что сказал ваш близкий, и я подскажу ответ (или /advice);\n' +
    '— /practice — тренировка с виртуальным родственником; /again — переиграть последний ход; /stop — закончить;\n' +
    '— /topics — все темы; /progress — ваши прошлые тренировки;\n' +
    '— /vote — как проголосовать из-за границы; /remind — напоминание о голосовании на вашем участке; можно и просто спросить, например «нужно ли вставать на консульский учёт?»;\n' +
    '— /lang — язык; /settings — «я понял» или «я поняла» в подсказках; /privacy — что я храню; /forget — удалить всё о вас;\n' +
    '— /menu — меню; /start — начать сначала; /help — эта подсказка.',
  menu: 'Что делаем?',
  buttons: {
    menu: 'Меню',
    forgetYes: 'Да, удалить всё',
    forgetNo: 'Нет, оставить',
    leave: 'Закончить и перейти',
    stay: 'Продолжить тренировку',
    female: '«я поняла»',
    male: '«я понял»',
    noGender: 'Не указывать',
  },
  stale: 'Эта кнопка уже не действует. Вот меню:',
  privacy: (days) =>
    'Что я храню:\n' +
    '• вместо вашего Telegram-номера — необратимый код (HMAC), по которому вас нельзя найти;\n' +
    '• язык и место, где вы остановились в разговоре (режим, тема, собеседник, ход), и окончания, если вы их выбрали (/settings);\n' +
    '• день вашего последнего сообщения, без времени, — чтобы знать, когда всё удалить;\n' +
    '• итоги тренировок — только числа: сколько ходов, сколько тёплых ответов, открытость собеседника;\n' +
    '• общие счётчики без связи с людьми: какие темы встречаются чаще.\n' +
    'Если вы считаете избирателей у участка:\n' +
    '• случайная метка волонтёра, связанная с вашим кодом, ваш участок, выбранный вход и время, когда вы присоединились;\n' +
    '• ваши нажатия, смены и сообщения об очереди — со временем и входом;\n' +
    '• ответы экзитпола — только участок, четверть часа и ответ (и пол с возрастом, если их назвали), без связи с волонтёром.\n' +
    'Если вы подписались на напоминания (/remind): выборы, номер участка, язык, день подписки и номер чата — без него бот не смог бы вам написать. Номер хранится только в зашифрованном виде, а ключ лежит отдельно от базы, так что по одной базе его не узнать. ' +
    `Подписка удаляется сама через ${days} ${russianPlural(days, 'день', 'дня', 'дней')} после выборов, сразу — командой /remind off или /forget, и если вы заблокируете бота.\n` +
    'Чего я не храню: ваших сообщений, имени, юзернейма, номера телефона. Фразу, которую я не узнал, сохраняю только с вашего согласия и без связи с вами.\n' +
    `Если вы молчите ${days} ${russianPlural(days, 'день', 'дня', 'дней')}, всё о вас удаляется само. /forget удаляет всё сразу. ` +
    'То, что вы насчитали, остаётся в данных участка, но связь с вами стирается.',
  forgetAsk:
    'Удалить всё, что я о вас храню: язык, текущий разговор, итоги тренировок, связь со счётчиком на участке и подписку на напоминания? Это нельзя отменить.',
  forgetDone: 'Готово: всё удалено. Если напишете снова, начнём с чистого листа.',
  forgetKept: 'Хорошо, ничего не удаляю.',
  langChanged: 'Теперь говорю по-русски. To switch back to English: /lang en',
  settingsAsk:
    'Как вы говорите о себе — «я поняла» или «я понял»? Тогда в подсказанных ответах окончания будут ваши. Если не указывать, пишу «понял(а)».',
  settingsDone: {
    female: 'Хорошо: в ответах от вашего имени будет «я поняла». Поменять — /settings.',
    male: 'Хорошо: в ответах от вашего имени будет «я понял». Поменять — /settings.',
    none: 'Хорошо: пишу оба окончания, «понял(а)». Поменять — /settings.',
  },
  tooLong: (limit) => `Сообщение длинное, поэтому я прочитал первые ${limit} символов. Отвечаю по ним:`,
  empty: 'Сообщение пустое. Напишите хоть пару слов.',
  stateReset: 'Я обновился и не смог продолжить прошлый разговор. Начнём заново.',
};

const en: CoreTexts = {
  welcome:
    "Hi! I'm Sobesednik. I help you talk with loved ones who repeat what they hear on state TV, without the talk ending in a fight.\n" +
    '• Advice: tell me what your relative said; I recognise the position and suggest a warm three-step reply.\n' +
    '• Practice: talk with a simulated relative; I give feedback on every reply.\n' +
    '• Topics: the most common positions, with sources and the pitfalls to avoid.\n' +
    '• Voting from abroad: whether you can vote, where your station is, what to bring.',
  help:
    'How to use me:\n' +
    '— just write what your relative said and I will suggest a reply (or /advice);\n' +
    '— /practice — practise with a simulated relative; /again — retry your last turn; /stop — finish;\n' +
    '— /topics — all topics; /progress — your past practice;\n' +
    '— /vote — how to vote from abroad; /remind — a reminder to vote at your station; or just ask, e.g. "do I need consular registration?";\n' +
    '— /lang — language; /settings — your gender for Russian word endings; /privacy — what I keep; /forget — delete everything about you;\n' +
    '— /menu — the menu; /start — start over; /help — this help.',
  menu: 'What shall we do?',
  buttons: {
    menu: 'Menu',
    forgetYes: 'Yes, delete everything',
    forgetNo: 'No, keep it',
    leave: 'Finish and go on',
    stay: 'Keep practising',
    female: 'Feminine («я поняла»)',
    male: 'Masculine («я понял»)',
    noGender: 'Prefer not to say',
  },
  stale: 'This button no longer works. Here is the menu:',
  privacy: (days) =>
    'What I keep:\n' +
    '• instead of your Telegram ID, a one-way code (HMAC) that cannot lead back to you;\n' +
    '• your language and where you are in the conversation (mode, topic, relative, turn), and your Russian word endings if you chose them (/settings);\n' +
    '• the day of your last message, without the time, so I know when to delete it all;\n' +
    "• practice results as numbers only: turns, warm replies, the relative's openness;\n" +
    '• counters with no link to anyone: which topics come up most.\n' +
    'If you count voters at a polling station:\n' +
    '• a random volunteer label linked to your code, your station, the door you chose and when you joined;\n' +
    '• your taps, shifts and queue reports, with their times and door;\n' +
    '• exit-poll answers only as station, quarter of an hour and answer (with gender and age if given), with no link to the volunteer.\n' +
    'If you subscribed to reminders (/remind): the election, the station number, the language, the day you subscribed and your chat ID, which the bot needs to write to you. The ID is kept only encrypted, with the key stored apart from the database, so the database alone does not reveal it. ' +
    `The subscription is deleted automatically ${days} days after the election, immediately with /remind off or /forget, and if you block the bot.\n` +
    "What I don't keep: your messages, name, username or phone number. A phrasing I didn't recognise is kept only if you agree, and with no link to you.\n" +
    `After ${days} days of silence everything about you is deleted. /forget deletes it all now. ` +
    "What you counted stays in the station's record, with no link to you left.",
  forgetAsk:
    "Delete everything I keep about you: language, the current conversation, practice results, your link to a station's counter and your reminder subscription? This cannot be undone.",
  forgetDone: "Done: everything is deleted. If you write again, we'll start from scratch.",
  forgetKept: "All right, I'm not deleting anything.",
  langChanged: 'I speak English now. Чтобы вернуть русский: /lang ru',
  settingsAsk:
    'In Russian, words about yourself change with your gender ("я поняла" or "я понял"). Which should the suggested replies use? Without a choice they show both, "понял(а)".',
  settingsDone: {
    female: 'Done: replies in your name will say "я поняла". Change it with /settings.',
    male: 'Done: replies in your name will say "я понял". Change it with /settings.',
    none: 'Done: I show both endings, "понял(а)". Change it with /settings.',
  },
  tooLong: (limit) =>
    `The message is long, so I read the first ${limit} characters. Here is my answer to them:`,
  empty: 'The message is empty. Write a few words.',
  stateReset: "I've been updated and couldn't continue our last conversation. Let's start again.",
};

export const TEXTS: Record<Lang, CoreTexts> = { ru, en };
