import { openingWindows } from './buckets.js';
import type { Counting } from './counting.js';
import type { ExclusionActor } from './exclusions.js';
import { buildReview, type ReviewLogEntry, type ReviewVolunteer, type StationReview } from './review.js';
import type { CountStorage } from './storage.js';

// A coordinator's review of a station (review.ts) and excluding a volunteer from its figures or including them
// again, over the storage interface. Who may do it is the front end's to check; who did it is logged here.

export type ExcludeResult =
  | { ok: true; volunteer: ReviewVolunteer; log: ReviewLogEntry[] }
  | { ok: false; reason: 'no-station' | 'no-volunteer' };

export interface Reviews {
  review(election: string, station: string): Promise<StationReview | undefined>;
  /** Excludes a volunteer (or includes them again); the same state twice adds nothing to the log. */
  setExcluded(input: {
    election: string;
    station: string;
    volunteer: string;
    excluded: boolean;
    by: ExclusionActor;
  }): Promise<ExcludeResult>;
}

export function createReviews(options: {
  counting: Pick<Counting, 'election' | 'stationChanged'>;
  storage: CountStorage;
  now?: () => number;
}): Reviews {
  const { counting, storage } = options;
  const now = options.now ?? Date.now;

  async function review(electionId: string, stationId: string): Promise<StationReview | undefined> {
    if (!(await counting.election(electionId))) return undefined;
    // Read afresh, not from counting's cache: a station imported a moment ago must be found.
    const station = (await storage.stations(electionId)).find((s) => s.station === stationId);
    if (!station) return undefined;
    const [{ events }, tallies, log] = await Promise.all([
      storage.stationEvents(electionId, stationId),
      storage.tallies(electionId),
      storage.exclusions(electionId, stationId),
    ]);
    return buildReview({
      election: electionId,
      station: stationId,
      timezone: station.timezone,
      windows: openingWindows(station),
      events,
      tallies: tallies.filter((t) => t.station === stationId),
      log,
      now: now(),
    });
  }

  return {
    review,
    async setExcluded({ election, station, volunteer, excluded, by }) {
      const before = await review(election, station);
      if (!before) return { ok: false, reason: 'no-station' };
      // Only someone whose data is at this station: an id from elsewhere is refused, not logged.
      const current = before.volunteers.find((v) => v.id === volunteer);
      if (!current) return { ok: false, reason: 'no-volunteer' };
      if (current.excluded !== excluded) {
        await storage.addExclusion(election, { station, volunteer, excluded, by, at: now() });
        counting.stationChanged(election, station);
      }
      const after = await review(election, station);
      const found = after?.volunteers.find((v) => v.id === volunteer);
      if (!after || !found) return { ok: false, reason: 'no-volunteer' };
      return { ok: true, volunteer: found, log: after.log };
    },
  };
}
