import { lang } from '../i18n.js';
import type { Lang } from '../texts.js';
import { plural } from './live-texts.js';

// The words of the report page, in both languages. The flags are explained twice over: what the figures say at
// this station, and what they do not prove, so that nobody reads a counting slip as a stolen election.

/** "1 опрошенного", "2 опрошенных": the genitive after «по ответам». */
const ruAsked = (n: string, raw: number) => `${n} ${plural(raw, 'опрошенного', 'опрошенных', 'опрошенных')}`;

const ru = {
  pageTitle: (title: string) => `${title} — итоги по участкам`,
  defaultTitle: 'Итоги по участкам',
  lead: 'Здесь рядом три источника: сколько людей насчитали волонтёры у входа, что люди сказали на выходе (экзит-пол) и что записано в официальных протоколах. Участки, где они расходятся, идут первыми.',
  liveLink: 'Живой подсчёт у участков',
  loading: 'Загружаем итоги…',
  loadFailed: 'Не удалось загрузить итоги. Попробуйте обновить страницу чуть позже.',
  notPublished: (when: string) =>
    `Ответы экзит-пола опубликуем, когда закроется последний участок: ${when}. Пока здесь только подсчёт волонтёров и официальные цифры.`,
  notPublishedNoTime:
    'Ответы экзит-пола опубликуем, когда закроется последний участок. Пока здесь только подсчёт волонтёров и официальные цифры.',
  totalsHeading: 'Всего',
  totalCounted: 'Посчитали волонтёры',
  totalOfficial: 'Бюллетеней по официальным данным',
  totalRespondents: 'Опрошено на выходе',
  totalFlagged: 'Участков с расхождениями',
  flaggedOf: (flagged: string, stations: string) => `${flagged} из ${stations}`,
  none: 'нет данных',
  legendHeading: 'Как читать графики',
  legendBar:
    'Полоса — доля, которую допускает опрос на выходе: с поправкой на случайность выборки (95 %) и на тех, кто отказался отвечать.',
  legendTick: 'Черта — доля этого ответа среди опрошенных.',
  legendDot: 'Точка — официальная доля: голоса ÷ бюллетени в урнах.',
  legendOutside:
    'Красная точка вне своей полосы — то, на что стоит посмотреть: официальная цифра не сходится с тем, что люди говорили на выходе.',
  flaggedHeading: 'Где цифры расходятся',
  othersHeading: 'Остальные участки',
  stationsHeading: 'Участки',
  shown: (stations: number) => `Показано: ${stations} ${plural(stations, 'участок', 'участка', 'участков')}`,
  noFlags: 'Расхождений больше, чем допускает случайность, на этих участках нет.',
  counted: 'Посчитали волонтёры',
  notCounted: 'Вход здесь не считали',
  coverage: (share: string) => `считали ${share} времени работы участка`,
  estimate: (people: string) => `если так же шло всё время — около ${people}`,
  official: 'Бюллетеней в урнах (официально)',
  noOfficial: 'Официальных цифр по участку пока нет',
  respondents: 'Опрошено на выходе',
  declined: (n: string) => `отказались отвечать: ${n}`,
  noPoll: 'Экзит-пол здесь не проводили.',
  flagsHeading: 'Что здесь не сходится',
  notProof: 'Чего это не доказывает.',
  chartHeading: 'Экзит-пол и официальные цифры',
  officialHeading: 'Официальные цифры',
  pollFigures: (share: string, low: string, high: string) => `опрос ${share} (от ${low} до ${high})`,
  officialFigure: (share: string) => `официально ${share}`,
  outsideMark: 'вне полосы',
  rowLabel: (answer: string, poll: string | null, official: string | null, outside: boolean) =>
    [
      `${answer}:`,
      poll ?? 'в опросе нет данных',
      official ? `, ${official}` : ', официальной цифры нет',
      outside ? ' — официальная доля вне полосы опроса.' : '.',
    ].join(''),
  excluded: (n: number) =>
    `Координатор исключил из этих цифр данные ${n} ${plural(n, 'волонтёра', 'волонтёров', 'волонтёров')}. Они сохранены, и решение можно отменить.`,
  share: 'Отправить картинку близким',
  download: 'Скачать картинку для близких',
  shareAll: 'Отправить картинку по всем участкам',
  downloadAll: 'Скачать картинку по всем участкам',
  station: (id: string) => `Участок № ${id}`,
  flagTitle: {
    'outside-survey': 'Официальная доля вне того, что допускает опрос',
    contradiction: 'Голосов меньше, чем людей, сказавших, что голосовали так',
    'more-ballots-than-counted': 'Бюллетеней больше, чем вошло людей',
    'counts-disagree': 'Волонтёры насчитали по-разному',
  },
  outsideAbove: (answer: string, official: string, high: string, asked: string, askedRaw: number) =>
    `${answer}: официально ${official} бюллетеней. По ответам ${ruAsked(asked, askedRaw)} на выходе доля не может быть выше ${high}`,
  outsideBelow: (answer: string, official: string, low: string, asked: string, askedRaw: number) =>
    `${answer}: официально ${official} бюллетеней. По ответам ${ruAsked(asked, askedRaw)} на выходе доля не может быть ниже ${low}`,
  outsideDeclined: (declined: string, declinedRaw: number) =>
    `${
      declinedRaw === 1
        ? ' — даже если единственный отказавшийся отвечать выбрал именно это'
        : declinedRaw > 1
          ? ` — даже если все ${declined}, кто отказался отвечать, выбрали именно это`
          : ''
    }. Случайность выборки здесь уже учтена.`,
  outsideNotProof:
    'Само по себе это не доказательство подделки. Отказы уже учтены в полосе, но опрос не слышит тех, кто прошёл мимо волонтёров, голосовал, пока их не было у дверей, или ответил не так, как голосовал. Если эти люди голосовали иначе, чем опрошенные, разрыв может объясняться ими.',
  contradiction: (
    answer: string,
    said: string,
    asked: string,
    votes: string,
    votesRaw: number,
    gap: string,
  ) =>
    `${answer}: на выходе так ответили ${said} из ${asked} опрошенных, а официально засчитано ${votes} ${plural(votesRaw, 'голос', 'голоса', 'голосов')} — на ${gap} меньше.`,
  contradictionNotProof:
    'Это не доказывает, что голоса украли: кто-то из опрошенных мог ответить неправду или испортить бюллетень, сам того не заметив. Но если люди на выходе говорили правду, часть их голосов в официальный итог не попала.',
  moreBallots: (ballots: string, ballotsRaw: number, counted: string, countedRaw: number, gap: string) =>
    `Официально в урнах ${ballots} ${plural(ballotsRaw, 'бюллетень', 'бюллетеня', 'бюллетеней')}, а волонтёры, считавшие вход всё время работы участка, видели ${counted} ${plural(countedRaw, 'вошедшего', 'вошедших', 'вошедших')} — на ${gap} меньше.`,
  moreBallotsNotProof:
    'Это не доказывает вброс. Волонтёр мог сбиться в толпе, люди могли зайти через вход, который никто не считал, а часть бюллетеней могла прийти из досрочного голосования или переносной урны. Участок стоит проверить, но выводы делать рано.',
  countsDisagree:
    'Хотя бы за одни 15 минут волонтёры, считавшие один и тот же вход, разошлись больше чем на 3 человека и больше чем на пятую часть. В цифру «посчитали» здесь вошла медиана их подсчётов.',
  countsDisagreeNotProof:
    'Это про подсчёт, а не про выборы: кто-то отвлёкся, отходил или считал по-своему. О честности выборов это ничего не говорит, но цифре «посчитали» на этом участке стоит доверять меньше.',
  about:
    'Экзит-пол — ответы тех, кто согласился сказать волонтёрам на выходе, как проголосовал. Полоса — 95-процентный интервал Уилсона; её верхний край считает, будто все отказавшиеся выбрали этот ответ. «Посчитали» — люди, которых волонтёры видели входящими, только за то время, пока кто-то считал.',
};

