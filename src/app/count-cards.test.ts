import { describe, expect, it } from 'vitest';
import { CARD_FONT } from '../count/card.js';
import type { LiveStation } from '../count/counting.js';
import { pngSize } from '../test-support/png.js';
import { createCountCards, renderCard } from './count-cards.js';

const svgWith = (words: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" font-family="${CARD_FONT}"><rect width="400" height="100" fill="#fff"/><text x="10" y="60" font-size="40">${words}</text></svg>`;

const belgrade: LiveStation = {
  station: '8109',
  country: 'RS',
  city: 'Белград',
  timezone: 'Europe/Belgrade',
  counted: { value: 4288, coverage: 0.74 },
  queue: { people: 300, waitMinutes: 80, at: '2024-03-17T11:20:00Z' },
  updatedAt: '2024-03-17T17:40:00Z',
};

function fakeCounting() {
  const calls = { live: 0 };
  const election = { id: 'pres-2024', days: ['2024-03-17'], title: { ru: 'Выборы', en: 'Election' } };
  return {
    calls,
    counting: {
      election: async (id: string) => (id === 'pres-2024' ? (election as never) : undefined),
      live: async (id: string) => {
        calls.live++;
        return id === 'pres-2024'
          ? { election: id, stations: [belgrade], totals: { counted: 4288 } }
          : undefined;
      },
      liveStation: async (id: string, s: string) =>
        id === 'pres-2024' && s === '8109' ? belgrade : undefined,
      arrivals: async () => undefined,
    },
  };
}

describe('rendering a card', () => {
  it('draws Cyrillic with the shipped font: a word in Russian changes the picture', async () => {
    const empty = await renderCard(svgWith(''));
    const russian = await renderCard(svgWith('Белград'));
    expect(pngSize(russian)).toEqual({ width: 400, height: 100 });
    expect(russian.equals(empty)).toBe(false);
    // A font without Cyrillic would draw nothing, or the same missing-glyph box for each letter: two different
    // words would then give pictures of the same size, which real glyphs almost never do.
    const other = await renderCard(svgWith('Ыщжфъ'));
    expect(other.equals(russian)).toBe(false);
  });

  it('makes a 1080×1080 PNG of a station and of an election, in a fraction of a second', async () => {
    const { counting } = fakeCounting();
    const cards = createCountCards({ counting });
    const started = performance.now();
    const png = await cards.station('pres-2024', '8109', 'ru');
    const ms = performance.now() - started;
    expect(pngSize(png!)).toEqual({ width: 1080, height: 1080 });
    expect(pngSize((await cards.election('pres-2024', 'en'))!)).toEqual({ width: 1080, height: 1080 });
    console.log(`count card rendered in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
  });

  it('knows no card for an unknown election or station', async () => {
    const cards = createCountCards(fakeCounting());
    expect(await cards.station('pres-2024', 'nope', 'ru')).toBeUndefined();
    expect(await cards.station('nope', '8109', 'ru')).toBeUndefined();
    expect(await cards.election('nope', 'en')).toBeUndefined();
  });

  it('draws a card once a minute per election, station and language', async () => {
    const { counting, calls } = fakeCounting();
    let now = 0;
    const cards = createCountCards({ counting, now: () => now });
    const [a, b] = await Promise.all([cards.election('pres-2024', 'ru'), cards.election('pres-2024', 'ru')]);
    expect(a).toBe(b);
    expect(calls.live).toBe(1);
    await cards.election('pres-2024', 'en');
    expect(calls.live).toBe(2);
    now = 61_000;
    await cards.election('pres-2024', 'ru');
    expect(calls.live).toBe(3);
  });
});
