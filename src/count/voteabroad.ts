import { type FileProblem, readCsv, refuseFile } from '../catalogue/csv.js';
import type { Election } from '../catalogue/election.js';
import { BUCKET_MS } from './buckets.js';
import type { ImportedAnswer } from './storage.js';

// Vote Abroad's published exit poll (v3 of the 2024 file, count-spec.md): one row per respondent. What the product
// has a place for is kept — station, 15-minute bucket, answer, gender, age; the volunteer column is dropped.

export const VOTE_ABROAD_SOURCE = 'voteabroad';
export const MAX_VOTE_ABROAD_BYTES = 50 * 1024 * 1024;
export const MAX_VOTE_ABROAD_ROWS = 500_000;

const REQUIRED = ['voting_station', 'timestamp', 'candidate'] as const;
const CANDIDATES: Readonly<Record<string, string>> = {
  '0': 'declined',
  '1': 'davankov',
  '2': 'putin',
  '3': 'slutsky',
  '4': 'kharitonov',
  '5': 'invalid',
  '6': 'removed',
};
// The file's times are UTC, written with or without the T and the Z.
const UTC_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)Z?$/;
const GENDERS: Readonly<Record<string, string>> = {
  female: 'female',
  f: 'female',
  ж: 'female',
  male: 'male',
  m: 'male',
  м: 'male',
  other: 'other',
};

export type VoteAbroadResult =
  | { ok: true; stations: string[]; answers: ImportedAnswer[]; respondents: number }
  | { ok: false; problems: FileProblem[] };

/** The respondents counted per station, bucket, answer, gender and age, or every problem with its line. */
export function parseVoteAbroad(
  file: Uint8Array | string,
  election: Election,
  stations: ReadonlySet<string>,
): VoteAbroadResult {
  const table = readCsv(file, { maxBytes: MAX_VOTE_ABROAD_BYTES, maxRows: MAX_VOTE_ABROAD_ROWS });
  if (!table.ok) return table;
  const missing = REQUIRED.filter((name) => !table.header.includes(name));
  if (missing.length > 0)
    return refuseFile(
      `not Vote Abroad's format: the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing`,
      1,
    );
  const answers = new Set(election.answers.map((a) => a.id));

  const counts = new Map<string, ImportedAnswer>();
  const problems: FileProblem[] = [];
  for (const { line, fields } of table.rows) {
    const before = problems.length;
    const problem = (column: string, message: string) => problems.push({ line, column, message });
    const station = fields.voting_station ?? '';
    if (!stations.has(station))
      problem('voting_station', `${station || 'nothing'} is not a station of ${election.id}`);
    const time = UTC_TIME.exec(fields.timestamp ?? '');
    const at = time ? Date.parse(`${time[1]}T${time[2]}Z`) : Number.NaN;
    if (Number.isNaN(at))
      problem(
        'timestamp',
        `expected a UTC time such as 2024-03-17 10:05:00, found ${fields.timestamp || 'nothing'}`,
      );
    // A respondent the volunteer marked as not answering (NA) declined, as code 0 says.
    const code = fields.candidate ?? '';
    const answer = code === '' || code.toUpperCase() === 'NA' ? 'declined' : CANDIDATES[code];
    if (answer === undefined) problem('candidate', `expected a code from 0 to 6, found ${code}`);
    else if (!answers.has(answer)) problem('candidate', `${answer} is not an answer of ${election.id}`);
    if (problems.length > before || answer === undefined) continue;
    const gender = GENDERS[(fields.gender ?? '').trim().toLowerCase()] ?? '';
    const age = /^\d{1,3}$/.test(fields.age ?? '') && Number(fields.age) <= 120 ? Number(fields.age) : -1;
    const bucket = at - (at % BUCKET_MS);
    const key = [station, bucket, answer, gender, age].join('\n');
    const found = counts.get(key);
    if (found) found.respondents++;
    else counts.set(key, { station, bucket, answer, gender, age, respondents: 1 });
  }
  if (problems.length > 0) return { ok: false, problems };
  const list = [...counts.values()];
  return {
    ok: true,
    stations: [...new Set(list.map((a) => a.station))],
    answers: list,
    respondents: table.rows.length,
  };
}
