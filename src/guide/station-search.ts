import type { City } from '../catalogue/cities.js';
import type { Station } from '../catalogue/stations.js';
import { countScripts, words } from '../matcher/normalize.js';
import { latinWordToCyrillic } from '../matcher/translit.js';

// The station finder (guide-spec.md, `guide stations`): an election's stations by city, by country or by distance
// from a point. Pure: the caller passes the stations (the counting part keeps them) and the city names of
// content/guide/cities.yaml. Names are folded as the matcher folds them (case, ё → е; never NFD, so й stays й).

/** A station as the stations CSV describes it (catalogue/stations.ts), whether shipped or imported. */
export type FinderStation = Readonly<Station>;

export type FoundStation<S extends FinderStation = FinderStation> = S & {
  distanceKm?: number;
  /** The distance is to the city's centre: the station's own point is not known. */
  approximate?: boolean;
};

export interface StationSearch<S extends FinderStation = FinderStation> {
  /** Best match first (by city) or nearest first (near a point); none when nothing matches. */
  stations: FoundStation<S>[];
  /** When nothing matched: up to three names the person may have meant, in the language they typed. */
  didYouMean: string[];
}

export interface Point {
  lat: number;
  lon: number;
}

const MAX_SUGGESTIONS = 3;
const EARTH_RADIUS_KM = 6371.0088;

/** A city the finder knows: from the alias table, or only from the stations' own `city` column. */
interface Place {
  country: string;
  en: string;
  ru: string | null;
  /** Folded keys of every name. */
  keys: string[];
}

/** The stations of a city written in Russian, English, the local language or Latin-typed Russian, typos allowed. */
export function findByCity<S extends FinderStation>(
  stations: readonly S[],
  cities: readonly City[],
  query: string,
): StationSearch<S> {
  const places = placesOf(stations, cities);
  const variants = queryVariants(query);
  if (variants.length === 0) return { stations: [], didYouMean: [] };
  const cyrillic = typedInCyrillic(query);

  const matched = places
    .map((place) => ({ place, distance: matchDistance(variants, place.keys) }))
    .filter(({ distance }) => Number.isFinite(distance))
    .sort((a, b) => a.distance - b.distance);
  const found = matched.flatMap(({ place }) => sortByNumber(stations.filter((s) => isIn(s, place))));
  if (found.length > 0) return { stations: found, didYouMean: [] };

  // A city (or a country) recognised but without a station: the cities of that country that have one. A city
  // recognised in a country without stations gets no suggestion: a name that merely looks alike would mislead.
  const withStations = places.filter((place) => stations.some((s) => isIn(s, place)));
  const country = matched[0]?.place.country ?? countryCode(stations, cities, query);
  const sameCountry = withStations.filter((place) => place.country === country);
  const suggestions =
    sameCountry.length > 0 || matched.length > 0
      ? sameCountry
      : withStations
          .map((place) => ({ place, distance: bestDistance(variants, place.keys) }))
          .filter(({ distance }) => distance <= suggestionEdits(variants[0] ?? ''))
          .sort((a, b) => a.distance - b.distance)
          .map(({ place }) => place);
  return {
    stations: [],
    didYouMean: suggestions
      .slice(0, MAX_SUGGESTIONS)
      .map((place) => (cyrillic ? (place.ru ?? place.en) : place.en)),
  };
}

/**
 * Whether the text names a city or a country that has stations, without the suggestions a search adds: cheap
 * enough for every message typed at the bot's front door.
 */
export function namesPlace(
  stations: readonly FinderStation[],
  cities: readonly City[],
  query: string,
): boolean {
  const variants = queryVariants(query);
  if (variants.length === 0) return false;
  const places = placesOf(stations, cities);
  if (
    places.some(
      (place) => Number.isFinite(matchDistance(variants, place.keys)) && stations.some((s) => isIn(s, place)),
    )
  )
    return true;
  const code = countryCode(stations, cities, query);
  return code !== undefined && stations.some((s) => s.country === code);
}

