import { lang } from '../i18n.js';
import type { Lang } from '../texts.js';

// The guide page's words in both languages. The wizard's questions and checklist come from src/guide (the same
// words the bot uses); these are the page's own.

const ru = {
  heading: 'Как проголосовать за границей',
  lead: 'Можно ли вам голосовать, где ближайший участок, когда он открыт и что взять с собой — по шагам, с источниками.',
  electionLine: (title: string, days: string) => `${title}: ${days}.`,
  pastElection:
    'Эти выборы уже прошли: адреса и часы — с них. К следующим выборам они могут поменяться, сверьте их с объявлением посольства.',
  running: 'Голосование идёт. Очередь у участков — по сообщениям волонтёров.',
  liveLink: 'Живой подсчёт у участков',
  loading: 'Загружаем…',
  loadFailed: 'Не удалось загрузить данные. Проверьте связь и обновите страницу.',
  noElection: 'Пока нет выборов со списком участков.',
  // Wizard
  wizardHeading: 'Могу ли я проголосовать?',
  wizardLead: 'Шесть коротких вопросов — и список того, что нужно сделать.',
  progress: (n: number, total: number) => `Вопрос ${n} из ${total}`,
  back: 'Назад',
  typePlace: 'Страна или город',
  typePlaceNext: 'Дальше',
  unknownPlace: 'Такого места нет в списке участков. Выберите страну ниже или «Другая страна».',
  restart: 'Начать заново',
  readMore: 'Подробнее',
  readMoreAbout: (title: string) => `Подробнее: ${title}`,
  statusOk: 'Готово',
  statusTodo: 'Нужно сделать или проверить',
  statusStop: 'Препятствие',
  yourStations: 'Ваши участки',
  // Finder
  finderHeading: 'Найти участок',
  searchLabel: 'Город или страна',
  searchHint:
    'По-русски, по-английски или на местном языке: Белград, Belgrade, Beograd. Опечатки не страшны.',
  searchButton: 'Найти',
  nearMe: 'Рядом со мной',
  nearMeNote:
    'Ваше местоположение остаётся на телефоне: расстояние считает сама страница, на сервер оно не уходит.',
  locating: 'Определяем, где вы…',
  denied: 'Доступ к местоположению не дан. Ничего страшного: просто введите город в поиск.',
  noPosition: 'Не получилось определить местоположение. Введите город в поиск.',
  noGeolocation: 'Этот браузер не умеет определять местоположение. Введите город в поиск.',
  nothingFound: (query: string) => `По запросу «${query}» участков не нашлось.`,
  didYouMean: 'Может быть, вы имели в виду:',
  found: (n: number) => `Найдено участков: ${n}`,
  nearest: (n: number) => `Ближайшие участки: ${n}`,
  noCoordinates: 'У участков пока нет координат: найдите свой город через поиск.',
  station: (n: string) => `Участок № ${n}`,
  address: 'Адрес',
  noAddress: 'Адрес уточните в посольстве или консульстве',
  days: 'Когда',
  hours: (opens: string, closes: string) => `${opens}–${closes} по местному времени`,
  distance: (km: string) => `≈ ${km} км`,
  distanceCity: (km: string) => `≈ ${km} км до центра города`,
  queue: (people: number, minutes: number, at: string) =>
    `Очередь: ${people} чел., ждать около ${minutes} мин (сообщили в ${at})`,
  addToCalendar: 'Добавить в календарь',
  // Map
  mapHeading: 'Карта участков',
  mapLabel: (n: number) =>
    `Карта: участков с координатами — ${n}. Точки — кнопки, выбор показывает карточку участка.`,
  mapLoading: 'Рисуем карту…',
  mapNone: 'Координат у участков пока нет, поэтому точек на карте нет.',
  mapPartial: (shown: number, total: number) =>
    `На карте ${shown} из ${total} участков: у остальных пока нет координат.`,
  dot: (city: string, numbers: readonly string[]) =>
    numbers.length === 1 ? `${city}: участок № ${numbers[0]}` : `${city}: участки № ${numbers.join(', ')}`,
  // Topics
  topicsHeading: 'Вопросы и ответы',
  topicsLead:
    'Короткий ответ сначала, подробности и источники — ниже. Для каждого факта указано, когда его проверили.',
  sources: 'Факты и источники',
  checked: (day: string) => `проверено ${day}`,
  inElection: 'На этих выборах',
};