const en: typeof ru = {
  pageTitle: (title: string) => `${title} — report by station`,
  defaultTitle: 'Report by station',
  lead: 'Three sources side by side: how many people volunteers counted at the door, what people said on their way out (the exit poll), and the official results. Stations where they part come first.',
  liveLink: 'Live count at the stations',
  loading: 'Loading the report…',
  loadFailed: 'Could not load the report. Please try reloading the page a little later.',
  notPublished: (when: string) =>
    `The exit poll will be published when the last station closes: ${when}. Until then this page shows the volunteers' counts and the official figures only.`,
  notPublishedNoTime:
    "The exit poll will be published when the last station closes. Until then this page shows the volunteers' counts and the official figures only.",
  totalsHeading: 'In all',
  totalCounted: 'Counted by volunteers',
  totalOfficial: 'Ballots, official figures',
  totalRespondents: 'Asked on the way out',
  totalFlagged: 'Stations where figures part',
  flaggedOf: (flagged: string, stations: string) => `${flagged} of ${stations}`,
  none: 'no data',
  legendHeading: 'How to read the charts',
  legendBar:
    'The bar is the share the exit poll allows, given sampling chance (95%) and the people who declined to answer.',
  legendTick: 'The tick is the share of this answer among those asked.',
  legendDot: 'The dot is the official share: votes ÷ ballots in the boxes.',
  legendOutside:
    'A red dot outside its bar is what to look at: the official figure does not fit what people said on their way out.',
  flaggedHeading: 'Where the figures part',
  othersHeading: 'Other stations',
  stationsHeading: 'Stations',
  shown: (stations: number) => `Showing ${stations} ${stations === 1 ? 'station' : 'stations'}`,
  noFlags: 'At these stations nothing parts by more than chance allows.',
  counted: 'Counted by volunteers',
  notCounted: 'Nobody counted at the door here',
  coverage: (share: string) => `counted during ${share} of the opening hours`,
  estimate: (people: string) => `about ${people} if the rest went the same way`,
  official: 'Ballots in the boxes (official)',
  noOfficial: 'No official figures for this station yet',
  respondents: 'Asked on the way out',
  declined: (n: string) => `declined to answer: ${n}`,
  noPoll: 'No exit poll at this station.',
  flagsHeading: 'What does not add up here',
  notProof: 'What this does not prove.',
  chartHeading: 'Exit poll and official figures',
  officialHeading: 'Official figures',
  pollFigures: (share: string, low: string, high: string) => `poll ${share} (${low} to ${high})`,
  officialFigure: (share: string) => `official ${share}`,
  outsideMark: 'outside the bar',
  rowLabel: (answer: string, poll: string | null, official: string | null, outside: boolean) =>
    [
      `${answer}: `,
      poll ?? 'no poll figures',
      official ? `, ${official}` : ', no official figure',
      outside ? ' — the official share is outside the poll’s bar.' : '.',
    ].join(''),
  excluded: (n: number) =>
    `A coordinator excluded the data of ${n} ${n === 1 ? 'volunteer' : 'volunteers'} from these figures. It is kept, and the decision can be undone.`,
  share: 'Send the picture home',
  download: 'Download the share card',
  shareAll: 'Send the picture of all stations',
  downloadAll: 'Download the card of all stations',
  station: (id: string) => `Station ${id}`,
  flagTitle: {
    'outside-survey': 'The official share is outside what the poll allows',
    contradiction: 'Fewer votes than people who said they voted so',
    'more-ballots-than-counted': 'More ballots than people who went in',
    'counts-disagree': 'Volunteers counted differently',
  },
  outsideAbove: (answer: string, official: string, high: string, asked: string, askedRaw: number) =>
    `${answer}: ${official} of the ballots officially. From the answers of ${asked} ${askedRaw === 1 ? 'person' : 'people'} asked on the way out, the share cannot be above ${high}`,
  outsideBelow: (answer: string, official: string, low: string, asked: string, askedRaw: number) =>
    `${answer}: ${official} of the ballots officially. From the answers of ${asked} ${askedRaw === 1 ? 'person' : 'people'} asked on the way out, the share cannot be below ${low}`,
  outsideDeclined: (declined: string, declinedRaw: number) =>
    `${
      declinedRaw === 1
        ? ', even if the one person who declined to answer chose it'
        : declinedRaw > 1
          ? `, even if all ${declined} who declined to answer chose it`
          : ''
    }. Sampling chance is already allowed for.`,
  outsideNotProof:
    'This alone does not prove fraud. Refusals are already inside the bar, but the poll cannot hear people who walked past the volunteers, voted while no volunteer was at the door, or did not say how they really voted. If they voted differently from those asked, they could explain the gap.',
  contradiction: (
    answer: string,
    said: string,
    asked: string,
    votes: string,
    votesRaw: number,
    gap: string,
  ) =>
    `${answer}: ${said} of the ${asked} people asked on the way out said they voted so, but the official count credits ${votes} ${votesRaw === 1 ? 'vote' : 'votes'} — ${gap} fewer.`,
  contradictionNotProof:
    'This does not prove that votes were stolen: some of those asked may not have told the truth, or spoiled their ballot without noticing. But if the people leaving told the truth, some of their votes are missing from the official result.',
  moreBallots: (ballots: string, _ballotsRaw: number, counted: string, countedRaw: number, gap: string) =>
    `Officially there were ${ballots} ballots in the boxes, but volunteers who counted the door all the opening hours saw ${counted} ${countedRaw === 1 ? 'person' : 'people'} go in — ${gap} fewer.`,
  moreBallotsNotProof:
    'This does not prove ballot stuffing. A volunteer may have lost count in a crowd, people may have gone in by a door nobody counted, and some ballots may have come from early voting or a mobile box. The station is worth checking, but it is too early for conclusions.',
  countsDisagree:
    'In at least one quarter hour, volunteers counting the same door differed by more than 3 people and by more than a fifth. The “counted” figure here takes the median of their counts.',
  countsDisagreeNotProof:
    'This is about counting, not about the election: someone was distracted, stepped away or counted their own way. It says nothing about whether the election was fair, but the “counted” figure at this station deserves less trust.',
  about:
    'The exit poll: the answers of those who agreed to tell volunteers on their way out how they voted. The bar is the 95% Wilson interval; its upper end assumes everyone who declined chose that answer. “Counted”: the people volunteers saw going in, only while someone was counting.',
};

export type ReportTexts = typeof ru;

const REPORT_TEXTS: Record<Lang, ReportTexts> = { ru, en };

/** A word of the report page in the page's current language. */
export function r<K extends keyof ReportTexts>(key: K): ReportTexts[K] {
  return REPORT_TEXTS[lang()][key];
}
