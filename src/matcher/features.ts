import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { words } from './normalize.js';
import { STOPWORDS } from './stopwords.js';

const stems = new Map<string, string>();
const CYRILLIC_WORD = /\p{Script=Cyrillic}/u;

/** Snowball stem of a folded word, in whichever language its letters belong to; cached, words repeat a lot. */
export function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    result = CYRILLIC_WORD.test(word) ? russianStem(word) : englishStem(word);
    if (stems.size < 200_000) stems.set(word, result);
  }
  return result;
}

/**
 * Features are hashed into a fixed range instead of kept as strings (the "hashing trick"): no vocabulary to
 * build and no string per n-gram, which keeps the start-up fast and the garbage collector quiet. With 2^21
 * buckets and about 10^5 distinct features in the catalogue, collisions are rare and harmless.
 */
export const FEATURE_BITS = 21;
const MASK = (1 << FEATURE_BITS) - 1;
const WORD_SEED = 0x811c9dc5;
const PAIR_SEED = 0x01000193;
const CHAR_SEED = 0x2545f491;

function hashString(text: string, seed: number, start = 0, end = text.length): number {
  let hash = seed;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & MASK;
}

export function wordFeature(wordStem: string): number {
  return hashString(wordStem, WORD_SEED);
}

export type Counts = Map<number, number>;

function add(counts: Counts, feature: number): void {
  counts.set(feature, (counts.get(feature) ?? 0) + 1);
}

/**
 * Two views of a text: word features (stems and stem pairs, which carry meaning) and character n-grams of the
 * words (which survive typos, unusual endings and transliteration).
 */
export function extractFeatures(text: string): { words: Counts; chars: Counts } {
  const wordCounts: Counts = new Map();
  const charCounts: Counts = new Map();
  let previous: string | undefined;
  for (const word of words(text)) {
    const isStop = STOPWORDS.has(word);
    const wordStem = stem(word);
    if (!isStop) {
      add(wordCounts, wordFeature(wordStem));
      const padded = ` ${word} `;
      for (let n = 3; n <= 4; n++) {
        for (let i = 0; i + n <= padded.length; i++) add(charCounts, hashString(padded, CHAR_SEED, i, i + n));
      }
    }
    if (previous !== undefined && !(isStop && STOPWORDS.has(previous))) {
      add(wordCounts, hashString(`${previous} ${wordStem}`, PAIR_SEED));
    }
    previous = wordStem;
  }
  return { words: wordCounts, chars: charCounts };
}
