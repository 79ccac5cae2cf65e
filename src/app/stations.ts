import type { Catalogue } from '../catalogue/load.js';
import type { Station } from '../catalogue/stations.js';
import type { CountStorage } from '../count/storage.js';

/**
 * An election's stations as the guide shows them (finder, page, reminders): those imported into the store (`count stations import`), or when there are
 * none, the list shipped with the guide (content/guide/stations/); none when neither has any.
 */
export async function electionStations(
  count: Pick<CountStorage, 'stations'>,
  catalogue: Pick<Catalogue, 'stations'>,
  election: string,
): Promise<readonly Station[]> {
  const stored = await count.stations(election);
  return stored.length > 0 ? stored : (catalogue.stations.get(election) ?? []);
}
