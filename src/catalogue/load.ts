import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { type City, citiesSchema, cityNames } from './cities.js';
import { CONTRACT_PERSONAS, CONTRACT_POSITIONS, GROUPS } from './contract.js';
import { CLOSING_ANSWERS, CONTRACT_ELECTIONS, type Election, parseElection } from './election.js';
import { GUIDE_TOPICS, type GuideTopic, guideTopicSchema } from './guide.js';
import {
  LANGS,
  type OffTopic,
  offTopicSchema,
  type Persona,
  type Position,
  personaSchema,
  positionSchema,
} from './schema.js';
import { parseStations, type Station } from './stations.js';

export interface Problem {
  file: string;
  field: string;
  message: string;
}

export interface Catalogue {
  readonly dir: string;
  /** In the catalogue's order: by group, then by the contract's order, extra positions last. */
  readonly positions: readonly Position[];
  readonly personas: readonly Persona[];
  /** Text that expresses no position, for the matcher (content/matcher-negatives.yaml). */
  readonly offTopic: OffTopic;
  /** The elections count and guide serve (content/elections/), in file-name order. */
  readonly elections: readonly Election[];
  /** How to vote from abroad (content/guide/topics/): the spec's topics in its order, extra ones last. */
  readonly guide: readonly GuideTopic[];
  /** The station finder's city names (content/guide/cities.yaml), in the file's order. */
  readonly cities: readonly City[];
  /**
   * The polling stations shipped with the guide (content/guide/stations/ELECTION.csv), by election: what the
   * finder and the wizard know on a machine where no coordinator has imported a list.
   */
  readonly stations: ReadonlyMap<string, readonly Station[]>;
  position(id: string): Position | undefined;
  persona(id: string): Persona | undefined;
}

export class CatalogueError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'CatalogueError';
  }
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

/** The content folder shipped with the package (src/catalogue and dist/catalogue are both two levels down). */
export const DEFAULT_CONTENT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../content',
);

export interface ReadOptions {
  /** Require every position, persona and election of the specs (off for partial fixture folders). */
  contract?: boolean;
}

/** Reads and validates a catalogue folder, collecting every problem rather than stopping at the first. */
export function readCatalogue(
  dir: string,
  options: ReadOptions = {},
): { catalogue: Catalogue | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const positions = readFolder(dir, 'positions', positionSchema, problems);
  const personas = readFolder(dir, 'personas', personaSchema, problems);
  const offTopic = readOffTopic(dir, options.contract ?? true, problems);
  const elections = readElections(dir, options.contract ?? true, problems);
  const guide = readGuide(dir, options.contract ?? true, elections, problems);
  const cities = readCities(dir, options.contract ?? true, problems);
  const stations = readStationLists(dir, elections, problems);
  const positionIds = new Set(positions.map((entry) => entry.value.id));

  for (const { file, value } of positions) {
    value.related.forEach((related, index) => {
      if (!positionIds.has(related)) {
        problems.push({ file, field: `related[${index}]`, message: `unknown position id '${related}'` });
      } else if (related === value.id) {
        problems.push({
          file,
          field: `related[${index}]`,
          message: 'a position cannot be related to itself',
        });
      }
    });
  }
  for (const { file, value } of personas) checkPersonaPositions(file, value, positionIds, problems);
  if (options.contract ?? true) checkContract(dir, positions, personas, problems);

  if (problems.length > 0) return { catalogue: undefined, problems };
  return {
    catalogue: buildCatalogue(dir, positions, personas, offTopic, elections, guide, cities, stations),
    problems,
  };
}

const cache = new Map<string, Catalogue>();

/** The validated catalogue, read once per folder; throws CatalogueError naming every problem. */
export function loadCatalogue(dir: string = DEFAULT_CONTENT_DIR): Catalogue {
  const cached = cache.get(dir);
  if (cached) return cached;
  const { catalogue, problems } = readCatalogue(dir);
  if (!catalogue) throw new CatalogueError(problems);
  cache.set(dir, catalogue);
  return catalogue;
}

/**
 * The shipped elections alone, for a command that needs nothing else (reading positions and personas costs more
 * than the command's own work); checked as `content check` checks them.
 */
