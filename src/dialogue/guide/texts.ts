import type { Lang } from '../../catalogue/schema.js';

// What the guide says in the conversation, in both languages. The answers themselves are the topics'
// (content/guide/topics/) and the wizard's (guide/wizard-texts.ts).

interface GuideTexts {
  menuButton: string;
  home: (election: string) => string;
  buttons: {
    wizard: string;
    find: string;
    topics: string;
    back: string;
    restart: string;
    more: string;
    remind: (station: string) => string;
    remindOff: string;
    home: string;
  };
  topicsHeading: string;
  findAsk: string;
  notFound: (suggestions: readonly string[]) => string;
  stationsFound: (election: string, lines: readonly string[], past: boolean) => string;
  noStations: string;
  remindOn: (line: string) => string;
  remindOff: string;
  remindNeedsStation: string;
  remindPast: string;
  remindElsewhere: string;
  offer: string;
  unknownQuestion: string;
  question: (number: number, total: number, text: string) => string;
  checklistEnd: string;
}

const ru: GuideTexts = {
  menuButton: 'Как проголосовать из-за границы',
  home: (election) =>
    'Как проголосовать из-за границы. Можно проверить, пустят ли вас на участок и что взять с собой, найти участок или просто задать вопрос своими словами — например: «нужно ли вставать на консульский учёт?»\n' +
    `Участки и дни — по выборам «${election}».`,
  buttons: {
    wizard: 'Могу ли я проголосовать?',
    find: 'Найти участок',
    topics: 'Все вопросы',
    back: '← Назад',
    restart: 'Начать заново',
    more: 'Подробнее и источники',
    remind: (station) => `Напомнить о голосовании (№ ${station})`,
    remindOff: 'Не напоминать',
    home: 'Голосование: начало',
  },
  topicsHeading: 'Вопросы о голосовании из-за границы — с ответами и источниками:',
  findAsk:
    'Напишите город или страну — по-русски, по-английски или по-местному: «Белград», «Belgrade», «Beograd». Опечатки не страшны.',
  notFound: (suggestions) =>
    suggestions.length > 0
      ? `Такого места в нашем списке участков нет. Может быть, вы имели в виду: ${suggestions.join(', ')}?`
      : 'Такого места в нашем списке участков нет. Участки за границей обычно открывают в посольствах и консульствах: посмотрите объявление посольства России в вашей стране.',
  stationsFound: (election, lines, past) =>
    [
      `Участки на выборах «${election}»:`,
      ...lines.map((line) => `• ${line}`),
      past
        ? 'Эти выборы уже прошли: к следующим адреса, дни и часы могут поменяться. Сверьтесь с объявлением посольства или консульства.'
        : 'Перед выходом сверьтесь с объявлением посольства или консульства.',
    ].join('\n'),
  noStations:
    'У нас пока нет списка участков. Посмотрите объявление посольства или консульства России в вашей стране.',
  remindOn: (line) =>
    `Хорошо, напомню накануне и утром в каждый день голосования:\n${line}\nОтписаться — кнопкой ниже или командой /remind off.`,
  remindOff: 'Готово, напоминаний больше не будет.',
  remindNeedsStation: 'Сначала найдём ваш участок. Напишите город или страну, где будете голосовать.',
  remindPast:
    'Эти выборы уже прошли, напоминать не о чем. Когда у нас появится список участков следующих выборов, подписаться можно будет здесь же.',
  remindElsewhere:
    'Напоминания присылает наш Telegram-бот: откройте его, найдите там свой участок и нажмите /remind.',
  offer: 'Если это ваш собственный вопрос о голосовании, вот ответ на него:',
  unknownQuestion: 'На этот вопрос готового ответа у меня нет. Вот о чём я могу рассказать:',
  question: (number, total, text) => `Вопрос ${number} из ${total}. ${text}`,
  checklistEnd: 'Подробности и источники — в темах ниже.',
};

const en: GuideTexts = {
  menuButton: 'How to vote from abroad',
  home: (election) =>
    'How to vote from abroad. You can check whether you can vote and what to bring, find your station, or just ask in your own words, for example: "do I need consular registration?"\n' +
    `Stations and days are those of the ${election}.`,
  buttons: {
    wizard: 'Can I vote?',
    find: 'Find a station',
    topics: 'All questions',
    back: '← Back',
    restart: 'Start again',
    more: 'Details and sources',
    remind: (station) => `Remind me to vote (No. ${station})`,
    remindOff: 'Stop reminders',
    home: 'Voting: start',
  },
  topicsHeading: 'Questions about voting from abroad, with answers and sources:',
  findAsk:
    'Type a city or a country, in English, Russian or the local language: "Belgrade", "Белград", "Beograd". Typos are fine.',
  notFound: (suggestions) =>
    suggestions.length > 0
      ? `That place is not in our list of stations. Did you mean: ${suggestions.join(', ')}?`
      : "That place is not in our list of stations. Stations abroad are usually in embassies and consulates: look for the Russian embassy's notice in your country.",
  stationsFound: (election, lines, past) =>
    [
      `Stations in the ${election}:`,
      ...lines.map((line) => `• ${line}`),
      past
        ? 'This election is over: addresses, days and hours may change for the next one. Check the embassy’s or consulate’s notice.'
        : 'Before you go, check the embassy’s or consulate’s notice.',
    ].join('\n'),
  noStations:
    "We don't have a list of stations yet. Look for the Russian embassy's or consulate's notice in your country.",
  remindOn: (line) =>
    `Done: I'll remind you the day before and on the morning of each voting day:\n${line}\nTo stop, use the button below or /remind off.`,
  remindOff: 'Done, no more reminders.',
  remindNeedsStation: "Let's find your station first. Type the city or country where you will vote.",
  remindPast:
    "This election is over, so there is nothing to remind you of. Once we have the next election's stations, you can sign up here.",
  remindElsewhere: 'Reminders come from our Telegram bot: open it, find your station there and send /remind.',
  offer: 'If this is your own question about voting, here is the answer:',
  unknownQuestion: "I don't have a ready answer to that. Here is what I can tell you about:",
  question: (number, total, text) => `Question ${number} of ${total}. ${text}`,
  checklistEnd: 'Details and sources are in the topics below.',
};

export const GUIDE_TEXTS: Record<Lang, GuideTexts> = { ru, en };
