import { z } from 'zod';

// The station finder's city names (content/guide/cities.yaml): how people write the cities that have stations
// abroad, in Russian, English and the local language, so that "Белград", "Belgrade" and "Beograd" find one city.

const name = z
  .string({ error: 'must be a text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(80, { error: 'is longer than 80 characters' });

export const citySchema = z.strictObject({
  /** The city as the stations CSV's `city` column spells it. */
  en: name,
  country: z.string({ error: 'must be a country code' }).regex(/^[A-Z]{2}$/, {
    error: 'must be an ISO 3166-1 alpha-2 code in capitals, such as RS',
  }),
  ru: name,
  /** The names in the country's own languages and scripts. */
  local: z.array(name, { error: 'must be a list of names' }).default([]),
  /** Other spellings people type: old names, transliterations, short forms. */
  also: z.array(name, { error: 'must be a list of names' }).default([]),
});

export const citiesSchema = z.strictObject({
  cities: z
    .array(citySchema, { error: 'must be a list of cities' })
    .min(1, { error: 'needs at least one city' }),
});

export type City = z.infer<typeof citySchema>;

/** Every name a city goes by, the English one first. */
export function cityNames(city: City): string[] {
  return [city.en, city.ru, ...city.local, ...city.also];
}