export function loadElections(dir: string = DEFAULT_CONTENT_DIR): readonly Election[] {
  const problems: Problem[] = [];
  const elections = readElections(dir, true, problems);
  if (problems.length > 0) throw new CatalogueError(problems);
  return elections;
}

/** Forgets the cached catalogue so the next load reads the files again (the admin's "reload"). */
export function clearCatalogueCache(): void {
  cache.clear();
}

interface Entry<T> {
  file: string;
  value: T;
}

function readFolder<T extends { id: string }>(
  dir: string,
  kind: 'positions' | 'personas' | 'guide/topics',
  schema: z.ZodType<T>,
  problems: Problem[],
): Entry<T>[] {
  const folder = path.join(dir, kind);
  if (!existsSync(folder)) {
    problems.push({ file: displayPath(folder), field: '(folder)', message: 'missing' });
    return [];
  }
  const entries: Entry<T>[] = [];
  const seen = new Map<string, string>();
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const file = displayPath(path.join(folder, name));
    const data = parseYaml(path.join(folder, name), file, problems);
    if (data === undefined) continue;
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, field: issue.path.map(String).join('.') || '(root)', message: issue.message });
      }
      continue;
    }
    const value = result.data;
    const previous = seen.get(value.id);
    if (previous) {
      problems.push({ file, field: 'id', message: `duplicate id '${value.id}' (also in ${previous})` });
      continue;
    }
    seen.set(value.id, file);
    if (`${value.id}.yaml` !== name) {
      problems.push({ file, field: 'id', message: `'${value.id}' does not match the file name` });
    }
    entries.push({ file, value });
  }
  return entries;
}

const OFF_TOPIC_FILE = 'matcher-negatives.yaml';

/** The off-topic examples; a partial fixture folder may leave them out, the real catalogue may not. */
function readOffTopic(dir: string, required: boolean, problems: Problem[]): OffTopic {
  const absolute = path.join(dir, OFF_TOPIC_FILE);
  const file = displayPath(absolute);
  const empty = { ru: [], en: [] };
  if (!existsSync(absolute)) {
    if (required)
      problems.push({ file, field: '(file)', message: 'missing: the matcher needs off-topic examples' });
    return empty;
  }
  const data = parseYaml(absolute, file, problems);
  if (data === undefined) return empty;
  const result = offTopicSchema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file, field: issue.path.map(String).join('.') || '(root)', message: issue.message });
  }
  return empty;
}

/** The election files; a partial fixture folder may have none, the real catalogue must ship the spec's. */
function readElections(dir: string, required: boolean, problems: Problem[]): Election[] {
  const folder = path.join(dir, 'elections');
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.yaml')) : [];
  const elections: Election[] = [];
  for (const name of names.sort()) {
    const file = displayPath(path.join(folder, name));
    const data = parseYaml(path.join(folder, name), file, problems);
    if (data === undefined) continue;
    const result = parseElection(data);
    if (!result.ok) {
      for (const { field, message } of result.problems) problems.push({ file, field, message });
      continue;
    }
    const election = result.election;
    // Stations, events and reports refer to an election by id, and people find its file by that id.
    if (`${election.id}.yaml` !== name) {
      problems.push({ file, field: 'id', message: `'${election.id}' does not match the file name` });
      continue;
    }
    checkElectionContract(file, election, problems);
    elections.push(election);
  }
  if (required) {
    for (const id of Object.keys(CONTRACT_ELECTIONS)) {
      if (!names.includes(`${id}.yaml`)) {
        const file = displayPath(path.join(folder, `${id}.yaml`));
        problems.push({ file, field: '(file)', message: 'missing: the count spec requires it' });
      }
    }
  }
  return elections;
}

