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

/** Distinct hashed features, ascending, with how often each occurs. */
export interface Counts {
  ids: Int32Array;
  counts: Uint16Array;
}

/** The two views of a text: word features and character n-grams. */
export interface Features {
  words: Counts;
  chars: Counts;
}

/** Hashes collected before counting: reused, since a text rarely has more than a few hundred. */
let wordScratch: Int32Array = new Int32Array(256);
let charScratch: Int32Array = new Int32Array(1024);

function grow(buffer: Int32Array, needed: number): Int32Array {
  if (needed <= buffer.length) return buffer;
  const bigger = new Int32Array(Math.max(needed, buffer.length * 2));
  bigger.set(buffer);
  return bigger;
}

/** Sorts the first `length` hashes of `buffer` and counts the runs: no map per text for the collector. */
function count(buffer: Int32Array, length: number): Counts {
  const sorted = buffer.subarray(0, length).sort();
  let distinct = 0;
  for (let i = 0; i < length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const counts = new Uint16Array(distinct);
  let j = -1;
  for (let i = 0; i < length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) ids[++j] = sorted[i] ?? 0;
    counts[j] = Math.min(65535, (counts[j] ?? 0) + 1);
  }
  return { ids, counts };
}

/**
 * Two views of a text: word features (stems and stem pairs, which carry meaning) and character n-grams of the
 * words (which survive typos, unusual endings and transliteration).
 */
export function extractFeatures(text: string): Features {
  let wordLength = 0;
  let charLength = 0;
  let previous: string | undefined;
  for (const word of words(text)) {
    const isStop = STOPWORDS.has(word);
    const wordStem = stem(word);
    wordScratch = grow(wordScratch, wordLength + 3);
    // Every word is a feature, stop words included: their idf keeps them light, and "how do I", "мне", "you"
    // tell a question to the bot from a relative's claim. Only content words give character n-grams.
    wordScratch[wordLength++] = wordFeature(wordStem);
    if (!isStop) {
      const padded = ` ${word} `;
      charScratch = grow(charScratch, charLength + 2 * padded.length);
      for (let n = 3; n <= 4; n++) {
        for (let i = 0; i + n <= padded.length; i++)
          charScratch[charLength++] = hashString(padded, CHAR_SEED, i, i + n);
      }
    }
    if (previous !== undefined && !(isStop && STOPWORDS.has(previous))) {
      wordScratch[wordLength++] = hashString(`${previous} ${wordStem}`, PAIR_SEED);
    }
    previous = wordStem;
  }
  return { words: count(wordScratch, wordLength), chars: count(charScratch, charLength) };
}
