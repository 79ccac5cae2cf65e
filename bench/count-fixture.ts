import type { Election } from '../src/catalogue/election.js';
import type { Station } from '../src/catalogue/stations.js';
import { openStore } from '../src/store/open-store.js';

// The count benchmark's database, made before the server starts: an election held today, stations abroad as the
// issue sizes them, and volunteers who have joined (one token each), written through the store as the CLI and the
// join route would. The server then finds it all as after a coordinator's preparation.

export const BENCH_ELECTION = 'bench-count';

/** Where Russians abroad vote, cycled to make the stations; time zones spread over the whole day. */
const PLACES: [country: string, city: string, timezone: string][] = [
  ['RS', 'Belgrade', 'Europe/Belgrade'],
  ['DE', 'Berlin', 'Europe/Berlin'],
  ['GE', 'Tbilisi', 'Asia/Tbilisi'],
  ['AM', 'Yerevan', 'Asia/Yerevan'],
  ['TR', 'Istanbul', 'Europe/Istanbul'],
  ['KZ', 'Almaty', 'Asia/Almaty'],
  ['AE', 'Dubai', 'Asia/Dubai'],
  ['TH', 'Bangkok', 'Asia/Bangkok'],
  ['IL', 'Tel Aviv', 'Asia/Jerusalem'],
  ['GB', 'London', 'Europe/London'],
  ['FR', 'Paris', 'Europe/Paris'],
  ['ES', 'Madrid', 'Europe/Madrid'],
  ['CY', 'Limassol', 'Asia/Nicosia'],
  ['FI', 'Helsinki', 'Europe/Helsinki'],
  ['US', 'New York', 'America/New_York'],
  ['US', 'San Francisco', 'America/Los_Angeles'],
  ['CA', 'Toronto', 'America/Toronto'],
  ['AR', 'Buenos Aires', 'America/Argentina/Buenos_Aires'],
  ['JP', 'Tokyo', 'Asia/Tokyo'],
  ['AU', 'Sydney', 'Australia/Sydney'],
  ['ID', 'Denpasar', 'Asia/Makassar'],
  ['VN', 'Ho Chi Minh City', 'Asia/Ho_Chi_Minh'],
  ['ME', 'Podgorica', 'Europe/Podgorica'],
  ['MN', 'Ulaanbaatar', 'Asia/Ulaanbaatar'],
  ['NZ', 'Auckland', 'Pacific/Auckland'],
];

export const BENCH_ANSWERS = ['first', 'second', 'third', 'invalid', 'removed', 'declined'];

/**
 * Days around today (UTC) and stations open all day: every station in every time zone is open now, so the
 * benchmark's events, timed "now", are inside their station's hours and counted rather than flagged.
 */
export function benchElection(now = Date.now()): Election {
  const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
  const answer = (id: string) => ({ id, ru: id, en: id });
  return {
    id: BENCH_ELECTION,
    kind: 'presidential',
    title: { ru: 'Выборы для замера', en: 'Benchmark election' },
    days: [day(-1), day(0), day(1)],
    hours: { opens: '00:00', closes: '23:59' },
    answers: BENCH_ANSWERS.map(answer),
    sources: [{ publisher: 'sobesednik', title: 'benchmark', year: 2024, url: 'https://example.org/bench' }],
  };
}

export function benchStations(election: Election, n: number): Station[] {
  return Array.from({ length: n }, (_, i) => {
    const [country, city, timezone] = PLACES[i % PLACES.length] as (typeof PLACES)[number];
    return {
      station: String(8000 + i),
      country,
      city,
      address: null,
      timezone,
      lat: null,
      lon: null,
      days: election.days,
      opens: election.hours.opens,
      closes: election.hours.closes,
    };
  });
}

export interface CountFixture {
  election: string;
  stations: string[];
  /** Bearer tokens, volunteers spread evenly over the stations. */
  volunteers: { token: string; station: string }[];
}

export async function prepareCount(
  databaseUrl: string,
  options: { stations: number; volunteers: number },
): Promise<CountFixture> {
  const store = await openStore(databaseUrl);
  try {
    const election = benchElection();
    await store.count.saveElection(election);
    const stations = benchStations(election, options.stations);
    await store.count.importStations(election.id, stations);
    const volunteers: CountFixture['volunteers'] = [];
    const expiresAt = Date.now() + 86_400_000;
    for (const [i, { station }] of stations.entries()) {
      // Volunteers a station gets: the total shared out, the first stations taking the remainder.
      const n =
        Math.floor(options.volunteers / stations.length) + (i < options.volunteers % stations.length ? 1 : 0);
      if (n === 0) continue;
      const codes = await store.count.createInvites({
        election: election.id,
        station,
        role: 'volunteer',
        expiresAt,
        n,
      });
      for (const code of codes) {
        const redeemed = await store.count.redeemInvite(code, Date.now());
        if (!redeemed.ok) throw new Error(`bench: a fresh invite was refused (${redeemed.reason})`);
        volunteers.push({ token: redeemed.joined.token, station });
      }
    }
    return { election: election.id, stations: stations.map((s) => s.station), volunteers };
  } finally {
    await store.close();
  }
}
