import type { City } from '../catalogue/cities.js';
import type { Lang } from '../catalogue/schema.js';
import type { Station } from '../catalogue/stations.js';
import { findByCity, findByCountry } from './station-search.js';
import { writtenDays } from './topics.js';
import { WIZARD_TEXTS } from './wizard-texts.js';

// "Can I vote, and what do I need?": a few questions leading to a personal checklist. Pure, like the dialogue
// engine: the state is a handful of short codes (they fit in a Telegram button and in a page's address), and
// the bot, the web page and the terminal all run these two functions, so they ask the same and advise the same.

export const WIZARD_QUESTIONS = ['citizen', 'country', 'city', 'passport', 'valid', 'applied'] as const;
export type WizardQuestion = (typeof WIZARD_QUESTIONS)[number];

/** The answers so far, each a short code: a country's ISO code, a city as the stations list spells it. */
export type WizardAnswers = Partial<Record<WizardQuestion, string>>;

/** Another country or city than those listed, and "I am not sure": answers every front end offers. */
export const ELSEWHERE = 'other';
export const UNSURE = 'unsure';

/** What the wizard knows of the election it advises on: its stations and the finder's city names. */
export interface WizardContext {
  election: { id: string; title: Record<Lang, string> };
  stations: readonly Station[];
  cities: readonly City[];
}

export interface WizardOption {
  value: string;
  label: string;
}

export interface WizardQuestionScreen {
  kind: 'question';
  question: WizardQuestion;
  text: string;
  options: WizardOption[];
  /** Which question of how many at most, for "2 of 6". */
  number: number;
  total: number;
}

/** One line of the checklist, with the guide topic that explains it and names its sources. */
export interface ChecklistItem {
  kind: 'eligibility' | 'station' | 'documents' | 'register' | 'days' | 'online' | 'safety';
  /** `ok`: nothing to do; `todo`: something to do or check; `stop`: this keeps the person from voting. */
  status: 'ok' | 'todo' | 'stop';
  text: string;
  topic: string;
}

export interface WizardChecklist {
  kind: 'checklist';
  /** `ready`: nothing stands in the way; `check`: things to do or check first; `cannot`: not as things stand. */
  verdict: 'ready' | 'check' | 'cannot';
  heading: string;
  items: ChecklistItem[];
  /** The stations of the person's city (or country, when the city has none listed). */
  stations: Station[];
}

export type WizardScreen = WizardQuestionScreen | WizardChecklist;

/** The next question, or the checklist once every question that applies is answered. */
export function wizardScreen(answers: WizardAnswers, context: WizardContext, lang: Lang): WizardScreen {
  const next = nextQuestion(answers, context);
  if (next === null) return checklist(answers, context, lang);
  // A question that depends on an answer not given yet counts, so "2 of 6" only ever shrinks to "3 of 5".
  const asked = WIZARD_QUESTIONS.filter(
    (question) => answers[question] !== undefined || mayApply(question, answers, context),
  );
  return {
    kind: 'question',
    question: next,
    text: WIZARD_TEXTS[lang].questions[next],
    options: optionsOf(next, answers, context, lang),
    number: asked.indexOf(next) + 1,
    total: asked.length,
  };
}

/**
 * The answers with one more; a value the current question does not offer (an old button, an edited address)
 * leaves them as they were, so the same question is asked again.
 */
export function answerWizard(
  answers: WizardAnswers,
  value: string,
  context: WizardContext,
  lang: Lang = 'en',
): WizardAnswers {
  const next = nextQuestion(answers, context);
  if (next === null) return answers;
  if (!optionsOf(next, answers, context, lang).some((option) => option.value === value)) return answers;
  return { ...answers, [next]: value };
}

/**
 * A typed place as the answer to "which country?" or "which city?" (any language, typos allowed): a city answers
 * both, so a person in Belgrade need not scroll through forty countries. Null when the text names no place with
 * stations, or another country than the one chosen.
 */
export function answerWithPlace(
  answers: WizardAnswers,
  text: string,
  context: WizardContext,
  lang: Lang = 'en',
): WizardAnswers | null {
  const screen = wizardScreen(answers, context, lang);
  if (screen.kind !== 'question' || (screen.question !== 'country' && screen.question !== 'city'))
    return null;
  const [station] = findByCity(context.stations, context.cities, text).stations;
  const country =
    station?.country ?? findByCountry(context.stations, context.cities, text).stations[0]?.country;
  if (country === undefined || (screen.question === 'city' && country !== answers.country)) return null;
  let next = screen.question === 'country' ? answerWizard(answers, country, context, lang) : answers;
  const after = wizardScreen(next, context, lang);
  if (station && after.kind === 'question' && after.question === 'city')
    next = answerWizard(next, station.city, context, lang);
  return next;
}

/** One step back: the last answer given is taken away. */
export function wizardBack(answers: WizardAnswers): WizardAnswers {
  const last = WIZARD_QUESTIONS.filter((question) => answers[question] !== undefined).pop();
  if (last === undefined) return answers;
  const { [last]: _dropped, ...rest } = answers;
  return rest;
}

/** Reads answers from `question=value` pairs (a page's address, the terminal's --answers), keeping known ones. */
export function parseAnswers(pairs: Iterable<[string, string]>): WizardAnswers {
  const answers: WizardAnswers = {};
  for (const [key, value] of pairs)
    if ((WIZARD_QUESTIONS as readonly string[]).includes(key) && value.length <= 64)
      answers[key as WizardQuestion] = value;
  return answers;
}

function nextQuestion(answers: WizardAnswers, context: WizardContext): WizardQuestion | null {
  // A person who cannot vote gets the checklist at once: asking about passports would waste their time.
  if (answers.citizen === 'no') return null;
  return (
    WIZARD_QUESTIONS.find(
      (question) => answers[question] === undefined && applies(question, answers, context),
    ) ?? null
  );
}

