import { createInterface } from 'node:readline';
import type { Catalogue } from '../../catalogue/load.js';
import type { Lang } from '../../catalogue/schema.js';
import { guideElection } from '../../guide/election-choice.js';
import {
  answerWithPlace,
  answerWizard,
  parseAnswers,
  type WizardAnswers,
  type WizardContext,
  type WizardScreen,
  wizardScreen,
} from '../../guide/wizard.js';
import { printJson, UsageError } from '../command.js';

// `sobesednik guide wizard`: the same questions as the bot and the page. Answered one number a line on stdin
// (a person at a terminal, or a script), or all at once with --answers question=value,… (then the checklist,
// or the question still open, is printed).

const MARK = { ok: '[ok]', todo: '[to do]', stop: '[stop]' } as const;

export function wizardContextOf(
  catalogue: Catalogue,
  electionId: string | undefined,
  today: string,
): WizardContext {
  const listed = (id: string) => catalogue.stations.get(id) ?? [];
  if (electionId !== undefined) {
    const election = catalogue.elections.find((candidate) => candidate.id === electionId);
    if (!election)
      throw new UsageError(
        `unknown election '${electionId}' (known: ${catalogue.elections.map((e) => e.id).join(', ')})`,
      );
    return { election, stations: listed(election.id), cities: catalogue.cities };
  }
  const chosen = guideElection(catalogue.elections, catalogue.stations, today);
  if (!chosen) throw new UsageError('no election has a list of stations in content/guide/stations/');
  return { election: chosen.election, stations: chosen.stations, cities: catalogue.cities };
}

/** `country=RS,city=Belgrade` into answers; an unknown question is a usage error rather than silently dropped. */
export function answersOf(text: string): WizardAnswers {
  const pairs = text
    .split(',')
    .filter((pair) => pair.trim() !== '')
    .map((pair) => {
      const [key = '', ...value] = pair.split('=');
      return [key.trim(), value.join('=').trim()] as [string, string];
    });
  const answers = parseAnswers(pairs);
  const unknown = pairs.filter(([key]) => !(key in answers));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown question '${unknown[0]?.[0]}' in --answers (questions: citizen, country, city, passport, valid, applied)`,
    );
  return answers;
}

/** Applies each given answer in turn, as if chosen one by one; one that the question does not offer is an error. */
export function applyAnswers(given: WizardAnswers, context: WizardContext, lang: Lang): WizardAnswers {
  let answers: WizardAnswers = {};
  for (let screen = wizardScreen(answers, context, lang); screen.kind === 'question'; ) {
    const value = given[screen.question];
    if (value === undefined) break;
    const next = answerWizard(answers, value, context, lang);
    if (next === answers)
      throw new UsageError(
        `'${value}' is not an answer to ${screen.question} (answers: ${screen.options.map((o) => o.value).join(', ')})`,
      );
    answers = next;
    screen = wizardScreen(answers, context, lang);
  }
  return answers;
}

export function renderScreen(screen: WizardScreen): string {
  if (screen.kind === 'question')
    return [
      `(${screen.number}/${screen.total}) ${screen.text}`,
      ...screen.options.map((option, index) => `  ${index + 1}. ${option.label}`),
    ].join('\n');
  return [
    screen.heading,
    '',
    ...screen.items.map(
      (item) => `${MARK[item.status]} ${item.text}\n   (topic: sobesednik guide topic ${item.topic})`,
    ),
  ].join('\n');
}

/** Asks on stdin until the checklist; a line that is not one of the numbers asks again. */
export async function interactiveWizard(context: WizardContext, lang: Lang, json: boolean): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let answers: WizardAnswers = {};
  let screen = wizardScreen(answers, context, lang);
  const show = () => {
    if (json) printJson(screen);
    else process.stdout.write(`${renderScreen(screen)}\n${screen.kind === 'question' ? '> ' : ''}`);
  };
  show();
  for await (const line of lines) {
    if (screen.kind !== 'question') break;
    const option = screen.options[Number(line.trim()) - 1];
    if (option) answers = answerWizard(answers, option.value, context, lang);
    else answers = answerWithPlace(answers, line, context, lang) ?? answers;
    screen = wizardScreen(answers, context, lang);
    show();
    if (screen.kind === 'checklist') break;
  }
  lines.close();
  return screen.kind === 'checklist' ? 0 : 1;
}
