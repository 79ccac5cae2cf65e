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

export type Counts = Map<string, number>;

function add(counts: Counts, feature: string): void {
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
      add(wordCounts, `w:${wordStem}`);
      const padded = ` ${word} `;
      for (let n = 3; n <= 5; n++) {
        for (let i = 0; i + n <= padded.length; i++) add(charCounts, padded.slice(i, i + n));
      }
    }
    if (previous !== undefined && !(isStop && STOPWORDS.has(previous)))
      add(wordCounts, `b:${previous}_${wordStem}`);
    previous = wordStem;
  }
  return { words: wordCounts, chars: charCounts };
}