/** The guide's topics; a partial fixture folder may have none, the real catalogue must hold the spec's. */
function readGuide(dir: string, required: boolean, elections: Election[], problems: Problem[]): GuideTopic[] {
  if (!required && !existsSync(path.join(dir, 'guide', 'topics'))) return [];
  const topics = readFolder(dir, 'guide/topics', guideTopicSchema, problems);
  // An election's file, even a broken one (reported on its own), is enough: one mistake gives one problem.
  const known = new Set(elections.map((election) => election.id));
  const checkElection = (file: string, field: string, id: string) => {
    if (!known.has(id) && !existsSync(path.join(dir, 'elections', `${id}.yaml`)))
      problems.push({ file, field, message: `unknown election id '${id}'` });
  };
  for (const { file, value } of topics) {
    for (const [i, id] of value.elections.entries()) checkElection(file, `elections.${i}`, id);
    for (const id of Object.keys(value.byElection ?? {})) checkElection(file, `byElection.${id}`, id);
    for (const [f, fact] of value.facts.entries())
      for (const [i, id] of (fact.elections ?? []).entries())
        checkElection(file, `facts.${f}.elections.${i}`, id);
  }
  if (required) {
    for (const id of GUIDE_TOPICS) {
      const absolute = path.join(dir, 'guide', 'topics', `${id}.yaml`);
      // A file that is there but broken has had its problems reported already.
      if (!existsSync(absolute))
        problems.push({
          file: displayPath(absolute),
          field: '(file)',
          message: 'missing: the guide spec requires it',
        });
    }
  }
  const rank = (id: string) => {
    const index = (GUIDE_TOPICS as readonly string[]).indexOf(id);
    return index === -1 ? GUIDE_TOPICS.length : index;
  };
  return topics.map((entry) => entry.value).sort((a, b) => rank(a.id) - rank(b.id));
}

const CITIES_FILE = path.join('guide', 'cities.yaml');

/** The finder's city names; a partial fixture folder may leave them out, the real catalogue may not. */
function readCities(dir: string, required: boolean, problems: Problem[]): City[] {
  const absolute = path.join(dir, CITIES_FILE);
  const file = displayPath(absolute);
  if (!existsSync(absolute)) {
    if (required) problems.push({ file, field: '(file)', message: 'missing: the station finder needs it' });
    return [];
  }
  const data = parseYaml(absolute, file, problems);
  if (data === undefined) return [];
  const result = citiesSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, field: issue.path.map(String).join('.') || '(root)', message: issue.message });
    }
    return [];
  }
  // One name must lead to one city, or a search for it would silently pick either.
  const owner = new Map<string, string>();
  for (const [index, city] of result.data.cities.entries()) {
    const label = `${city.en} (${city.country})`;
    for (const cityName of new Set(cityNames(city).map(foldName))) {
      const previous = owner.get(cityName);
      if (previous && previous !== label)
        problems.push({ file, field: `cities.${index}`, message: `'${cityName}' also names ${previous}` });
      else owner.set(cityName, label);
    }
  }
  return result.data.cities;
}

const STATIONS_FOLDER = path.join('guide', 'stations');

/** Each shipped station list, read against the election its file is named after, as an import would read it. */
function readStationLists(
  dir: string,
  elections: readonly Election[],
  problems: Problem[],
): Map<string, readonly Station[]> {
  const folder = path.join(dir, STATIONS_FOLDER);
  const lists = new Map<string, readonly Station[]>();
  if (!existsSync(folder)) return lists;
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.csv')) continue;
    const file = displayPath(path.join(folder, name));
    const election = elections.find((candidate) => `${candidate.id}.csv` === name);
    // A broken election file has had its problems reported already: one mistake gives one problem.
    if (!election && existsSync(path.join(dir, 'elections', name.replace(/\.csv$/, '.yaml')))) continue;
    if (!election) {
      problems.push({ file, field: '(file)', message: 'no election of that id in content/elections/' });
      continue;
    }
    const result = parseStations(readFileSync(path.join(folder, name)), election);
    if (!result.ok) {
      for (const { line, column, message } of result.problems)
        problems.push({
          file,
          field: `${line === null ? '' : `line ${line}`}${column ? ` ${column}` : ''}`.trim() || '(file)',
          message,
        });
      continue;
    }
    lists.set(election.id, result.stations);
  }
  return lists;
}

/** Case and ё folded, as the finder compares names (й stays й). */
function foldName(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}

