import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { City } from '../catalogue/cities.js';
import type { Election } from '../catalogue/election.js';
import { DEFAULT_CONTENT_DIR } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import { parseStations, type Station } from '../catalogue/stations.js';
import type { CountStorage } from '../count/storage.js';

// What the reminders' broadcast needs besides the store and Telegram, shared by `guide broadcast` and the timer
// of the running bot: the stations of an election, and the cities' names per language.

/**
 * The stations reminders are about: those imported into the store (`count stations import`), or when there are
 * none, the list shipped in content/guide/stations/ELECTION.csv; none when neither has any.
 */
export async function reminderStations(
  count: Pick<CountStorage, 'stations'>,
  election: Election,
  contentDir: string = DEFAULT_CONTENT_DIR,
): Promise<Station[]> {
  const stored = await count.stations(election.id);
  if (stored.length > 0) return stored;
  let file: string;
  try {
    file = readFileSync(path.join(contentDir, 'guide', 'stations', `${election.id}.csv`), 'utf8');
  } catch {
    return [];
  }
  const parsed = parseStations(file, election);
  // `content check` refuses a broken shipped list, so this is a list edited after the check: send nothing.
  return parsed.ok ? parsed.stations : [];
}

/** The name of a station's city in a language, from content/guide/cities.yaml (undefined when not listed). */
export function cityNamer(cities: readonly City[]): (city: string, lang: Lang) => string | undefined {
  const byName = new Map(cities.map((city) => [city.en, city]));
  return (city, lang) => byName.get(city)?.[lang];
}
