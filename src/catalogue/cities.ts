import { z } from 'zod';

// The station finder's city names (content/guide/cities.yaml): how people write the cities that have stations
// abroad, in Russian, English and the local language, so that "Белград", "Belgrade" and "Beograd" find one city.

const name = z
  .string({ error: 'must be a text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(80, { error: 'is longer than 80 characters' });

const latitude = z
  .number({ error: 'must be a number of decimal degrees' })
  .min(-90, { error: 'must be between -90 and 90' })
  .max(90, { error: 'must be between -90 and 90' });
const longitude = z
  .number({ error: 'must be a number of decimal degrees' })
  .min(-180, { error: 'must be between -180 and 180' })
  .max(180, { error: 'must be between -180 and 180' });

export const citySchema = z
  .strictObject({
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
    /** The city centre's latitude, for "near me" and the map (both or neither). */
    lat: latitude.optional(),
    /** The city centre's longitude. */
    lon: longitude.optional(),
  })
  .superRefine((city, context) => {
    // One coordinate without the other is a point nowhere: name the one that is missing.
    if ((city.lat === undefined) !== (city.lon === undefined))
      context.addIssue({
        code: 'custom',
        path: [city.lat === undefined ? 'lat' : 'lon'],
        message: `is missing: give both lat and lon, or neither`,
      });
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
