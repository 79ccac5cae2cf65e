import type { Lang } from '../../catalogue/schema.js';
import { type GuideElection, guideElection } from '../../guide/election-choice.js';
import { findByCity, findByCountry, namesPlace } from '../../guide/station-search.js';
import { renderTopic, topicView } from '../../guide/topics.js';
import {
  answerWithPlace,
  answerWizard,
  parseAnswers,
  stationLine,
  type WizardAnswers,
  type WizardContext,
  wizardBack,
  wizardScreen,
} from '../../guide/wizard.js';
import { menuButton } from '../buttons.js';
import type { Deps } from '../deps.js';
import type { Button } from '../messages.js';
import type { Part } from '../part.js';
import type { Turn } from '../turn.js';
import { GUIDE, guideButtons } from './buttons.js';
import { GUIDE_COMMANDS } from './commands.js';
import { GUIDE_TEXTS } from './texts.js';

// The guide in the conversation: /vote opens it; the wizard "Can I vote?", the station finder and the topics;
// practical questions typed anywhere a new question may start (the front door) are answered from the topics,
// and a city's name finds its stations. The stations are those shipped with the catalogue.

const STATUS_MARK = { ok: '✅', todo: '☑️', stop: '⛔' } as const;
/** Below this a question's topic is only offered when another part answered. */
const CITY_SCORE = 1;

function electionOf(deps: Deps, turn: Turn): GuideElection | null {
  const { elections, stations } = deps.catalogue;
  return guideElection(elections, stations, turn.now.toISOString().slice(0, 10));
}

function wizardContext(deps: Deps, chosen: GuideElection): WizardContext {
  return { election: chosen.election, stations: chosen.stations, cities: deps.catalogue.cities };
}

function twoColumns(buttons: Button[]): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

function topicTitle(deps: Deps, id: string, lang: Lang): string {
  return deps.catalogue.guide.find((topic) => topic.id === id)?.[lang].title ?? id;
}

function showHome(deps: Deps, turn: Turn): void {
  const { lang } = turn.state;
  const texts = GUIDE_TEXTS[lang];
  const chosen = electionOf(deps, turn);
  turn.state = { ...turn.state, mode: 'guide' };
  turn.say({
    text: texts.home(chosen?.election.title[lang] ?? '—'),
    buttons: [
      [{ label: texts.buttons.wizard, data: guideButtons.wizard }],
      [
        { label: texts.buttons.find, data: guideButtons.find },
        { label: texts.buttons.topics, data: guideButtons.topics },
      ],
      [menuButton(lang)],
    ],
  });
}

function showTopics(deps: Deps, turn: Turn): void {
  const { lang } = turn.state;
  turn.state = { ...turn.state, mode: 'guide' };
  turn.say({
    text: GUIDE_TEXTS[lang].topicsHeading,
    buttons: [
      ...twoColumns(
        deps.catalogue.guide.map((topic) => ({
          label: topic[lang].title,
          data: guideButtons.topic(topic.id),
        })),
      ),
      [{ label: GUIDE_TEXTS[lang].buttons.home, data: guideButtons.home }, menuButton(lang)],
    ],
  });
}

function showTopic(deps: Deps, turn: Turn, id: string): boolean {
  const topic = deps.catalogue.guide.find((candidate) => candidate.id === id);
  if (!topic) return false;
  const { lang } = turn.state;
  turn.state = { ...turn.state, mode: 'guide' };
  turn.say({
    text: renderTopic(topicView(topic, lang), lang),
    buttons: [
      [
        { label: GUIDE_TEXTS[lang].buttons.topics, data: guideButtons.topics },
        { label: GUIDE_TEXTS[lang].buttons.home, data: guideButtons.home },
      ],
    ],
  });
  return true;
}

/** A practical question: the best topic's short answer, with its details a tap away, and the runners-up. */
function answerQuestion(deps: Deps, turn: Turn, text: string, intro?: string): boolean {
  const { lang } = turn.state;
  const texts = GUIDE_TEXTS[lang];
  const { topics } = deps.questions.ask(text);
  const [best, ...others] = topics;
  const topic = best && deps.catalogue.guide.find((candidate) => candidate.id === best.id);
  if (!topic) return false;
  turn.effect({ kind: 'topics-asked', topics: topics.map(({ id }) => id) });
  turn.say({
    text: [intro, `${topic[lang].title}\n\n${topic[lang].short}`].filter(Boolean).join('\n\n'),
    buttons: [
      [{ label: texts.buttons.more, data: guideButtons.topic(topic.id) }],
      ...others.map(({ id }) => [{ label: topicTitle(deps, id, lang), data: guideButtons.topic(id) }]),
    ],
  });
  return true;
}