/** The stations of a country given by ISO code ("RS") or by name in Russian or English ("Сербия", "Serbia"). */
export function findByCountry<S extends FinderStation>(
  stations: readonly S[],
  cities: readonly City[],
  query: string,
): StationSearch<S> {
  const code = countryCode(stations, cities, query);
  const found = stations
    .filter((s) => s.country === code)
    .sort((a, b) => a.city.localeCompare(b.city) || compareNumbers(a, b));
  if (found.length > 0) return { stations: found, didYouMean: [] };
  const variants = queryVariants(query);
  const lang = typedInCyrillic(query) ? 'ru' : 'en';
  const suggestions = [...new Set(stations.map((s) => s.country))]
    .map((candidate) => ({
      name: countryName(candidate, lang),
      distance: bestDistance(variants, countryKeys(candidate)),
    }))
    .filter(({ distance }) => distance <= suggestionEdits(variants[0] ?? ''))
    .sort((a, b) => a.distance - b.distance)
    .map(({ name }) => name);
  return { stations: [], didYouMean: suggestions.slice(0, MAX_SUGGESTIONS) };
}

/** The stations with coordinates, nearest first, each with its great-circle distance in kilometres. */
export function findNear<S extends FinderStation>(
  stations: readonly S[],
  point: Point,
  cities: readonly City[] = [],
): StationSearch<S> {
  const found = stations
    .flatMap((s) => {
      const at = stationPoint(s, cities);
      if (!at) return [];
      const distance = roundKm(distanceKm(point, at));
      return [{ ...s, distanceKm: distance, ...(at.approximate ? { approximate: true } : {}) }];
    })
    .sort((a, b) => a.distanceKm - b.distanceKm || compareNumbers(a, b));
  return { stations: found, didYouMean: [] };
}

/** Where a station is: its own point, else its city's centre (marked approximate), else unknown. */
export function stationPoint(
  station: FinderStation,
  cities: readonly City[],
): (Point & { approximate: boolean }) | null {
  if (station.lat !== null && station.lon !== null)
    return { lat: station.lat, lon: station.lon, approximate: false };
  const city = cities.find((c) => c.en === station.city && c.country === station.country);
  if (city?.lat === undefined || city.lon === undefined) return null;
  return { lat: city.lat, lon: city.lon, approximate: true };
}

