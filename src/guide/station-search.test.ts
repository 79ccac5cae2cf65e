import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import {
  editDistance,
  type FinderStation,
  findByCity,
  findByCountry,
  findNear,
  parsePoint,
} from './station-search.js';

// The finder as a voter uses it: a city typed however they type it, a country, or "near me".

const DAYS = ['2024-03-15', '2024-03-16', '2024-03-17'];

function station(
  number: string,
  country: string,
  city: string,
  lat: number | null = null,
  lon: number | null = null,
): FinderStation {
  return {
    station: number,
    country,
    city,
    address: null,
    timezone: 'Europe/Belgrade',
    lat,
    lon,
    days: DAYS,
    opens: '08:00',
    closes: '20:00',
  };
}

const STATIONS = [
  station('8267', 'RS', 'Belgrade', 44.7906, 20.4667),
  station('8120', 'HU', 'Budapest', 47.5096, 19.0484),
  station('8270', 'AM', 'Yerevan', 40.1811, 44.5136),
  station('8271', 'AM', 'Gyumri'),
  station('8100', 'GE', 'Tbilisi', 41.7151, 44.8271),
  station('8101', 'GE', 'Batumi', 41.6168, 41.6367),
  station('8040', 'US', 'New York', 40.7736, -73.9566),
  station('8030', 'DE', 'Berlin', 52.5159, 13.3797),
  station('8031', 'DE', 'Munich'),
];

const { cities } = loadCatalogue();
const numbers = (result: { stations: FinderStation[] }) => result.stations.map((s) => s.station);

describe('the station finder by city', () => {
  it('finds Belgrade in Russian, English, Serbian, Latin-typed Russian and with a typo', () => {
    for (const query of [
      'Белград',
      'Belgrade',
      'Beograd',
      'Београд',
      'belgrad',
      'Белгрд',
      'БЕЛГРАД',
      ' belgrade ',
    ]) {
      expect(numbers(findByCity(STATIONS, cities, query)), query).toEqual(['8267']);
    }
  });

  it('reads Ереван and Yerevan (and Erevan) as one city, and Мюнхен as the Munich of the CSV', () => {
    expect(numbers(findByCity(STATIONS, cities, 'Ереван'))).toEqual(['8270']);
    expect(numbers(findByCity(STATIONS, cities, 'Yerevan'))).toEqual(['8270']);
    expect(numbers(findByCity(STATIONS, cities, 'erevan'))).toEqual(['8270']);
    expect(numbers(findByCity(STATIONS, cities, 'München'))).toEqual(['8031']);
    expect(numbers(findByCity(STATIONS, cities, 'Тбилиси'))).toEqual(['8100']);
  });

  it('keeps й a letter of its own, and writes it back in what it suggests', () => {
    expect(editDistance('нью йорк', 'нью иорк')).toBe(1);
    expect(numbers(findByCity(STATIONS, cities, 'Нью-Йорк'))).toEqual(['8040']);
    expect(numbers(findByCity(STATIONS, cities, 'нью йорк'))).toEqual(['8040']);
    // Four edits from Нью-Йорк: no match, but it is what the person meant.
    const result = findByCity(STATIONS, cities, 'Нью-Йорксити');
    expect(result.stations).toEqual([]);
    expect(result.didYouMean).toContain('Нью-Йорк');
  });

  it('finds Batumi through a typo; for a city without a station, nothing, and suggests the cities of its country that have one', () => {
    expect(numbers(findByCity(STATIONS, cities, 'Бутуми'))).toEqual(['8101']);

    // Riga is known but Latvia has no station here: no look-alike such as Рим is offered in its place.
    expect(findByCity([...STATIONS, station('8118', 'IT', 'Rome')], cities, 'Рига')).toEqual({
      stations: [],
      didYouMean: [],
    });

    const hamburg = findByCity(STATIONS, cities, 'Hamburg');
    expect(hamburg.stations).toEqual([]);
    expect(hamburg.didYouMean).toEqual(['Berlin', 'Munich']);

    const armenia = findByCity(STATIONS, cities, 'Армения');
    expect(armenia.didYouMean).toEqual(['Ереван', 'Гюмри']);
  });

  it('suggests up to three close names for a query that matches nothing, none for gibberish', () => {
    const result = findByCity(STATIONS, cities, 'Белгорадия');
    expect(result.stations).toEqual([]);
    expect(result.didYouMean[0]).toBe('Белград');
    expect(result.didYouMean.length).toBeLessThanOrEqual(3);
    expect(findByCity(STATIONS, cities, 'qwxz zzq')).toEqual({ stations: [], didYouMean: [] });
    expect(findByCity(STATIONS, cities, '  ')).toEqual({ stations: [], didYouMean: [] });
  });
});

describe('the station finder by country', () => {
  it('takes an ISO code or a name in Russian or English', () => {
    for (const query of ['AM', 'am', 'Армения', 'Armenia', 'армения']) {
      expect(numbers(findByCountry(STATIONS, cities, query)), query).toEqual(['8271', '8270']);
    }
    expect(numbers(findByCountry(STATIONS, cities, 'США'))).toEqual(['8040']);
    expect(numbers(findByCountry([station('8295', 'TR', 'Istanbul')], cities, 'Turkey'))).toEqual(['8295']);
    expect(numbers(findByCountry([station('8159', 'KG', 'Bishkek')], cities, 'Кыргызстан'))).toEqual([
      '8159',
    ]);
    expect(numbers(findByCountry(STATIONS, cities, 'Германия'))).toEqual(['8030', '8031']);
  });

  it('finds nothing for a country without stations, and suggests near names', () => {
    expect(findByCountry(STATIONS, cities, 'JP')).toEqual({ stations: [], didYouMean: [] });
    const result = findByCountry(STATIONS, cities, 'Грузинстан');
    expect(result.stations).toEqual([]);
    expect(result.didYouMean).toContain('Грузия');
  });
});

describe('the station finder near a point', () => {
  it('orders by great-circle distance: from Belgrade, Belgrade first and Budapest next', () => {
    const result = findNear(STATIONS, { lat: 44.8125, lon: 20.4612 });
    expect(numbers(result).slice(0, 3)).toEqual(['8267', '8120', '8030']);
    const [belgrade, budapest] = result.stations;
    expect(belgrade?.distanceKm).toBeLessThan(5);
    // Belgrade to Budapest is about 320 km as the crow flies.
    expect(budapest?.distanceKm).toBeGreaterThan(300);
    expect(budapest?.distanceKm).toBeLessThan(340);
    // Stations without coordinates cannot be placed, so they are left out rather than put last.
    expect(numbers(result)).not.toContain('8271');
  });

  it('reads LAT,LON and refuses what is not a point on the globe', () => {
    expect(parsePoint('44.8125,20.4612')).toEqual({ lat: 44.8125, lon: 20.4612 });
    expect(parsePoint(' -33.9, 151.2 ')).toEqual({ lat: -33.9, lon: 151.2 });
    for (const bad of ['', '44.8', '91,0', '0,181', 'north,east', '44.8;20.4', '1e3,2'])
      expect(parsePoint(bad), bad).toBeUndefined();
  });
});