function startWizard(deps: Deps, turn: Turn): void {
  turn.state = { ...turn.state, mode: 'guide', guide: { ...turn.state.guide, wizard: {} } };
  showWizard(deps, turn, {});
}

function showWizard(deps: Deps, turn: Turn, answers: WizardAnswers): void {
  const { lang } = turn.state;
  const texts = GUIDE_TEXTS[lang];
  const chosen = electionOf(deps, turn);
  if (!chosen) {
    turn.say({ text: texts.noStations, buttons: [[menuButton(lang)]] });
    return;
  }
  const screen = wizardScreen(answers, wizardContext(deps, chosen), lang);
  const back = { label: texts.buttons.back, data: guideButtons.back };
  if (screen.kind === 'question') {
    const options = screen.options.map((option, index) => ({
      label: option.label,
      data: guideButtons.answer(screen.question, index),
    }));
    turn.say({
      text: texts.question(screen.number, screen.total, screen.text),
      buttons: [
        ...(screen.options.length > 4 ? twoColumns(options) : options.map((o) => [o])),
        ...(screen.number > 1 ? [[back]] : []),
      ],
    });
    return;
  }
  const [station] = screen.stations;
  const only = screen.stations.length === 1 ? station : undefined;
  turn.state = {
    ...turn.state,
    guide: { ...turn.state.guide, election: chosen.election.id, ...(only ? { station: only.station } : {}) },
  };
  const lines = screen.items.map((item) => `${STATUS_MARK[item.status]} ${item.text}`);
  const topics = [...new Set(screen.items.filter((item) => item.status !== 'ok').map((item) => item.topic))];
  turn.say({
    text: [screen.heading, '', ...lines, '', texts.checklistEnd].join('\n'),
    buttons: [
      ...(only && !chosen.past && turn.reminders
        ? [[{ label: texts.buttons.remind(only.station), data: guideButtons.remind(only.station) }]]
        : []),
      ...twoColumns(
        topics.map((id) => ({ label: topicTitle(deps, id, lang), data: guideButtons.topic(id) })),
      ),
      [back, { label: texts.buttons.restart, data: guideButtons.wizard }],
      [menuButton(lang)],
    ],
  });
}

function answer(deps: Deps, turn: Turn, question: string | undefined, index: number): boolean {
  const chosen = electionOf(deps, turn);
  const answers = parseAnswers(Object.entries(turn.state.guide?.wizard ?? {}));
  if (!chosen) return false;
  const { lang } = turn.state;
  const context = wizardContext(deps, chosen);
  const screen = wizardScreen(answers, context, lang);
  // A button of an earlier question: ask the current one again.
  const option =
    screen.kind === 'question' && screen.question === question ? screen.options[index] : undefined;
  const next = option ? answerWizard(answers, option.value, context, lang) : answers;
  turn.state = { ...turn.state, mode: 'guide', guide: { ...turn.state.guide, wizard: next } };
  showWizard(deps, turn, next);
  return true;
}

/** In the wizard, at "which country?" or "which city?", a typed place answers it. */
function answerPlace(deps: Deps, turn: Turn, text: string): boolean {
  const chosen = electionOf(deps, turn);
  const wizard = turn.state.guide?.wizard;
  if (!chosen || wizard === undefined) return false;
  const answers = answerWithPlace(
    parseAnswers(Object.entries(wizard)),
    text,
    wizardContext(deps, chosen),
    turn.state.lang,
  );
  if (answers === null) return false;
  turn.state = { ...turn.state, mode: 'guide', guide: { ...turn.state.guide, wizard: answers } };
  showWizard(deps, turn, answers);
  return true;
}

function askPlace(turn: Turn, text?: string): void {
  turn.state = { ...turn.state, mode: 'guide-find' };
  turn.say({ text: text ?? GUIDE_TEXTS[turn.state.lang].findAsk, buttons: [] });
}

/** The stations of a city, else of a country, written any way; when the text names neither, says so. */
function findStations(deps: Deps, turn: Turn, text: string): boolean {
  const { lang } = turn.state;
  const texts = GUIDE_TEXTS[lang];
  const chosen = electionOf(deps, turn);
  if (!chosen) {
    turn.say({ text: texts.noStations, buttons: [[menuButton(lang)]] });
    return true;
  }
  const byCity = findByCity(chosen.stations, deps.catalogue.cities, text);
  const found =
    byCity.stations.length > 0 ? byCity : findByCountry(chosen.stations, deps.catalogue.cities, text);
  if (found.stations.length === 0) {
    turn.say({
      text: texts.notFound(byCity.didYouMean),
      buttons: [[{ label: texts.buttons.topics, data: guideButtons.topics }, menuButton(lang)]],
    });
    return true;
  }
  const only = found.stations.length === 1 ? found.stations[0] : undefined;
  turn.state = {
    ...turn.state,
    mode: 'guide',
    guide: { ...turn.state.guide, election: chosen.election.id, ...(only ? { station: only.station } : {}) },
  };
  const lines = found.stations.map((station) => stationLine(station, deps.catalogue, lang));
  turn.say({
    text: texts.stationsFound(chosen.election.title[lang], lines, chosen.past),
    buttons: [
      ...(chosen.past || !turn.reminders
        ? []
        : found.stations
            .slice(0, 6)
            .map((station) => [
              { label: texts.buttons.remind(station.station), data: guideButtons.remind(station.station) },
            ])),
      [{ label: texts.buttons.wizard, data: guideButtons.wizard }, menuButton(lang)],
    ],
  });
  return true;
}

