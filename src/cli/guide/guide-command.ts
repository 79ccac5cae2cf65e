import { electionStations } from '../../app/stations.js';
import { loadCatalogue } from '../../catalogue/load.js';
import { createQuestionMatcher } from '../../guide/questions.js';
import {
  type FoundStation,
  findByCity,
  findByCountry,
  findNear,
  parsePoint,
  type StationSearch,
} from '../../guide/station-search.js';
import { renderTopic, topicView } from '../../guide/topics.js';
import { wizardScreen } from '../../guide/wizard.js';
import { clean } from '../../matcher/normalize.js';
import { type Command, parse, parseLang, printJson, UsageError } from '../command.js';
import { mapJsonLines } from '../jsonl.js';
import { table, withStore } from '../stats-command.js';
import { BROADCAST_USAGE, broadcastCommand } from './broadcast.js';
import { answersOf, applyAnswers, interactiveWizard, renderScreen, wizardContextOf } from './wizard.js';

// `sobesednik guide …`: how to vote from abroad (guide-spec.md). Every subcommand takes --json.

const USAGE = [
  'guide topics [--lang ru|en] [--json]',
  'guide topic ID [--lang ru|en] [--election ID] [--json]',
  'guide ask TEXT [--json] | --jsonl',
  'guide stations --election ID (--city NAME | --near LAT,LON | --country CC) [--json]',
  'guide wizard [--lang ru|en] [--election ID] [--answers Q=V,…] [--json]',
  BROADCAST_USAGE,
];

const HELP = `usage:
${USAGE.map((line) => `  sobesednik ${line}`).join('\n')}

  topics   the guide's topics: who may vote from abroad, documents, stations, days, registering ahead, the
           ballot, online voting, safety, the queue, coming together, volunteering, results
  topic    one topic: what to do, the details, and every fact with its source and the day it was checked;
           --election ID keeps the facts about that election and adds what differs for it
  ask      which topics a question is about, at most three, best first; none when the text is not a practical
           question about voting (what a relative says about elections is talk's: see sobesednik match)
  stations an election's polling stations abroad with address, days and hours (local time): in a city
           written in Russian, English or the local language (Белград, Belgrade, Beograd; typos forgiven), in a
           country (RS, Сербия, Serbia), or nearest first from a point (--near 44.81,20.46, with the distance)
  wizard   "Can I vote, and what do I need?": the bot's and the page's questions, one number a line on stdin,
           then a checklist; or every answer at once, e.g. --answers citizen=yes,country=RS,passport=foreign,
           valid=yes,applied=no (questions: citizen, country, city, passport, valid, applied)

Settings: DATABASE_URL (the stations are those imported with: sobesednik count stations import; else the list
shipped in content/guide/stations/)`;

async function ask(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, jsonl: { type: 'boolean' } });
  const catalogue = loadCatalogue();
  const matcher = createQuestionMatcher(catalogue);
  if (values.jsonl) {
    await mapJsonLines(({ text }) => matcher.ask(text));
    return 0;
  }
  const text = positionals.join(' ');
  if (clean(text) === '') throw new UsageError(`the text is empty: usage: sobesednik ${USAGE[2]}`);
  const result = matcher.ask(text);
  if (values.json) printJson(result);
  else if (result.topics.length === 0) process.stdout.write('not a question the guide answers\n');
  else
    for (const { id, score } of result.topics) {
      const title = catalogue.guide.find((topic) => topic.id === id)?.[result.lang].title ?? id;
      process.stdout.write(`${score.toFixed(2)}  ${id.padEnd(18)} ${title}\n`);
    }
  return 0;
}

