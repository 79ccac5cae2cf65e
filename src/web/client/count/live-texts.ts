import { lang } from '../i18n.js';
import type { Lang } from '../texts.js';

// The words of the live count page, in both languages. Kept beside the page rather than in texts.ts: no other
// page says them, and the shared file stays the talk pages' own.

/** Russian plural: 1 участок, 2 участка, 5 участков (and 21, 22, 25 alike). */
export function plural(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** "на 1 участке", "на 2 участках": the prepositional plural has one form for every number but those ending in 1. */
const ruAtStations = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? 'участке' : 'участках');

const ru = {
  pageTitle: (title: string) => `${title} — подсчёт у участков`,
  defaultTitle: 'Подсчёт у избирательных участков',
  lead: 'Волонтёры стоят у зарубежных участков и считают, сколько людей заходит голосовать. Цифры обновляются сами.',
  totalLabel: 'Всего посчитано',
  totalNote: (people: number, stations: number) =>
    `${plural(people, 'человек', 'человека', 'человек')} на ${stations} ${ruAtStations(stations)}`,
  live: 'Цифры обновляются сами',
  connecting: 'Подключаемся…',
  stale: (since: string) =>
    `Нет связи с сервером с ${since}. Цифры могут быть устаревшими — переподключаемся…`,
  stationsHeading: 'Участки',
  countryLabel: 'Страна',
  allCountries: 'Все страны',
  countryOption: (name: string, stations: number) => `${name} (${stations})`,
  shown: (stations: number, counted: string) =>
    `Здесь ${stations} ${plural(stations, 'участок', 'участка', 'участков')}, посчитано ${counted}`,
  station: (id: string) => `Участок № ${id}`,
  counted: 'Посчитано',
  notCounted: 'Здесь ещё не считали',
  coverage: (percent: string) => `Подсчёт шёл ${percent} времени работы участка за все дни`,
  coverageTiny: 'Подсчёт шёл меньше 1 % времени работы участка за все дни',
  queue: (people: string, wait: string) => `Очередь: ${people} чел., ждать ${wait}`,
  queueNoWait: (people: string) => `Очередь: ${people} чел., ждать не приходится`,
  reported: (ago: string) => `сообщили ${ago}`,
  noQueue: 'Об очереди пока не сообщали',
  updated: (ago: string) => `Обновлено ${ago}`,
  hours: (h: number) => `${h} ч`,
  minutes: (m: number) => `${m} мин`,
  showChart: 'График прихода',
  shareCard: 'Картинка для близких',
  chartHeading: 'Сколько людей заходило за каждые 15 минут',
  chartStation: 'Участок',
  chartPick: 'Выберите участок',
  chartDay: 'День',
  chartDesc: (station: string, day: string, counted: string) =>
    `Столбиковая диаграмма: люди, вошедшие на участок ${station} за ${day}, по 15 минут; всего посчитано ${counted}`,
  chartEmpty: 'По этому участку ещё нет ни одного отрезка подсчёта.',
  chartZone: (zone: string) => `Время на графике — местное время участка (${zone})`,
  chartZoneViewer: (zone: string) => `Время на графике — ваше местное (${zone})`,
  notWatched: 'никто не считал',
  door: (id: string) => (id === 'main' ? 'Главный вход' : `Вход «${id}»`),
  time: 'Время',
  doorColumn: 'Вход',
  people: 'Людей',
  missingHeading: 'Таких выборов здесь нет',
  missing: (id: string) => `Выборов с кодом «${id}» мы не знаем. Проверьте ссылку.`,
  noStations: 'Участки для этих выборов ещё не добавлены.',
  loadFailed: 'Не удалось загрузить цифры. Пробуем ещё раз…',
  about:
    'Посчитано — люди, которых волонтёры видели входящими на участок, только за то время, когда кто-то считал. Если один вход считали несколько волонтёров, берётся медиана их подсчётов. Ответы экзит-пола на этой странице не показываются.',
};

const en: typeof ru = {
  pageTitle: (title: string) => `${title} — live count`,
  defaultTitle: 'Live count at polling stations',
  lead: 'Volunteers stand outside polling stations abroad and count the people who go in to vote. The figures update by themselves.',
  totalLabel: 'Counted so far',
  totalNote: (people: number, stations: number) =>
    `${people === 1 ? 'person' : 'people'} at ${stations} ${stations === 1 ? 'station' : 'stations'}`,
  live: 'The figures update by themselves',
  connecting: 'Connecting…',
  stale: (since: string) =>
    `No connection to the server since ${since}. The figures may be out of date — reconnecting…`,
  stationsHeading: 'Stations',
  countryLabel: 'Country',
  allCountries: 'All countries',
  countryOption: (name: string, stations: number) => `${name} (${stations})`,
  shown: (stations: number, counted: string) =>
    `${stations} ${stations === 1 ? 'station' : 'stations'} here, ${counted} counted`,
  station: (id: string) => `Station ${id}`,
  counted: 'Counted',
  notCounted: 'Nobody has counted here yet',
  coverage: (percent: string) =>
    `Counted during ${percent} of the station's opening hours, all days together`,
  coverageTiny: "Counted during less than 1% of the station's opening hours, all days together",
  queue: (people: string, wait: string) => `Queue: ${people} people, about ${wait} wait`,
  queueNoWait: (people: string) => `Queue: ${people} people, no wait`,
  reported: (ago: string) => `reported ${ago}`,
  noQueue: 'No queue reported yet',
  updated: (ago: string) => `Updated ${ago}`,
  hours: (h: number) => `${h} h`,
  minutes: (m: number) => `${m} min`,
  showChart: 'Arrivals chart',
  shareCard: 'Share card',
  chartHeading: 'People going in, per 15 minutes',
  chartStation: 'Station',
  chartPick: 'Choose a station',
  chartDay: 'Day',
  chartDesc: (station: string, day: string, counted: string) =>
    `Bar chart: people going into station ${station} on ${day} per 15 minutes; ${counted} counted in all`,
  chartEmpty: 'Nobody has counted at this station yet.',
  chartZone: (zone: string) => `Times on the chart are the station's local time (${zone})`,
  chartZoneViewer: (zone: string) => `Times on the chart are your local time (${zone})`,
  notWatched: 'nobody counting',
  door: (id: string) => (id === 'main' ? 'Main door' : `Door “${id}”`),
  time: 'Time',
  doorColumn: 'Door',
  people: 'People',
  missingHeading: 'No such election here',
  missing: (id: string) => `We do not know an election with the code “${id}”. Please check the link.`,
  noStations: 'No stations have been added for this election yet.',
  loadFailed: 'Could not load the figures. Trying again…',
  about:
    'Counted: the people volunteers saw going into the station, only while someone was counting. Where several volunteers counted one door, the median of their counts is taken. Exit-poll answers are not shown on this page.',
};

export type LiveTexts = typeof ru;

const LIVE_TEXTS: Record<Lang, LiveTexts> = { ru, en };

/** A word of this page in the page's current language. */
export function w<K extends keyof LiveTexts>(key: K): LiveTexts[K] {
  return LIVE_TEXTS[lang()][key];
}
