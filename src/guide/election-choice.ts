import type { Election } from '../catalogue/election.js';
import type { Station } from '../catalogue/stations.js';

// Which election the guide's wizard, finder and reminders speak of when a person does not say: the next one
// that has a list of stations, else the most recent one that had, marked as past so the texts can say so.

export interface GuideElection {
  election: Election;
  stations: readonly Station[];
  /** Its last voting day is before today: its stations may have changed since. */
  past: boolean;
}

export function guideElection(
  elections: readonly Election[],
  stations: ReadonlyMap<string, readonly Station[]>,
  today: string,
): GuideElection | null {
  const listed = elections
    .filter((election) => (stations.get(election.id)?.length ?? 0) > 0)
    .map((election) => ({ election, last: election.days[election.days.length - 1] ?? '' }));
  const upcoming = listed.filter(({ last }) => last >= today).sort((a, b) => a.last.localeCompare(b.last))[0];
  const chosen = upcoming ?? listed.sort((a, b) => b.last.localeCompare(a.last))[0];
  if (!chosen) return null;
  return {
    election: chosen.election,
    stations: stations.get(chosen.election.id) ?? [],
    past: chosen.last < today,
  };
}
