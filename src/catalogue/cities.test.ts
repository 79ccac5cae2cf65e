import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEFAULT_CONTENT_DIR, formatProblem, loadCatalogue, readCatalogue } from './load.js';

// The station finder's city names as shipped, and what `content check` says of a table a contributor broke.

describe('the shipped city names', () => {
  const { cities } = loadCatalogue();

  it('name the cities of the largest diasporas in Russian and in Latin letters', () => {
    expect(cities.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cities.map((city) => city.country)).size).toBeGreaterThanOrEqual(25);
    for (const city of cities) {
      expect(city.ru, city.en).toMatch(/^[А-ЯЁ][а-яёА-ЯЁ -]+$/);
      expect(city.en, city.ru).toMatch(/^[\p{Script=Latin} .-]+$/u);
    }
    const belgrade = cities.find((city) => city.en === 'Belgrade');
    expect(belgrade).toMatchObject({
      country: 'RS',
      ru: 'Белград',
      local: expect.arrayContaining(['Beograd']),
    });
    // Belgrade's centre, so that "near me" in Belgrade finds its station first.
    expect(belgrade?.lat).toBeCloseTo(44.82, 1);
    expect(belgrade?.lon).toBeCloseTo(20.46, 1);
  });

  it("list every city of the shipped station lists, spelt as the list's `city` column spells it", () => {
    const folder = path.join(DEFAULT_CONTENT_DIR, 'guide', 'stations');
    const files = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.csv')) : [];
    const known = new Map(cities.map((city) => [`${city.country} ${city.en}`, city]));
    for (const name of files) {
      const rows: { country: string; city: string }[] = parseCsv(readFileSync(path.join(folder, name)), {
        columns: true,
        bom: true,
      });
      for (const { country, city } of rows) {
        expect(known.has(`${country} ${city}`), `${name}: ${city}`).toBe(true);
        // "Near me" and the map need a point for every city with a station.
        expect(known.get(`${country} ${city}`)?.lat, `${name}: ${city} has no coordinates`).toBeTypeOf(
          'number',
        );
      }
    }
  });
});

describe('a broken city table', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the shipped content with the table rewritten (or removed when `change` returns null). */
  function withCities(change: (table: { cities: Record<string, unknown>[] }) => unknown): string[] {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-cities-'));
    dirs.push(dir);
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const file = path.join(dir, 'guide', 'cities.yaml');
    const table = parse(readFileSync(file, 'utf8'));
    if (change(table) === null) rmSync(file);
    else writeFileSync(file, stringify(table));
    return readCatalogue(dir).problems.map(formatProblem);
  }

  it('is reported when one name leads to two cities', () => {
    const problems = withCities((table) => {
      table.cities.push({ en: 'Belgrad', country: 'DE', ru: 'Белград' });
    });
    expect(problems).toEqual([
      expect.stringMatching(/guide\/cities\.yaml: cities\.\d+: 'belgrad' also names Belgrade \(RS\)$/),
      expect.stringMatching(/guide\/cities\.yaml: cities\.\d+: 'белград' also names Belgrade \(RS\)$/),
    ]);
  });

  it('is reported when a city has a latitude without a longitude, or one out of range', () => {
    const problems = withCities((table) => {
      const [first, second] = table.cities;
      if (first) {
        first.lat = 44.8178;
        delete first.lon;
      }
      if (second) {
        second.lat = 45.2517;
        second.lon = 191.8;
      }
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /guide\/cities\.yaml: cities\.0\.lon: is missing: give both lat and lon, or neither$/,
      ),
      expect.stringMatching(/guide\/cities\.yaml: cities\.1\.lon: must be between -180 and 180$/),
    ]);
  });

  it('is reported when a country is not an ISO code, or the file is missing', () => {
    const problems = withCities((table) => {
      const [first] = table.cities;
      if (first) first.country = 'Serbia';
    });
    expect(problems).toEqual([
      expect.stringMatching(/cities\.yaml: cities\.0\.country: must be an ISO 3166-1/),
    ]);
    expect(withCities(() => null)).toEqual([
      expect.stringMatching(/guide\/cities\.yaml: \(file\): missing: the station finder needs it$/),
    ]);
  });
});