const en: typeof ru = {
  heading: 'How to vote from abroad',
  lead: 'Whether you can vote, where the nearest polling station is, when it opens and what to bring — step by step, with sources.',
  electionLine: (title, days) => `${title}: ${days}.`,
  pastElection:
    'This election is over: the addresses and hours are from it. They may change for the next one: check the embassy’s announcement.',
  running: 'Voting is under way. Queues at the stations as volunteers report them.',
  liveLink: 'Live count at the stations',
  loading: 'Loading…',
  loadFailed: 'Could not load the data. Check your connection and reload the page.',
  noElection: 'No election with a list of stations yet.',
  wizardHeading: 'Can I vote?',
  wizardLead: 'Six short questions, then a list of what to do.',
  progress: (n, total) => `Question ${n} of ${total}`,
  back: 'Back',
  typePlace: 'Country or city',
  typePlaceNext: 'Next',
  unknownPlace:
    'This place is not in the list of polling stations. Pick a country below, or “Another country”.',
  restart: 'Start again',
  readMore: 'More on this',
  readMoreAbout: (title) => `More on this: ${title}`,
  statusOk: 'Done',
  statusTodo: 'To do or check',
  statusStop: 'Obstacle',
  yourStations: 'Your polling stations',
  finderHeading: 'Find a polling station',
  searchLabel: 'City or country',
  searchHint: 'In Russian, English or the local language: Белград, Belgrade, Beograd. Typos are fine.',
  searchButton: 'Find',
  nearMe: 'Near me',
  nearMeNote:
    'Your position stays on your phone: this page computes the distance itself and never sends it to the server.',
  locating: 'Finding where you are…',
  denied: 'Location access was not allowed. That is fine: type your city in the search box instead.',
  noPosition: 'Could not find your location. Type your city in the search box.',
  noGeolocation: 'This browser cannot tell your location. Type your city in the search box.',
  nothingFound: (query) => `No polling stations found for “${query}”.`,
  didYouMean: 'Did you mean:',
  found: (n) => `Polling stations found: ${n}`,
  nearest: (n) => `Nearest polling stations: ${n}`,
  noCoordinates: 'The stations have no coordinates yet: search for your city instead.',
  station: (n) => `Polling station No. ${n}`,
  address: 'Address',
  noAddress: 'Ask the embassy or consulate for the address',
  days: 'When',
  hours: (opens, closes) => `${opens}–${closes} local time`,
  distance: (km) => `≈ ${km} km`,
  distanceCity: (km) => `≈ ${km} km to the city centre`,
  queue: (people, minutes, at) => `Queue: ${people} people, about ${minutes} min wait (reported at ${at})`,
  addToCalendar: 'Add to calendar',
  mapHeading: 'Map of polling stations',
  mapLabel: (n) =>
    `Map: ${n} stations with coordinates. The dots are buttons; choosing one shows the station’s card.`,
  mapLoading: 'Drawing the map…',
  mapNone: 'The stations have no coordinates yet, so the map has no dots.',
  mapPartial: (shown, total) =>
    `${shown} of ${total} stations are on the map: the others have no coordinates yet.`,
  dot: (city, numbers) =>
    numbers.length === 1
      ? `${city}: station No. ${numbers[0]}`
      : `${city}: stations No. ${numbers.join(', ')}`,
  topicsHeading: 'Questions and answers',
  topicsLead: 'The short answer first, details and sources below. Each fact says when it was last checked.',
  sources: 'Facts and sources',
  checked: (day) => `checked ${day}`,
  inElection: 'In this election',
};

const GUIDE_TEXTS: Record<Lang, typeof ru> = { ru, en };

export type GuideTexts = typeof ru;

export function gt(): GuideTexts {
  return GUIDE_TEXTS[lang()];
}

/** A number of kilometres as the language writes it: 3,2 / 3.2; whole above 100. */
export function km(value: number): string {
  return new Intl.NumberFormat(lang() === 'ru' ? 'ru-RU' : 'en-GB', {
    maximumFractionDigits: value >= 100 ? 0 : 1,
  }).format(value);
}