function remind(deps: Deps, turn: Turn, station: string | undefined): void {
  const { lang } = turn.state;
  const texts = GUIDE_TEXTS[lang];
  const chosen = electionOf(deps, turn);
  const found = chosen?.stations.find((candidate) => candidate.station === station);
  if (!chosen || !found) {
    askPlace(turn, texts.remindNeedsStation);
    return;
  }
  if (!turn.reminders) {
    turn.say({ text: texts.remindElsewhere, buttons: [] });
    return;
  }
  if (chosen.past) {
    turn.say({ text: texts.remindPast, buttons: [[menuButton(lang)]] });
    return;
  }
  turn.effect({ kind: 'reminder', election: chosen.election.id, station: found.station, lang });
  turn.say({
    text: texts.remindOn(stationLine(found, deps.catalogue, lang)),
    buttons: [[{ label: texts.buttons.remindOff, data: guideButtons.remindOff }, menuButton(lang)]],
  });
}

function remindOff(turn: Turn): void {
  turn.effect({ kind: 'reminder-off' });
  turn.say({ text: GUIDE_TEXTS[turn.state.lang].remindOff, buttons: [[menuButton(turn.state.lang)]] });
}

/** Whether the text is no more than the name of a city or country that has stations. */
function isPlace(deps: Deps, text: string, now: Date): boolean {
  if (text.length > 40) return false;
  const chosen = guideElection(
    deps.catalogue.elections,
    deps.catalogue.stations,
    now.toISOString().slice(0, 10),
  );
  return chosen !== null && namesPlace(chosen.stations, deps.catalogue.cities, text);
}

export const guide: Part = {
  id: GUIDE,
  modes: ['guide', 'guide-find'],
  commands: GUIDE_COMMANDS,

  menu: (lang) => [[{ label: GUIDE_TEXTS[lang].menuButton, data: guideButtons.home }]],

  command({ deps, turn }, name, argument) {
    if (name === 'vote') showHome(deps, turn);
    else if (name === 'remind' && /^(off|stop|нет|стоп|выкл)$/i.test(argument ?? '')) remindOff(turn);
    else if (name === 'remind') remind(deps, turn, turn.state.guide?.station);
  },

  button({ deps, turn }, action, [first, second]) {
    switch (action) {
      case 'home':
        showHome(deps, turn);
        return true;
      case 'topics':
        showTopics(deps, turn);
        return true;
      case 'topic':
        return first !== undefined && showTopic(deps, turn, first);
      case 'find':
        askPlace(turn);
        return true;
      case 'wizard':
        startWizard(deps, turn);
        return true;
      case 'answer':
        return answer(deps, turn, first, Number(second));
      case 'back': {
        const answers = wizardBack(parseAnswers(Object.entries(turn.state.guide?.wizard ?? {})));
        turn.state = { ...turn.state, mode: 'guide', guide: { ...turn.state.guide, wizard: answers } };
        showWizard(deps, turn, answers);
        return true;
      }
      case 'remind':
        remind(deps, turn, first);
        return true;
      case 'remind-off':
        remindOff(turn);
        return true;
      default:
        return false;
    }
  },

  text({ deps, turn }, text) {
    if (turn.state.mode === 'guide-find') {
      findStations(deps, turn, text);
      return;
    }
    if (answerPlace(deps, turn, text)) return;
    if (isPlace(deps, text, turn.now) && findStations(deps, turn, text)) return;
    if (answerQuestion(deps, turn, text)) return;
    turn.state = { ...turn.state, mode: 'guide' };
    turn.say({ text: GUIDE_TEXTS[turn.state.lang].unknownQuestion, buttons: [] });
    showTopics(deps, turn);
  },

  frontDoor: {
    score: ({ deps, turn }, text) => {
      if (isPlace(deps, text, turn.now)) return CITY_SCORE;
      return deps.questions.ask(text).topics[0]?.score ?? 0;
    },
    offer({ deps, turn }, text) {
      return answerQuestion(deps, turn, text, GUIDE_TEXTS[turn.state.lang].offer);
    },
  },
};