function topics(argv: string[]): number {
  const { values, positionals } = parse(argv, { lang: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`usage: sobesednik ${USAGE[0]}`);
  const lang = parseLang(values.lang);
  const list = loadCatalogue().guide.map((topic) => ({ id: topic.id, title: topic[lang].title }));
  if (values.json) printJson(list);
  else for (const { id, title } of list) process.stdout.write(`${id.padEnd(18)} ${title}\n`);
  return 0;
}

function topic(argv: string[]): number {
  const { values, positionals } = parse(argv, {
    lang: { type: 'string' },
    election: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError(`which topic? usage: sobesednik ${USAGE[1]}`);
  const lang = parseLang(values.lang);
  const catalogue = loadCatalogue();
  const found = catalogue.guide.find((candidate) => candidate.id === id);
  if (!found) throw new UsageError(`unknown topic '${id}' (see: sobesednik guide topics)`);
  if (values.election !== undefined && !catalogue.elections.some((e) => e.id === values.election))
    throw new UsageError(
      `unknown election '${values.election}' (known: ${catalogue.elections.map((e) => e.id).join(', ')})`,
    );
  const view = topicView(found, lang, values.election);
  if (values.json) printJson(view);
  else process.stdout.write(`${renderTopic(view, lang)}\n`);
  return 0;
}

type Mode =
  | { kind: 'city' | 'country'; query: string }
  | { kind: 'near'; point: { lat: number; lon: number } };

/** Exactly one of --city, --near and --country, read and checked before the database is opened. */
function searchMode(values: { city?: string; near?: string; country?: string }): Mode {
  const given = (['city', 'near', 'country'] as const).filter((key) => values[key] !== undefined);
  if (given.length !== 1) {
    const problem =
      given.length === 0 ? 'where?' : `give only one of ${given.map((key) => `--${key}`).join(' and ')}:`;
    throw new UsageError(`${problem} usage: sobesednik ${USAGE[3]}`);
  }
  if (values.near !== undefined) {
    const point = parsePoint(values.near);
    if (!point)
      throw new UsageError(
        `--near must be LAT,LON in degrees, such as 44.81,20.46 (latitude -90 to 90, longitude -180 to 180), not '${values.near}'`,
      );
    return { kind: 'near', point };
  }
  const kind = values.city !== undefined ? 'city' : 'country';
  const query = clean(values.city ?? values.country ?? '');
  if (query === '') throw new UsageError(`--${kind} is empty: usage: sobesednik ${USAGE[3]}`);
  return { kind, query };
}

/** What a voter needs of a station; its coordinates stay out (the map and "near me" compute from their own). */
function publicStation({ lat: _lat, lon: _lon, ...rest }: FoundStation) {
  return rest;
}

function stations(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    election: { type: 'string' },
    city: { type: 'string' },
    near: { type: 'string' },
    country: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`usage: sobesednik ${USAGE[3]}`);
  if (!values.election)
    throw new UsageError(`which election? give --election ID: usage: sobesednik ${USAGE[3]}`);
  const mode = searchMode(values);
  const json = values.json === true;
  const catalogue = loadCatalogue();
  return withStore(json, async ({ count }) => {
    const elections = [...catalogue.elections, ...(await count.addedElections())];
    const election = elections.find((candidate) => candidate.id === values.election);
    if (!election)
      throw new UsageError(
        `unknown election '${values.election}' (known: ${[...new Set(elections.map((e) => e.id))].join(', ')})`,
      );
    // A list a coordinator imported is newer than the one shipped with the guide.
    const list = await electionStations(count, catalogue, election.id);
    const result: StationSearch =
      mode.kind === 'near'
        ? findNear(list, mode.point, catalogue.cities)
        : mode.kind === 'city'
          ? findByCity(list, catalogue.cities, mode.query)
          : findByCountry(list, catalogue.cities, mode.query);
    if (json) printJson({ stations: result.stations.map(publicStation), didYouMean: result.didYouMean });
    else process.stdout.write(`${renderStations(election.id, list.length, result, mode.kind === 'near')}\n`);
    return 0;
  });
}

function renderStations(election: string, total: number, result: StationSearch, near: boolean): string {
  if (total === 0)
    return `${election} has no stations yet (import them with: sobesednik count stations import FILE.csv --election ${election})`;
  if (result.stations.length === 0) {
    const hint = result.didYouMean.length > 0 ? `; did you mean ${result.didYouMean.join(', ')}?` : '';
    return `no station of ${election} found${hint}`;
  }
  const header = ['station', 'city', 'address', 'days', 'hours (local)', ...(near ? ['distance'] : [])];
  const rows = result.stations.map((s) => [
    s.station,
    s.city,
    s.address ?? '',
    s.days.map((day) => day.slice(5)).join(' '),
    `${s.opens}–${s.closes}`,
    ...(near
      ? [`${s.approximate ? '≈' : ''}${s.distanceKm ?? ''} km${s.approximate ? ' (to the city centre)' : ''}`]
      : []),
  ]);
  const count = result.stations.length;
  return [`${election}: ${count} station${count === 1 ? '' : 's'}`, '', ...table([header, ...rows])].join(
    '\n',
  );
}

async function wizard(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    lang: { type: 'string' },
    election: { type: 'string' },
    answers: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`usage: sobesednik ${USAGE[4]}`);
  const lang = parseLang(values.lang);
  const context = wizardContextOf(loadCatalogue(), values.election, new Date().toISOString().slice(0, 10));
  if (values.answers === undefined) return interactiveWizard(context, lang, values.json === true);
  const screen = wizardScreen(applyAnswers(answersOf(values.answers), context, lang), context, lang);
  if (values.json) printJson(screen);
  else process.stdout.write(`${renderScreen(screen)}\n`);
  return 0;
}

export const guideCommand: Command = {
  name: 'guide',
  usage: 'guide topics|topic|ask|stations|wizard|broadcast …',
  summary: 'how to vote from abroad: sourced, dated answers (see guide --help)',
  help: HELP,
  run([group, ...rest]) {
    if (group === 'topics') return topics(rest);
    if (group === 'topic') return topic(rest);
    if (group === 'ask') return ask(rest);
    if (group === 'stations') return stations(rest);
    if (group === 'wizard') return wizard(rest);
    if (group === 'broadcast') return broadcastCommand(rest);
    throw new UsageError(
      'which guide command? topics, topic, ask, stations, wizard or broadcast (see: sobesednik guide --help)',
    );
  },
};
