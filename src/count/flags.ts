// The report's flags: where the count, the exit poll and the official figures part by more than chance allows.
import type { Counted } from './counted.js';
import type { ExitPoll } from './wilson.js';

export type Flag =
  | { kind: 'outside-survey' | 'contradiction'; answer: string }
  | { kind: 'more-ballots-than-counted' | 'counts-disagree' };

/** A station's official result: ballots found in the boxes and votes per answer (no removed, no declined). */
export interface Official {
  ballots: number;
  votes: Readonly<Record<string, number>>;
}

/** The flags of one station, kinds in the spec's order and answers in the election's; no official row, no
 * official flags. */
export function stationFlags(station: {
  counted: Counted;
  disagreements: readonly unknown[];
  exitPoll: ExitPoll | null;
  official: Official | null;
}): Flag[] {
  const { counted, exitPoll, official } = station;
  const flags: Flag[] = [];
  const compared = exitPoll && official ? Object.entries(exitPoll.answers) : [];
  for (const [answer, poll] of compared) {
    const votes = official?.votes[answer];
    if (votes === undefined || !official || official.ballots <= 0 || poll.low === null || poll.high === null)
      continue;
    const share = votes / official.ballots;
    if (share < poll.low || share > poll.high) flags.push({ kind: 'outside-survey', answer });
  }
  for (const [answer, poll] of compared) {
    const votes = official?.votes[answer];
    if (votes !== undefined && poll.count - votes > Math.max(5, 0.05 * poll.count))
      flags.push({ kind: 'contradiction', answer });
  }
  if (
    official &&
    counted.coverage === 1 &&
    counted.value !== null &&
    official.ballots > 1.1 * counted.value + 10
  )
    flags.push({ kind: 'more-ballots-than-counted' });
  if (station.disagreements.length > 0) flags.push({ kind: 'counts-disagree' });
  return flags;
}
