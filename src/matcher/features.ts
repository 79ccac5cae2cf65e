import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { words } from './normalize.js';
import { STOPWORDS } from './stopwords.js';

/**
 * Features are hashed into a fixed range instead of kept as strings (the "hashing trick"): no vocabulary to
 * build and no string per n-gram, which keeps the start-up fast and the garbage collector quiet. With 2^21
 * buckets and about 10^5 distinct features in the catalogue, collisions are rare and harmless.
 */
const FEATURE_BITS = 21;
const MASK = (1 << FEATURE_BITS) - 1;
/** Character n-grams hash above the words' range: a word and an n-gram never share a feature. */
const CHAR_SPACE = 1 << FEATURE_BITS;
const WORD_SEED = 0x811c9dc5;
const CHAR_SEED = 0x2545f491;
const PRIME = 0x01000193;
// The FNV prime: stem pairs were always hashed from this seed, and their hashes must not change.
const PAIR_SEED = PRIME;

/** FNV-style hash of `text[start … end)` starting from `seed`, before it is cut to the feature range. */
function hashState(text: string, seed: number, start = 0, end = text.length): number {
  let hash = seed;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), PRIME);
  return hash;
}

/** What a word brings to a text's word features, whatever the text: computed once per distinct word. */
export interface WordFeatures {
  stem: string;
  /**
   * A stop word. Every word is a feature, stop words included: their idf keeps them light, and "how do I",
   * "мне", "you" tell a question to the bot from a relative's claim. Only content words give character n-grams.
   */
  stop: boolean;
  /** Its stem is a stop word: a stop word after it makes no pair (the rule the model was tuned with). */
  stemStop: boolean;
  /** The hashed stem. */
  feature: number;
  /** The hash of "stem ": a pair's feature continues it over the next stem, with no string built per pair. */
  pairPrefix: number;
}

const analysed = new Map<string, WordFeatures>();
const CYRILLIC_WORD = /\p{Script=Cyrillic}/u;

/**
 * A folded word's features; cached, because words repeat a lot and Snowball stemming is the slow part of
 * reading a text. Bounded, so that a stream of odd words cannot fill the memory.
 */
export function analyse(word: string): WordFeatures {
  let result = analysed.get(word);
  if (result !== undefined) return result;
  const stem = CYRILLIC_WORD.test(word) ? russianStem(word) : englishStem(word);
  result = {
    stem,
    stop: STOPWORDS.has(word),
    stemStop: STOPWORDS.has(stem),
    feature: hashState(stem, WORD_SEED) & MASK,
    pairPrefix: hashState(' ', hashState(stem, PAIR_SEED)),
  };
  if (analysed.size < 200_000) analysed.set(word, result);
  return result;
}

/** Snowball stem of a folded word, in whichever language its letters belong to. */
export function stem(word: string): string {
  return analyse(word).stem;
}

/**
 * Writes the hashed character 3- and 4-grams of the word padded with spaces into `out` from `at`, and returns
 * where they end: fewer than 2 × (word length + 1) of them.
 */
export function charGrams(word: string, out: Int32Array, at: number): number {
  const padded = ` ${word} `;
  let end = at;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const three = hashState(padded, CHAR_SEED, i, i + 3);
    out[end++] = (three & MASK) | CHAR_SPACE;
    // The 4-gram's hash goes on from its first three letters'.
    if (i + 4 <= padded.length)
      out[end++] = (Math.imul(three ^ padded.charCodeAt(i + 3), PRIME) & MASK) | CHAR_SPACE;
  }
  return end;
}

/** The feature of a word's stem after the previous one's, or −1 for the first word and two stop words in a row. */
export function pairFeature(previous: WordFeatures | undefined, next: WordFeatures): number {
  if (previous === undefined || (next.stop && previous.stemStop)) return -1;
  return hashState(next.stem, previous.pairPrefix) & MASK;
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

/** `buffer`, or a longer copy when it holds fewer than `needed` entries. */
export function grow(buffer: Int32Array, needed: number): Int32Array {
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
  let previous: WordFeatures | undefined;
  for (const word of words(text)) {
    const features = analyse(word);
    wordScratch = grow(wordScratch, wordLength + 2);
    wordScratch[wordLength++] = features.feature;
    const pair = pairFeature(previous, features);
    if (pair >= 0) wordScratch[wordLength++] = pair;
    if (!features.stop) {
      charScratch = grow(charScratch, charLength + 2 * (word.length + 1));
      charLength = charGrams(word, charScratch, charLength);
    }
    previous = features;
  }
  return { words: count(wordScratch, wordLength), chars: count(charScratch, charLength) };
}
