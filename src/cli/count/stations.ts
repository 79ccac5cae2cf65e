import { MAX_STATIONS_FILE_BYTES, type StationProblem } from '../../catalogue/stations.js';
import type { Counting } from '../../count/counting.js';
import { printJson } from '../command.js';
import { table } from '../stats-command.js';
import { requireElection, unknownElection } from './elections.js';
import { problemCount, refuseFile } from './problems.js';
import { readInputFile } from './read-file.js';

// `count stations import FILE.csv --election ID` and `count stations --election ID`.

/** `stations.csv:4: country: expected …`, the shape editors and terminals link to a line. */
export function describeStationProblem(file: string, problem: StationProblem): string {
  const where = problem.line === null ? file : `${file}:${problem.line}`;
  return `${where}: ${problem.column ? `${problem.column}: ` : ''}${problem.message}`;
}

export async function importStations(
  counting: Counting,
  file: string,
  electionId: string | undefined,
  json: boolean,
): Promise<number> {
  const election = await requireElection(counting, electionId);
  const imported = await counting.importStations(election.id, readInputFile(file, MAX_STATIONS_FILE_BYTES));
  if (!imported.ok && imported.reason === 'invalid')
    return refuseFile(
      json,
      `${problemCount(imported.problems.length)} in ${file}; no station was imported`,
      imported.problems,
      (problem) => describeStationProblem(file, problem),
    );
  if (!imported.ok) throw unknownElection(election.id);
  const { added, updated } = imported;
  if (json) printJson({ election: election.id, added, updated });
  else process.stdout.write(`stations of ${election.id}: ${added} added, ${updated} updated\n`);
  return 0;
}

export async function listStations(
  counting: Counting,
  electionId: string | undefined,
  json: boolean,
): Promise<number> {
  const election = await requireElection(counting, electionId);
  const stations = await counting.stations(election.id);
  if (json) {
    printJson({ election: election.id, stations });
    return 0;
  }
  if (stations.length === 0) {
    process.stdout.write(
      `${election.id} has no stations yet (import them with: sobesednik count stations import FILE.csv --election ${election.id})\n`,
    );
    return 0;
  }
  const rows = stations.map((s) => [
    s.station,
    s.country,
    s.city,
    s.timezone,
    s.days.length === election.days.length ? 'all' : s.days.map((d) => d.slice(5)).join(' '),
    `${s.opens}–${s.closes}`,
    s.address ?? '',
  ]);
  const header = ['station', 'country', 'city', 'time zone', 'days', 'hours', 'address'];
  const lines = [`${election.id}: ${stations.length} station${stations.length === 1 ? '' : 's'}`, ''];
  lines.push(...table([header, ...rows]));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
