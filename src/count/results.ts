import type { FileProblem } from '../catalogue/csv.js';
import type { Counting } from './counting.js';
import { counting as countingOf, queueReports } from './counting.js';
import { currentExclusions } from './exclusions.js';
import { parseOfficial } from './official.js';
import { buildOpenData, DEFAULT_LICENCE, type OpenData } from './open-data.js';
import { buildReport, exitPollPublic, lastClose, type Report, type StationInput } from './report.js';
import type { CountStorage } from './storage.js';
import { type Pseudonym, parseTallies } from './tallies.js';
import { parseVoteAbroad, VOTE_ABROAD_SOURCE } from './voteabroad.js';

// After the polls close: importing the official results, the paper tallies and another group's exit poll, and the
// report that sets them beside the volunteers' counts. Every import is whole or nothing, and a second import of
// the same file replaces the first rather than adding to it.

export const EXIT_POLL_FORMATS = ['voteabroad'] as const;
export type ExitPollFormat = (typeof EXIT_POLL_FORMATS)[number];

export type ResultsImport =
  | { ok: true; stations: number; rows: number }
  | { ok: false; reason: 'no-election' }
  | { ok: false; reason: 'invalid'; problems: FileProblem[] };

export interface Results {
  importOfficial(election: string, file: Uint8Array | string): Promise<ResultsImport>;
  importTallies(election: string, file: Uint8Array | string): Promise<ResultsImport>;
  importExitPoll(election: string, file: Uint8Array | string, format: ExitPollFormat): Promise<ResultsImport>;
  /** The report; `privileged` (a coordinator, an admin) sees the exit poll before the publication rule allows. */
  report(election: string, options: { privileged: boolean }): Promise<Report | undefined>;
  /** The open data (open-data.ts); `privileged` includes the exit poll before it may be published. */
  export(election: string, options: { privileged: boolean }): Promise<OpenData | undefined>;
}

/** Rows grouped by their station. */
function byStation<T extends { station: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.station) ?? [];
    grouped.set(row.station, list);
    list.push(row);
  }
  return grouped;
}

export function createResults(options: {
  counting: Pick<Counting, 'election'>;
  storage: CountStorage;
  /** Keys a paper tally's volunteer label (tallies.ts). */
  pseudonym: Pseudonym;
  /** What the open data says of its licence and where it is published ("how to cite"). */
  openData?: { licence?: string | undefined; url?: string | undefined };
  now?: () => number;
}): Results {
  const { counting, storage } = options;
  const now = options.now ?? Date.now;

  // Read afresh, not from counting's cache: stations imported a moment ago must be found.
  async function context(electionId: string) {
    const election = await counting.election(electionId);
    if (!election) return undefined;
    const stations = new Set((await storage.stations(electionId)).map((s) => s.station));
    return { election, stations };
  }

  /**
   * What the report and the open data both count from, per station: taps, shifts, tallies and the official row.
   * A volunteer a coordinator excluded counts nowhere; their data stays stored, and `excluded` says how many.
   */
  async function countedInputs(electionId: string, at: number) {
    const stations = await storage.stations(electionId);
    const [rows, tallies, official, exclusions] = await Promise.all([
      storage.countedRows(electionId),
      storage.tallies(electionId),
      storage.official(electionId),
      storage.exclusions(electionId),
    ]);
    const excludedAt = currentExclusions(exclusions);
    const talliesOf = byStation(tallies);
    const officialOf = new Map(official.map(({ station, ...figures }) => [station, figures]));
    const counted = stations.map((station) => {
      const found = rows.get(station.station);
      const excluded = excludedAt.get(station.station) ?? new Set<string>();
      const counts = (row: { volunteer: string }) => !excluded.has(row.volunteer);
      return {
        station,
        excluded: excluded.size,
        taps: (found?.taps ?? []).filter(counts),
        shifts: countingOf((found?.shiftEvents ?? []).filter(counts), at).shifts,
        tallies: (talliesOf.get(station.station) ?? []).filter(counts),
        official: officialOf.get(station.station) ?? null,
      };
    });
    return { stations, counted };
  }

  return {
    async importOfficial(electionId, file) {
      const found = await context(electionId);
      if (!found) return { ok: false, reason: 'no-election' };
      const parsed = parseOfficial(file, found.election, found.stations);
      if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
      await storage.importOfficial(electionId, parsed.rows);
      return { ok: true, stations: parsed.rows.length, rows: parsed.rows.length };
    },

    async importTallies(electionId, file) {
      const found = await context(electionId);
      if (!found) return { ok: false, reason: 'no-election' };
      const parsed = parseTallies(file, found.election, found.stations, options.pseudonym);
      if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
      await storage.importTallies(electionId, parsed.stations, parsed.tallies);
      return { ok: true, stations: parsed.stations.length, rows: parsed.tallies.length };
    },

    async importExitPoll(electionId, file, _format) {
      const found = await context(electionId);
      if (!found) return { ok: false, reason: 'no-election' };
      const parsed = parseVoteAbroad(file, found.election, found.stations);
      if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
      await storage.importAnswers(electionId, VOTE_ABROAD_SOURCE, parsed.stations, parsed.answers);
      return { ok: true, stations: parsed.stations.length, rows: parsed.respondents };
    },

    async report(electionId, { privileged }) {
      const election = await counting.election(electionId);
      if (!election) return undefined;
      const at = now();
      const [{ stations, counted }, answers] = await Promise.all([
        countedInputs(electionId, at),
        storage.answerCounts(electionId),
      ]);
      const inputs: StationInput[] = counted.map((input) => ({
        ...input,
        answers: answers[input.station.station] ?? {},
      }));
      return buildReport(election, inputs, {
        exitPollPublished: privileged || exitPollPublic(stations, at),
      });
    },

    async export(electionId, { privileged }) {
      const election = await counting.election(electionId);
      if (!election) return undefined;
      const at = now();
      const [{ stations, counted }, queues, answers] = await Promise.all([
        countedInputs(electionId, at),
        storage.queueEvents(electionId),
        storage.answerRows(electionId),
      ]);
      const url = options.openData?.url;
      return buildOpenData(
        election,
        counted.map((input) => ({
          ...input,
          queues: queueReports(queues.get(input.station.station) ?? []),
        })),
        answers,
        {
          exitPollPublished: privileged || exitPollPublic(stations, at),
          closesAt: lastClose(stations),
          generatedAt: at,
          licence: options.openData?.licence ?? DEFAULT_LICENCE,
          url: url ? `${url}/api/count/elections/${encodeURIComponent(election.id)}/export.json` : null,
        },
      );
    },
  };
}
