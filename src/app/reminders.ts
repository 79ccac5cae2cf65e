import type { City } from '../catalogue/cities.js';
import type { Lang } from '../catalogue/schema.js';

// What the reminders' broadcast needs besides the store and Telegram, shared by `guide broadcast` and the timer
// of the running bot: the cities' names per language.

/** The name of a station's city in a language, from content/guide/cities.yaml (undefined when not listed). */
export function cityNamer(cities: readonly City[]): (city: string, lang: Lang) => string | undefined {
  const byName = new Map(cities.map((city) => [city.en, city]));
  return (city, lang) => byName.get(city)?.[lang];
}
