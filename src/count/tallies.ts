import { type FileProblem, readCount, readCsv, refuseFile } from '../catalogue/csv.js';
import type { Election } from '../catalogue/election.js';
import { DEFAULT_DOOR, parseDoor } from './events.js';
import type { TallyRow } from './storage.js';

// count-spec.md's paper tallies: `station,door,volunteer,from,to,count`, what volunteers wrote down by hand.

export const TALLY_COLUMNS = ['station', 'door', 'volunteer', 'from', 'to', 'count'] as const;
export const MAX_TALLIES_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_TALLY_ROWS = 50_000;

// An offset is required: a time without one means a different instant in every time zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The label on the paper is someone's name as often as not: only a pseudonym of it is kept, enough to tell one
 * volunteer's tallies from another's (the median needs that). The caller keys it with the server's secret, so
 * that nobody holding the database can find a name by trying names.
 */
export type Pseudonym = (election: string, label: string) => string;

export type TalliesResult =
  | { ok: true; stations: string[]; tallies: TallyRow[] }
  | { ok: false; problems: FileProblem[] };

function readInstant(field: string): number | null {
  if (!INSTANT.test(field)) return null;
  const at = Date.parse(field);
  return Number.isNaN(at) ? null : at;
}

/** Every tally, or every problem with its line and column; stations must be the election's. */
export function parseTallies(
  file: Uint8Array | string,
  election: Election,
  stations: ReadonlySet<string>,
  pseudonym: Pseudonym,
): TalliesResult {
  const table = readCsv(file, { maxBytes: MAX_TALLIES_FILE_BYTES, maxRows: MAX_TALLY_ROWS });
  if (!table.ok) return table;
  if (table.header.join(',') !== TALLY_COLUMNS.join(','))
    return refuseFile(
      `expected the header ${TALLY_COLUMNS.join(',')}, found ${table.header.join(',').slice(0, 200)}`,
      1,
    );

  const tallies: TallyRow[] = [];
  const problems: FileProblem[] = [];
  for (const { line, fields } of table.rows) {
    const before = problems.length;
    const problem = (column: string, message: string) => problems.push({ line, column, message });
    const station = fields.station ?? '';
    if (!station) problem('station', 'is required');
    else if (!stations.has(station)) problem('station', `${station} is not a station of ${election.id}`);
    const door = fields.door ? parseDoor(fields.door) : DEFAULT_DOOR;
    if (door === undefined) problem('door', 'expected a door name of letters, digits, spaces, _ . -');
    const label = fields.volunteer ?? '';
    if (!label) problem('volunteer', 'is required (any label; it is never shown)');
    const from = readInstant(fields.from ?? '');
    const to = readInstant(fields.to ?? '');
    if (from === null)
      problem('from', `expected an ISO-8601 time with an offset, found ${fields.from || 'nothing'}`);
    if (to === null)
      problem('to', `expected an ISO-8601 time with an offset, found ${fields.to || 'nothing'}`);
    else if (from !== null && to <= from) problem('to', 'expected a time after from');
    const count = readCount(fields.count ?? '');
    if (count === null) problem('count', `expected a whole number ≥ 0, found ${fields.count || 'nothing'}`);
    if (problems.length > before || door === undefined || from === null || to === null || count === null)
      continue;
    tallies.push({ station, door, volunteer: `tally:${pseudonym(election.id, label)}`, from, to, count });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, stations: [...new Set(tallies.map((t) => t.station))], tallies };
}
