import type { City } from '../catalogue/cities.js';
import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import type { Station } from '../catalogue/stations.js';
import type { CountStorage } from '../count/storage.js';

// What the reminders' broadcast needs besides the store and Telegram, shared by `guide broadcast` and the timer
// of the running bot: the stations of an election, and the cities' names per language.

/**
 * The stations reminders are about: those imported into the store (`count stations import`), or when there are
 * none, the list shipped with the guide (content/guide/stations/); none when neither has any.
 */
export async function reminderStations(
  count: Pick<CountStorage, 'stations'>,
  catalogue: Pick<Catalogue, 'stations'>,
  election: string,
): Promise<readonly Station[]> {
  const stored = await count.stations(election);
  return stored.length > 0 ? stored : (catalogue.stations.get(election) ?? []);
}

/** The name of a station's city in a language, from content/guide/cities.yaml (undefined when not listed). */
export function cityNamer(cities: readonly City[]): (city: string, lang: Lang) => string | undefined {
  const byName = new Map(cities.map((city) => [city.en, city]));
  return (city, lang) => byName.get(city)?.[lang];
}
