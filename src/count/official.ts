import { type FileProblem, readCount, readCsv, refuseFile } from '../catalogue/csv.js';
import type { Election } from '../catalogue/election.js';
import type { OfficialRow } from './storage.js';

// count-spec.md's "Official results import": `station,ballots,<answer ids except removed and declined>`, the
// figures the commission published per station.

export const MAX_RESULTS_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_OFFICIAL_ROWS = 10_000;

/** The answers an official result has a column for: what a ballot can say (not removed, not declined). */
export function officialAnswers(election: Election): string[] {
  return election.answers.map((a) => a.id).filter((id) => id !== 'removed' && id !== 'declined');
}

export type OfficialResult = { ok: true; rows: OfficialRow[] } | { ok: false; problems: FileProblem[] };

/** Every station's result, or every problem with its line and column; stations must be the election's. */
export function parseOfficial(
  file: Uint8Array | string,
  election: Election,
  stations: ReadonlySet<string>,
): OfficialResult {
  const table = readCsv(file, { maxBytes: MAX_RESULTS_FILE_BYTES, maxRows: MAX_OFFICIAL_ROWS });
  if (!table.ok) return table;
  const answers = officialAnswers(election);
  const expected = ['station', 'ballots', ...answers];
  const unknown = table.header.filter((name) => !expected.includes(name));
  const missing = expected.filter((name) => !table.header.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      ...unknown.map((name) => `${name} is not an answer of ${election.id}`),
      ...missing.map((name) => `the column ${name} is missing`),
    ];
    return refuseFile(`${parts.join('; ')} (expected ${expected.join(',')})`, 1);
  }

  const rows: OfficialRow[] = [];
  const problems: FileProblem[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    const before = problems.length;
    const station = fields.station ?? '';
    if (!station) problems.push({ line, column: 'station', message: 'is required' });
    else if (!stations.has(station))
      problems.push({ line, column: 'station', message: `${station} is not a station of ${election.id}` });
    else if (lineOf.has(station))
      problems.push({
        line,
        column: 'station',
        message: `${station} is already on line ${lineOf.get(station)}`,
      });
    else lineOf.set(station, line);
    const figures: Record<string, number> = {};
    for (const column of ['ballots', ...answers]) {
      const value = readCount(fields[column] ?? '');
      if (value === null)
        problems.push({
          line,
          column,
          message: `expected a whole number ≥ 0, found ${fields[column] || 'nothing'}`,
        });
      else figures[column] = value;
    }
    if (problems.length > before) continue;
    const { ballots = 0, ...votes } = figures;
    const given = Object.values(votes).reduce((sum, n) => sum + n, 0);
    // Every ballot in the boxes is valid for one answer or invalid: more votes than ballots is a typo.
    if (given > ballots)
      problems.push({
        line,
        column: 'ballots',
        message: `${ballots} ballots, but the votes add up to ${given}`,
      });
    else rows.push({ station, ballots, votes });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
