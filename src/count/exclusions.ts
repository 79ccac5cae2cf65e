// Volunteers a coordinator excluded from a station's figures: a log that is only ever added to, so that excluding
// is reversible and says who did it and when. Nothing of the volunteer's data is touched.

/** Who excluded or included a volunteer again: the admin (over the API or at the command line) or a coordinator. */
export type ExclusionActor = 'admin' | 'admin (cli)' | `coordinator:${string}`;

/** One line of the exclusion log: rows are only ever added, so the latest per volunteer is their state. */
export interface ExclusionRow {
  station: string;
  volunteer: string;
  excluded: boolean;
  by: ExclusionActor;
  at: number;
}

/** The volunteers excluded now, per station, from a log read oldest first. */
export function currentExclusions(log: readonly Omit<ExclusionRow, 'by' | 'at'>[]): Map<string, Set<string>> {
  const latest = new Map<string, Map<string, boolean>>();
  for (const row of log) {
    const station = latest.get(row.station) ?? new Map<string, boolean>();
    latest.set(row.station, station);
    station.set(row.volunteer, row.excluded);
  }
  const excluded = new Map<string, Set<string>>();
  for (const [station, states] of latest) {
    const set = new Set([...states].filter(([, on]) => on).map(([volunteer]) => volunteer));
    if (set.size > 0) excluded.set(station, set);
  }
  return excluded;
}
