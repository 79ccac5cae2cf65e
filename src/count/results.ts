import type { Counting } from './counting.js';
import { counting as countingOf } from './counting.js';
import type { FileProblem } from './csv.js';
import { currentExclusions } from './exclusions.js';
import { parseOfficial } from './official.js';
import { buildReport, exitPollPublic, type Report, type StationInput } from './report.js';
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
}

export function createResults(options: {
  counting: Pick<Counting, 'election'>;
  storage: CountStorage;
  /** Keys a paper tally's volunteer label (tallies.ts). */
  pseudonym: Pseudonym;
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
      const stations = await storage.stations(electionId);
      const [events, allTallies, official, answers, exclusions] = await Promise.all([
        storage.countingEvents(electionId),
        storage.tallies(electionId),
        storage.official(electionId),
        storage.answerCounts(electionId),
        storage.exclusions(electionId),
      ]);
      // A volunteer a coordinator excluded counts nowhere; their data stays stored, and the report says so.
      const excluded = currentExclusions(exclusions);
      const tallies = allTallies.filter((t) => !excluded.get(t.station)?.has(t.volunteer));
      const talliesOf = new Map<string, typeof tallies>();
      for (const tally of tallies) {
        const list = talliesOf.get(tally.station) ?? [];
        talliesOf.set(tally.station, list);
        list.push(tally);
      }
      const officialOf = new Map(official.map(({ station, ...figures }) => [station, figures]));
      const inputs: StationInput[] = [];
      for (const station of stations) {
        const all = events.get(station.station) ?? [];
        const left = excluded.get(station.station);
        const { taps, shifts } = countingOf(left ? all.filter((e) => !left.has(e.volunteer)) : all, at);
        inputs.push({
          station,
          excluded: excluded.get(station.station)?.size ?? 0,
          taps,
          shifts,
          tallies: talliesOf.get(station.station) ?? [],
          official: officialOf.get(station.station) ?? null,
          answers: answers[station.station] ?? {},
        });
      }
      return buildReport(election, inputs, {
        exitPollPublished: privileged || exitPollPublic(stations, at),
      });
    },
  };
}