/** "44.82,20.46" (a space after the comma allowed) as a point on the globe, or undefined. */
export function parsePoint(text: string): Point | undefined {
  const match = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return undefined;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

/** The haversine formula: the great-circle distance on a spherical Earth (off by at most about 0.5%). */
export function distanceKm(from: Point, to: Point): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(to.lat - from.lat);
  const dLon = rad(to.lon - from.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

/** Places by station list and city table: the bot's front door searches on every message it is typed. */
const placesCache = new WeakMap<readonly FinderStation[], WeakMap<readonly City[], Place[]>>();

/** The table's cities, and the stations' own city names the table does not list. */
function placesOf(stations: readonly FinderStation[], cities: readonly City[]): Place[] {
  const cached = placesCache.get(stations)?.get(cities);
  if (cached) return cached;
  const places: Place[] = cities.map((city) => ({
    country: city.country,
    en: city.en,
    ru: city.ru,
    keys: [...new Set([city.en, city.ru, ...city.local, ...city.also].map(nameKey))],
  }));
  for (const station of stations) {
    if (places.some((place) => isIn(station, place))) continue;
    places.push({ country: station.country, en: station.city, ru: null, keys: [nameKey(station.city)] });
  }
  const byCities = placesCache.get(stations) ?? new WeakMap<readonly City[], Place[]>();
  byCities.set(cities, places);
  placesCache.set(stations, byCities);
  return places;
}

const cityKeys = new Map<string, string>();

function isIn(station: FinderStation, place: Place): boolean {
  if (station.country !== place.country) return false;
  let key = cityKeys.get(station.city);
  if (key === undefined) {
    key = nameKey(station.city);
    cityKeys.set(station.city, key);
  }
  return place.keys.includes(key);
}

/** Folded words joined by single spaces; a hyphen counts as a space ("Нью-Йорк", "Нью Йорк"). */
function nameKey(text: string): string {
  return words(text).join(' ').replaceAll('-', ' ');
}

/** The query as typed and, when typed in Latin letters, read as transliterated Russian ("belgrad" → белград). */
function queryVariants(query: string): string[] {
  const key = nameKey(query);
  if (key === '') return [];
  const { cyrillic, latin } = countScripts(key);
  if (latin === 0 || cyrillic > 0) return [key];
  return [key, key.split(' ').map(latinWordToCyrillic).join(' ')];
}

function typedInCyrillic(query: string): boolean {
  const { cyrillic, latin } = countScripts(query);
  return cyrillic > latin;
}

/** Typos forgiven for a name of this length: none for short names, where one edit makes another city. */
function allowedEdits(key: string): number {
  if (key.length < 4) return 0;
  return key.length < 8 ? 1 : 2;
}

/** "Did you mean" reaches further than a match, but not to names that share little with the query. */
function suggestionEdits(key: string): number {
  return Math.max(2, Math.floor(key.length / 2));
}

/** The fewest edits from the query to a name, counting only names within their allowance of typos. */
function matchDistance(variants: readonly string[], keys: readonly string[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const variant of variants)
    for (const key of keys) {
      // The lengths alone bound the edits from below: a sentence is never a city's name with a typo.
      const allowed = allowedEdits(key);
      if (Math.abs(variant.length - key.length) > allowed) continue;
      const distance = editDistance(variant, key);
      if (distance <= allowed) best = Math.min(best, distance);
    }
  return best;
}

function bestDistance(variants: readonly string[], keys: readonly string[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const variant of variants) for (const key of keys) best = Math.min(best, editDistance(variant, key));
  return best;
}

/** Edits (insert, delete, substitute, swap two neighbours) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(value);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[t.length] ?? 0;
}

// Names Intl does not give, as people write them (its English for TR is Türkiye, its Russian for KG Киргизия).
const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  US: ['США', 'USA', 'Америка', 'America', 'United States of America'],
  GB: ['UK', 'Англия', 'England', 'Britain', 'Британия'],
  AE: ['UAE', 'Эмираты', 'Emirates'],
  CZ: ['Czech Republic'],
  TR: ['Turkey', 'Турецкая Республика'],
  KG: ['Кыргызстан', 'Киргизстан', 'Kirgizia'],
  BY: ['Белоруссия', 'Belorussia'],
  MD: ['Молдавия', 'Moldavia'],
  TH: ['Тайланд'],
};

const displayNames = {
  ru: new Intl.DisplayNames(['ru'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

function countryName(code: string, lang: 'ru' | 'en'): string {
  return displayNames[lang].of(code) ?? code;
}

const countryKeysCache = new Map<string, string[]>();

function countryKeys(code: string): string[] {
  let keys = countryKeysCache.get(code);
  if (keys === undefined) {
    keys = [countryName(code, 'ru'), countryName(code, 'en'), ...(COUNTRY_ALIASES[code] ?? [])].map(nameKey);
    countryKeysCache.set(code, keys);
  }
  return keys;
}

/** The ISO code a query names, among the countries with stations or cities; undefined when none fits. */
function countryCode(
  stations: readonly FinderStation[],
  cities: readonly City[],
  query: string,
): string | undefined {
  const trimmed = query.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  const variants = queryVariants(query);
  if (variants.length === 0) return undefined;
  const codes = [...new Set([...stations.map((s) => s.country), ...cities.map((c) => c.country)])];
  let best: { code: string; distance: number } | undefined;
  for (const code of codes) {
    const distance = matchDistance(variants, countryKeys(code));
    if (Number.isFinite(distance) && (!best || distance < best.distance)) best = { code, distance };
  }
  return best?.code;
}

function compareNumbers(a: FinderStation, b: FinderStation): number {
  return a.station.localeCompare(b.station, 'en', { numeric: true });
}

function sortByNumber<S extends FinderStation>(list: S[]): S[] {
  return list.sort(compareNumbers);
}
