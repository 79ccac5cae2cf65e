import type { FileProblem } from '../../catalogue/csv.js';
import type { Election } from '../../catalogue/election.js';
import { createCounting } from '../../count/counting.js';
import { MAX_RESULTS_FILE_BYTES } from '../../count/official.js';
import type { Report } from '../../count/report.js';
import { createResults, type Results } from '../../count/results.js';
import { MAX_TALLIES_FILE_BYTES } from '../../count/tallies.js';
import { MAX_VOTE_ABROAD_BYTES } from '../../count/voteabroad.js';
import { databaseUrlFromEnv } from '../../store/config.js';
import { dataDirFor, parseDatabaseUrl } from '../../store/database-url.js';
import { loadSecret, userKey } from '../../store/user-key.js';
import { printJson, UsageError } from '../command.js';
import { table, withStore } from '../stats-command.js';
import { shippedElections, unknownElection } from './elections.js';
import { problemCount, refuseFile } from './problems.js';
import { readInputFile } from './read-file.js';

// `count official import`, `count tallies import`, `count exitpoll import` and `count report`: after the polls
// close, the official figures and others' data beside the volunteers' counts.

export type ImportKind = 'official' | 'tallies' | 'exitpoll';

const LIMITS: Record<ImportKind, number> = {
  official: MAX_RESULTS_FILE_BYTES,
  tallies: MAX_TALLIES_FILE_BYTES,
  exitpoll: MAX_VOTE_ABROAD_BYTES,
};
const WHAT: Record<ImportKind, string> = {
  official: 'official results',
  tallies: 'paper tallies',
  exitpoll: 'exit-poll answers',
};

export interface ResultsContext {
  results: Results;
  election(id: string | undefined): Promise<Election>;
}

export function withResults(
  json: boolean,
  use: (context: ResultsContext) => Promise<number>,
  openData?: { licence?: string | undefined; url?: string | undefined },
): Promise<number> {
  return withStore(json, async ({ count }) => {
    const counting = createCounting({ storage: count, shipped: shippedElections });
    try {
      // Keyed as the server keys them, so a tally's volunteer is the same pseudonym whoever imports it.
      const { secret } = loadSecret({
        env: process.env,
        dataDir: dataDirFor(parseDatabaseUrl(databaseUrlFromEnv(process.env))),
      });
      const results = createResults({
        counting,
        storage: count,
        pseudonym: (election, label) => userKey(secret, `tally:${election}`, label),
        ...(openData ? { openData } : {}),
      });
      return await use({
        results,
        async election(id) {
          if (!id) throw new UsageError('which election? give --election ID');
          const found = await counting.election(id);
          if (!found) throw unknownElection(id);
          return found;
        },
      });
    } finally {
      counting.close();
    }
  });
}

function describeProblem(file: string, problem: FileProblem): string {
  const where = problem.line === null ? file : `${file}:${problem.line}`;
  return `${where}: ${problem.column ? `${problem.column}: ` : ''}${problem.message}`;
}

export async function importResults(
  context: ResultsContext,
  kind: ImportKind,
  file: string,
  electionId: string | undefined,
  json: boolean,
): Promise<number> {
  const election = await context.election(electionId);
  const bytes = readInputFile(file, LIMITS[kind]);
  const { results } = context;
  const imported =
    kind === 'official'
      ? await results.importOfficial(election.id, bytes)
      : kind === 'tallies'
        ? await results.importTallies(election.id, bytes)
        : await results.importExitPoll(election.id, bytes, 'voteabroad');
  if (!imported.ok && imported.reason === 'invalid')
    return refuseFile(
      json,
      `${problemCount(imported.problems.length)} in ${file}; nothing was imported`,
      imported.problems,
      (problem) => describeProblem(file, problem),
    );
  if (!imported.ok) throw unknownElection(election.id);
  const { stations, rows } = imported;
  if (json) printJson({ election: election.id, stations, rows });
  else
    process.stdout.write(
      `${WHAT[kind]} of ${election.id}: ${rows} row${rows === 1 ? '' : 's'} for ${stations} station${stations === 1 ? '' : 's'} (replacing what those stations had)\n`,
    );
  return 0;
}

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const whole = (n: number | null) => (n === null ? '–' : Math.round(n));

/** One answer's cell: the poll's share and bounds, then the official share — `12% (8–17%) / 11%`. */
function answerCell(station: Report['stations'][number], answer: string): string {
  const poll = station.exitPoll?.answers[answer];
  const votes = station.official?.votes[answer];
  const official =
    votes === undefined || !station.official?.ballots ? '–' : percent(votes / station.official.ballots);
  const polled = poll
    ? `${percent(poll.share)} (${percent(poll.low).slice(0, -1)}–${percent(poll.high)})`
    : '–';
  return `${polled} / ${official}`;
}

export async function printReport(
  context: ResultsContext,
  electionId: string | undefined,
  json: boolean,
): Promise<number> {
  const election = await context.election(electionId);
  // The coordinator at the command line sees the exit poll before it is public, as the API's admin does.
  const report = await context.results.report(election.id, { privileged: true });
  if (!report) throw unknownElection(election.id);
  if (json) {
    printJson(report);
    return 0;
  }
  const answers = election.answers.map((a) => a.id).filter((id) => id !== 'removed' && id !== 'declined');
  const header = [
    'station',
    'country',
    'city',
    'counted',
    'coverage',
    'estimate',
    'ballots',
    'polled',
    'declined',
  ];
  const rows = report.stations.map((s) => [
    s.station,
    s.country,
    s.city,
    whole(s.counted.value),
    percent(s.counted.coverage),
    whole(s.counted.estimate),
    s.official ? s.official.ballots : '–',
    s.exitPoll ? s.exitPoll.respondents : '–',
    percent(s.exitPoll?.answers.declined?.share ?? null),
    ...answers.map((answer) => answerCell(s, answer)),
    s.flags.map((f) => ('answer' in f ? `${f.kind}:${f.answer}` : f.kind)).join(' '),
  ]);
  const lines = [
    `${election.id}: ${report.stations.length} stations, ${whole(report.totals.counted)} counted, ${report.totals.flagged} flagged`,
    `each answer: exit-poll share (95% bounds, declined counted either way) / official share`,
    report.totals.stationsWithExclusions > 0
      ? `a coordinator excluded volunteers' data from the figures at: ${report.stations
          .filter((s) => s.excluded > 0)
          .map((s) => `${s.station} (${s.excluded})`)
          .join(', ')}`
      : '',
    report.closesAt && Date.now() < Date.parse(report.closesAt)
      ? `(the exit poll is shown to you; the public sees it after the last station closes, ${report.closesAt})`
      : '',
    ...table([[...header, ...answers, 'flags'], ...rows]),
  ];
  process.stdout.write(`${lines.filter((line, i) => (i !== 2 && i !== 3) || line).join('\n')}\n`);
  return 0;
}
