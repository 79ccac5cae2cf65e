import { describe, expect, it } from 'vitest';
import { chartBars, electionCardSvg, escapeXml, stationCardSvg } from './card.js';
import type { Arrivals, LiveStation } from './counting.js';

const QUARTER = 15 * 60_000;

function station(overrides: Partial<LiveStation> = {}): LiveStation {
  return {
    station: '8109',
    country: 'RS',
    city: 'Белград',
    timezone: 'Europe/Belgrade',
    counted: { value: 4288, coverage: 0.74 },
    queue: null,
    updatedAt: '2024-03-17T17:40:00Z',
    ...overrides,
  };
}

function arrivals(fromIso: string, counts: (number | null)[], door = 'main'): Arrivals {
  const start = Date.parse(fromIso);
  return {
    station: '8109',
    buckets: counts.map((count, i) => ({
      from: new Date(start + i * QUARTER).toISOString(),
      to: new Date(start + (i + 1) * QUARTER).toISOString(),
      door,
      count,
    })),
  };
}

const DAYS = ['2024-03-15', '2024-03-16', '2024-03-17'];
/** The words of the SVG's text elements, as a reader of the card sees them. */
const words = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1])
    .join(' | ')
    .replace(/\u2009/g, ' ');

describe('a station card', () => {
  it('says the city, the station-local day, the people counted and how much of the hours that covers', () => {
    const svg = stationCardSvg({
      lang: 'ru',
      station: station(),
      arrivals: arrivals('2024-03-17T06:00:00Z', [10, 20]),
      days: DAYS,
    });
    expect(svg).toMatch(/^<svg [^>]*width="1080" height="1080"/);
    const text = words(svg);
    expect(text).toContain('Белград, 17 марта');
    expect(text).toContain('Сербия · участок № 8109');
    expect(text).toContain('4\u00a0288'); // Russian groups thousands with a no-break space
    expect(text).toContain('человек пришли на участок');
    expect(text).toContain('74\u00a0% времени работы участка');
    expect(text.replaceAll(' | ', ' ')).toContain('Кто пришёл, когда никто не считал, в это число не вошёл.');
  });

  it('writes numbers and days as English does', () => {
    const svg = stationCardSvg({
      lang: 'en',
      station: station({ counted: { value: 1, coverage: 1 } }),
      arrivals: arrivals('2024-03-17T06:00:00Z', [1]),
      days: DAYS,
    });
    const text = words(svg);
    expect(text).toContain('Белград, March 17');
    expect(text).toContain('1 | person came to vote');
    expect(text).toContain('for all the opening hours');
    const big = stationCardSvg({ lang: 'en', station: station(), arrivals: null, days: DAYS });
    expect(words(big)).toContain('4,288');
  });

  it("names the day in the station's own time zone, not the server's", () => {
    // 23:30 UTC on the 17th is already the 18th in Vladivostok's neighbour Tokyo
    const svg = stationCardSvg({
      lang: 'ru',
      station: station({ city: 'Токио', country: 'JP', timezone: 'Asia/Tokyo' }),
      arrivals: arrivals('2024-03-17T23:30:00Z', [5]),
      days: DAYS,
    });
    expect(words(svg)).toContain('Токио, 18 марта');
  });

  it('spans the days counted, and falls back to the election days when nobody counted', () => {
    const twoDays = arrivals('2024-03-16T08:00:00Z', [3]);
    twoDays.buckets.push({
      from: '2024-03-17T08:00:00Z',
      to: '2024-03-17T08:15:00Z',
      door: 'main',
      count: 4,
    });
    expect(
      words(stationCardSvg({ lang: 'ru', station: station(), arrivals: twoDays, days: DAYS })),
    ).toContain('Белград, 16–17 марта');
    const none = stationCardSvg({
      lang: 'en',
      station: station({ counted: { value: null, coverage: null }, updatedAt: null }),
      arrivals: arrivals('2024-03-17T06:00:00Z', [null]),
      days: DAYS,
    });
    expect(words(none)).toContain('Белград, March 15 – 17');
    expect(words(none)).toContain('Nobody has counted here yet.');
    expect(words(none)).not.toMatch(/came to vote/);
  });

  it('gives the latest queue at its local clock time', () => {
    const svg = stationCardSvg({
      lang: 'ru',
      station: station({ queue: { people: 302, waitMinutes: 80, at: '2024-03-17T11:20:00Z' } }),
      arrivals: null,
      days: DAYS,
    });
    expect(words(svg)).toContain('Очередь в 12:20: 302 человека, ждать около 1 ч 20 мин');
  });

  it('escapes what a station file may contain, so a city cannot break or script the card', () => {
    const svg = stationCardSvg({
      lang: 'en',
      station: station({ city: 'A & B <script>"x"</script>' }),
      arrivals: null,
      days: DAYS,
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A &#38; B &#60;script&#62;&#34;x&#34;&#60;/script&#62;');
    expect(escapeXml(`'`)).toBe('&#39;');
  });

  it('survives a time zone the station file got wrong', () => {
    const svg = stationCardSvg({
      lang: 'en',
      station: station({ timezone: 'Mars/Olympus' }),
      arrivals: arrivals('2024-03-17T06:00:00Z', [1]),
      days: DAYS,
    });
    expect(words(svg)).toContain('Белград, March 17');
  });
});

describe('the chart of a station', () => {
  it('adds the doors of a bucket together and keeps 15-minute bars for a short day', () => {
    const main = arrivals('2024-03-17T06:00:00Z', [10, null, 3]);
    const side = arrivals('2024-03-17T06:00:00Z', [2, null, null], 'side');
    const { bars, hourly } = chartBars(
      { station: '8109', buckets: [...main.buckets, ...side.buckets] },
      'UTC',
    );
    expect(hourly).toBe(false);
    expect(bars.map((b) => b.count)).toEqual([12, null, 3]);
  });

  it('makes hourly bars of a long day, by local hour, null only where nobody watched the whole hour', () => {
    // 60 quarters from 05:00 UTC = 06:00 in Belgrade: 15 local hours
    const counts = Array.from({ length: 60 }, (_, i) => (i >= 4 && i < 8 ? null : 1));
    counts[9] = null; // one quarter unwatched inside the third hour
    const { bars, hourly } = chartBars(arrivals('2024-03-17T05:00:00Z', counts), 'Europe/Belgrade');
    expect(hourly).toBe(true);
    expect(bars).toHaveLength(15);
    expect(bars.slice(0, 3).map((b) => b.count)).toEqual([4, null, 3]);
  });
});

describe('an election card', () => {
  const live = {
    election: 'pres-2024',
    totals: { counted: 0 },
    stations: [
      station({ station: '1', city: 'Belgrade', counted: { value: 4288.4, coverage: 0.7 } }),
      station({ station: '2', city: 'Istanbul', country: 'TR', counted: { value: 1000, coverage: 0.3 } }),
      station({ station: '3', city: 'Nicosia', country: 'CY', counted: { value: null, coverage: null } }),
    ],
  };

  it('adds the counted stations together and says at how many of all', () => {
    const text = words(
      electionCardSvg({ lang: 'en', title: 'Presidential election 2024', days: DAYS, live }),
    );
    expect(text).toContain('Abroad, March 15 – 17');
    expect(text).toContain('5,288');
    expect(text).toContain('people came to vote');
    expect(text).toContain('at the door of 2 of 3 stations');
    expect(text).toContain('Not the turnout');
    expect(text).toContain('Belgrade, Serbia');
    expect(text).not.toContain('Nicosia');
  });

  it('names at most eight stations and how many more there are, in Russian', () => {
    const many = {
      ...live,
      stations: Array.from({ length: 11 }, (_, i) =>
        station({ station: String(i), city: `Город ${i}`, counted: { value: 100 + i, coverage: 1 } }),
      ),
    };
    const text = words(electionCardSvg({ lang: 'ru', title: 'Выборы', days: DAYS, live: many }));
    expect(text).toContain('За рубежом, 15–17 марта');
    expect(text).toContain('1\u00a0155');
    expect(text).toContain('человек пришли на участки');
    expect(text).toContain('у входа 11 участков из 11');
    expect(text).toContain('Город 10');
    expect(text).not.toContain('Город 2,');
    expect(text).toContain('и ещё 3 участка');
  });
});
