import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import type { Lang } from '../catalogue/schema.js';
import { CARD_FONT, electionCardSvg, stationCardSvg } from '../count/card.js';
import type { Counting } from '../count/counting.js';

// Share cards as PNG: the count domain's SVG rendered by resvg with PT Sans from its npm package (never a system
// font, so every machine draws the same card). Rendering takes tens of milliseconds of CPU on libuv's pool, so a
// card is kept for a minute per (election, station, language): a card shared widely is drawn once.

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'),
];

export const CARD_CACHE_MS = 60_000;
/** Cards kept at most: one per station and language of a large election, then the oldest go. */
const MAX_CARDS = 1000;

/** SVG → PNG with the card font only. */
export async function renderCard(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CARD_FONT },
  });
  return image.asPng();
}

export interface CountCards {
  /** A station's card, or undefined for an unknown election or station. */
  station(election: string, station: string, lang: Lang): Promise<Buffer | undefined>;
  /** The card of all an election's stations, or undefined for an unknown election. */
  election(election: string, lang: Lang): Promise<Buffer | undefined>;
}

export interface CountCardsOptions {
  counting: Pick<Counting, 'election' | 'live' | 'liveStation' | 'arrivals'>;
  now?: () => number;
  cacheMs?: number;
}

export function createCountCards(options: CountCardsOptions): CountCards {
  const { counting } = options;
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? CARD_CACHE_MS;
  // The promise is kept, so that requests for a card being drawn wait for that drawing rather than start another.
  const cache = new Map<string, { at: number; png: Promise<Buffer | undefined> }>();

  function cached(key: string, make: () => Promise<Buffer | undefined>): Promise<Buffer | undefined> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < cacheMs) return hit.png;
    cache.delete(key);
    if (cache.size >= MAX_CARDS)
      for (const old of [...cache.keys()].slice(0, MAX_CARDS / 10)) cache.delete(old);
    const png = make();
    cache.set(key, { at: now(), png });
    // A failed drawing is not kept: the next request tries again.
    png.catch(() => cache.delete(key));
    return png;
  }

  return {
    station: (electionId, stationId, lang) =>
      cached(`${electionId}\n${stationId}\n${lang}`, async () => {
        const election = await counting.election(electionId);
        if (!election) return undefined;
        const station = await counting.liveStation(electionId, stationId);
        if (!station) return undefined;
        const arrivals = (await counting.arrivals(electionId, stationId)) ?? null;
        return renderCard(stationCardSvg({ lang, station, arrivals, days: election.days }));
      }),
    election: (electionId, lang) =>
      cached(`${electionId}\n\n${lang}`, async () => {
        const election = await counting.election(electionId);
        const live = election && (await counting.live(electionId));
        if (!election || !live) return undefined;
        return renderCard(electionCardSvg({ lang, title: election.title[lang], days: election.days, live }));
      }),
  };
}