function applies(question: WizardQuestion, answers: WizardAnswers, context: WizardContext): boolean {
  if (question === 'city')
    return answers.country !== ELSEWHERE && citiesIn(answers.country, context).length > 1;
  if (question === 'valid') return answers.passport === 'foreign';
  return true;
}

function mayApply(question: WizardQuestion, answers: WizardAnswers, context: WizardContext): boolean {
  if (question === 'city' && answers.country === undefined) return true;
  if (question === 'valid' && answers.passport === undefined) return true;
  return applies(question, answers, context);
}

function citiesIn(country: string | undefined, context: WizardContext): string[] {
  if (country === undefined) return [];
  return [...new Set(context.stations.filter((s) => s.country === country).map((s) => s.city))];
}

function optionsOf(
  question: WizardQuestion,
  answers: WizardAnswers,
  context: WizardContext,
  lang: Lang,
): WizardOption[] {
  const words = WIZARD_TEXTS[lang].options;
  const choose = (values: readonly string[]) =>
    values.map((value) => ({ value, label: words[value as keyof typeof words] ?? value }));
  switch (question) {
    case 'citizen':
      return choose(['yes', 'no', UNSURE]);
    case 'country': {
      const names = new Intl.DisplayNames([lang], { type: 'region' });
      const countries = [...new Set(context.stations.map((s) => s.country))]
        .map((code) => ({ value: code, label: names.of(code) ?? code }))
        .sort((a, b) => a.label.localeCompare(b.label, lang));
      return [...countries, { value: ELSEWHERE, label: words.otherCountry }];
    }
    case 'city':
      return [
        ...citiesIn(answers.country, context).map((city) => ({
          value: city,
          label: cityName(city, context.cities, lang),
        })),
        { value: ELSEWHERE, label: words.otherCity },
      ];
    case 'passport':
      return choose(['foreign', 'internal', 'none']);
    case 'valid':
      return choose(['yes', 'expired', UNSURE]);
    case 'applied':
      return choose(['no', 'yes', UNSURE]);
  }
}

function cityName(city: string, cities: readonly City[], lang: Lang): string {
  if (lang === 'en') return city;
  return cities.find((known) => known.en === city)?.ru ?? city;
}

function checklist(answers: WizardAnswers, context: WizardContext, lang: Lang): WizardChecklist {
  const texts = WIZARD_TEXTS[lang];
  const items: ChecklistItem[] = [];
  const add = (kind: ChecklistItem['kind'], status: ChecklistItem['status'], text: string, topic: string) =>
    items.push({ kind, status, text, topic });

  if (answers.citizen === 'no') {
    add('eligibility', 'stop', texts.notCitizen, 'eligibility');
    return { kind: 'checklist', verdict: 'cannot', heading: texts.headings.cannot, items, stations: [] };
  }
  if (answers.citizen === UNSURE) add('eligibility', 'todo', texts.citizenUnsure, 'eligibility');
  else add('eligibility', 'ok', texts.citizen, 'eligibility');

  const stations = stationsFor(answers, context);
  const election = context.election.title[lang];
  if (stations.length > 0) {
    const lines = stations.map((station) => stationLine(station, context, lang));
    add('station', 'todo', texts.stations(election, lines), 'find-station');
  } else add('station', 'todo', texts.noStation(election), 'find-station');

  switch (answers.passport) {
    case 'foreign':
      if (answers.valid === 'yes') add('documents', 'ok', texts.passportValid, 'documents');
      else if (answers.valid === 'expired') add('documents', 'stop', texts.passportExpired, 'documents');
      else add('documents', 'todo', texts.passportUnsure, 'documents');
      break;
    case 'internal':
      add('documents', 'todo', texts.internalOnly, 'documents');
      break;
    default:
      add('documents', 'stop', texts.noPassport, 'documents');
  }

  if (answers.applied === 'yes') add('register', 'todo', texts.applied, 'register-ahead');
  else if (answers.applied === UNSURE) add('register', 'todo', texts.appliedUnsure, 'register-ahead');
  else add('register', 'ok', texts.notApplied, 'register-ahead');

  add('days', 'todo', texts.days, 'voting-days');
  add('online', 'ok', texts.online, 'online-voting');
  add('safety', 'todo', texts.safety, 'safety');

  const verdict = items.some((item) => item.status === 'stop')
    ? 'cannot'
    : answers.citizen === UNSURE || answers.passport !== 'foreign' || answers.valid !== 'yes'
      ? 'check'
      : 'ready';
  return { kind: 'checklist', verdict, heading: texts.headings[verdict], items, stations };
}

/** The stations of the chosen city; of the whole country when the person is in another city of it. */
function stationsFor(answers: WizardAnswers, context: WizardContext): Station[] {
  const { country, city } = answers;
  if (country === undefined || country === ELSEWHERE) return [];
  const inCountry = context.stations.filter((s) => s.country === country);
  const inCity = inCountry.filter((s) => s.city === city);
  return inCity.length > 0 ? inCity : inCountry;
}

/** «№ 8267, Белград, Bulevar crvene armije 28: 17 марта 2024, 08:00–20:00 по местному времени». */
export function stationLine(station: Station, context: Pick<WizardContext, 'cities'>, lang: Lang): string {
  const texts = WIZARD_TEXTS[lang];
  const place = [cityName(station.city, context.cities, lang), station.address].filter(Boolean).join(', ');
  return texts.stationLine(
    station.station,
    place,
    writtenDays(station.days, lang),
    `${station.opens}–${station.closes}`,
  );
}
