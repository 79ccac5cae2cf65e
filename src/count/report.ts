import type { Election } from '../catalogue/election.js';
import type { Station } from '../catalogue/stations.js';
import { openingWindows } from './buckets.js';
import { type Counted, countStation, type Shift, type Tally, type TapRun } from './counted.js';
import { type Flag, type Official, stationFlags } from './flags.js';
import { type ExitPoll, exitPollFigures } from './wilson.js';

// count-spec.md's report: per station the count with its coverage, the official figures, the exit poll with its
// bounds and the flags where they part; and the totals. Pure: the caller reads the data and says who asks.

export interface ReportStation {
  station: string;
  country: string;
  city: string;
  counted: Counted;
  official: Official | null;
  /** null where nobody answered, and for the public until the exit poll may be published. */
  exitPoll: ExitPoll | null;
  flags: Flag[];
  /** Volunteers a coordinator excluded from these figures (their data is kept); 0 when none. */
  excluded: number;
}

export interface Report {
  election: string;
  /** Whether the exit-poll parts are in this report (the publication rule, or a coordinator asking). */
  exitPollPublished: boolean;
  /** When the election's last station closes (ISO-8601), after which the exit poll is public; null: no stations. */
  closesAt: string | null;
  stations: ReportStation[];
  totals: {
    counted: number | null;
    /** Summed over the stations that have an official row; null where none has. */
    official: Official | null;
    exitPoll: ExitPoll | null;
    /** The number of stations with any flag. */
    flagged: number;
    /** The number of stations where a volunteer's data is excluded from the figures. */
    stationsWithExclusions: number;
  };
}

/** Everything one station's report line is computed from. */
export interface StationInput {
  station: Station;
  taps: readonly TapRun[];
  shifts: readonly Shift[];
  tallies: readonly Tally[];
  official: Official | null;
  /** Respondents per answer id (the volunteers' and imported ones together). */
  answers: Readonly<Record<string, number>>;
  /** Volunteers whose data the caller left out of taps, shifts and tallies (default 0). */
  excluded?: number;
}

/** The end of the election's last station's last day (epoch ms), in each station's own time zone. */
export function lastClose(stations: readonly Station[]): number | null {
  let last: number | null = null;
  for (const station of stations)
    for (const window of openingWindows(station)) if (last === null || window.to > last) last = window.to;
  return last;
}

/** Exit-poll answers stay private to coordinators until the last station has closed (Publication rules). */
export function exitPollPublic(stations: readonly Station[], now: number): boolean {
  const close = lastClose(stations);
  return close !== null && now >= close;
}

function sumOfficial(rows: readonly Official[]): Official | null {
  if (rows.length === 0) return null;
  const votes: Record<string, number> = {};
  let ballots = 0;
  for (const row of rows) {
    ballots += row.ballots;
    for (const [answer, n] of Object.entries(row.votes)) votes[answer] = (votes[answer] ?? 0) + n;
  }
  return { ballots, votes };
}

/** The exit poll of these counts over the election's answers, or null when nobody answered. */
function exitPollOf(answerIds: readonly string[], counts: Readonly<Record<string, number>>): ExitPoll | null {
  // Answers the election no longer has (its file was edited) are left out rather than refused here.
  const known = Object.fromEntries(Object.entries(counts).filter(([answer]) => answerIds.includes(answer)));
  const poll = exitPollFigures(answerIds, known);
  return poll.respondents > 0 ? poll : null;
}

export function buildReport(
  election: Election,
  inputs: readonly StationInput[],
  options: { exitPollPublished: boolean },
): Report {
  const answerIds = election.answers.map((a) => a.id);
  const stations: ReportStation[] = [];
  const allAnswers: Record<string, number> = {};
  let counted: number | null = null;

  for (const input of inputs) {
    const { counted: figures, disagreements } = countStation({
      windows: openingWindows(input.station),
      taps: input.taps,
      shifts: input.shifts,
      tallies: input.tallies,
    });
    const poll = exitPollOf(answerIds, input.answers);
    // Hidden exit-poll figures hide their flags too: a flag on an answer would tell what the poll says.
    const exitPoll = options.exitPollPublished ? poll : null;
    const flags = stationFlags({ counted: figures, disagreements, exitPoll, official: input.official });
    if (figures.value !== null) counted = (counted ?? 0) + figures.value;
    for (const [answer, n] of Object.entries(input.answers))
      allAnswers[answer] = (allAnswers[answer] ?? 0) + n;
    stations.push({
      station: input.station.station,
      country: input.station.country,
      city: input.station.city,
      counted: figures,
      official: input.official,
      exitPoll,
      flags,
      excluded: input.excluded ?? 0,
    });
  }

  const close = lastClose(inputs.map((i) => i.station));
  return {
    election: election.id,
    exitPollPublished: options.exitPollPublished,
    closesAt: close === null ? null : new Date(close).toISOString(),
    stations,
    totals: {
      counted,
      official: sumOfficial(inputs.flatMap((i) => (i.official ? [i.official] : []))),
      exitPoll: options.exitPollPublished ? exitPollOf(answerIds, allAnswers) : null,
      flagged: stations.filter((s) => s.flags.length > 0).length,
      stationsWithExclusions: stations.filter((s) => s.excluded > 0).length,
    },
  };
}