/** The count spec fixes the kind and, where imports depend on them, the candidate ids of the elections it names. */
function checkElectionContract(file: string, election: Election, problems: Problem[]): void {
  const contract = CONTRACT_ELECTIONS[election.id];
  if (!contract) return;
  if (election.kind !== contract.kind) {
    problems.push({ file, field: 'kind', message: `must be '${contract.kind}' as in the count spec` });
  }
  const required = contract.candidates;
  if (!required) return;
  // The schema has checked that the closing answers come last, so the candidates are all before them.
  const candidates = election.answers.slice(0, -CLOSING_ANSWERS.length);
  candidates.forEach((answer, index) => {
    if (!required.includes(answer.id)) {
      problems.push({
        file,
        field: `answers.${index}.id`,
        message: `'${answer.id}' is not a candidate of the count spec`,
      });
    }
  });
  for (const id of required) {
    if (!candidates.some((answer) => answer.id === id)) {
      problems.push({ file, field: 'answers', message: `missing the candidate '${id}' of the count spec` });
    }
  }
}

function parseYaml(absolute: string, file: string, problems: Problem[]): unknown {
  const document = parseDocument(readFileSync(absolute, 'utf8'), { uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const where = error.linePos?.[0];
      const line = where ? `line ${where.line}, column ${where.col}` : '(yaml)';
      problems.push({ file, field: line, message: `malformed YAML: ${error.message.split('\n')[0]}` });
    }
    return undefined;
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) {
    problems.push({ file, field: '(root)', message: 'the file is empty' });
    return undefined;
  }
  return data;
}

function checkPersonaPositions(
  file: string,
  persona: Persona,
  known: Set<string>,
  problems: Problem[],
): void {
  persona.positions.forEach((id, index) => {
    if (!known.has(id))
      problems.push({ file, field: `positions[${index}]`, message: `unknown position id '${id}'` });
  });
  for (const lang of LANGS) {
    const lines = persona[lang].lines;
    for (const id of persona.positions) {
      if (!lines[id])
        problems.push({ file, field: `${lang}.lines.${id}`, message: 'missing lines for a held position' });
    }
    for (const id of Object.keys(lines)) {
      if (!persona.positions.includes(id)) {
        problems.push({
          file,
          field: `${lang}.lines.${id}`,
          message: 'lines for a position the persona does not hold',
        });
      }
    }
  }
}

function checkContract(
  dir: string,
  positions: Entry<Position>[],
  personas: Entry<Persona>[],
  problems: Problem[],
): void {
  const byId = new Map(positions.map((entry) => [entry.value.id, entry]));
  for (const group of GROUPS) {
    for (const id of CONTRACT_POSITIONS[group]) {
      const entry = byId.get(id);
      const file = displayPath(path.join(dir, 'positions', `${id}.yaml`));
      if (!entry)
        problems.push({ file, field: '(file)', message: 'missing: the catalogue spec requires it' });
      else if (entry.value.group !== group) {
        problems.push({ file, field: 'group', message: `must be '${group}' as in the catalogue spec` });
      }
    }
  }
  const personaById = new Map(personas.map((entry) => [entry.value.id, entry]));
  for (const [id, held] of Object.entries(CONTRACT_PERSONAS)) {
    const entry = personaById.get(id);
    const file = displayPath(path.join(dir, 'personas', `${id}.yaml`));
    if (!entry) {
      problems.push({ file, field: '(file)', message: 'missing: the catalogue spec requires it' });
      continue;
    }
    for (const position of held) {
      if (!entry.value.positions.includes(position)) {
        problems.push({
          file,
          field: 'positions',
          message: `must hold '${position}' as in the catalogue spec`,
        });
      }
    }
  }
}

function buildCatalogue(
  dir: string,
  positions: Entry<Position>[],
  personas: Entry<Persona>[],
  offTopic: OffTopic,
  elections: Election[],
  guide: GuideTopic[],
  cities: City[],
  stations: ReadonlyMap<string, readonly Station[]>,
): Catalogue {
  const order = GROUPS.flatMap((group) => CONTRACT_POSITIONS[group]);
  const rank = (id: string) => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  const sortedPositions = positions
    .map((entry) => entry.value)
    .sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) || rank(a.id) - rank(b.id));
  const sortedPersonas = personas.map((entry) => entry.value);
  const positionById = new Map(sortedPositions.map((position) => [position.id, position]));
  const personaById = new Map(sortedPersonas.map((persona) => [persona.id, persona]));
  return {
    dir,
    positions: sortedPositions,
    personas: sortedPersonas,
    offTopic,
    elections,
    guide,
    cities,
    stations,
    position: (id) => positionById.get(id),
    persona: (id) => personaById.get(id),
  };
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}
