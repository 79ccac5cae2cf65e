import type { Lang } from '../catalogue/schema.js';
import { countScripts, fold, words } from './normalize.js';
import { ENGLISH_MARKERS } from './stopwords.js';
import { latinWordToCyrillic } from './translit.js';

export interface Detected {
  lang: Lang;
  /** The text to analyse: the input itself, or its Cyrillic reading when it is Russian in Latin letters. */
  text: string;
}

/** What the caller's vocabulary knows, to tell English from Russian typed in Latin letters. */
export interface Vocabulary {
  /** A Cyrillic word (or a Latin word read in Cyrillic) that Russian training text uses. */
  russian(word: string): boolean;
  /** A Latin word that English training text uses. */
  english(word: string): boolean;
}

const LATIN_WORD = /\p{Script=Latin}[\p{Script=Latin}']*/gu;

/** Latin words read as Cyrillic, everything else (Cyrillic, digits, punctuation) kept. */
export function latinToCyrillic(text: string): string {
  return text.replace(LATIN_WORD, (word) => latinWordToCyrillic(fold(word)));
}

/**
 * Russian or English by the letters used; mixed text goes to the script with more letters ("мама говорит, NATO
 * угрожает" is Russian). Latin text is read as transliterated Russian when, word by word, more of it is known
 * Russian read in Cyrillic than known English ("krym nash i tochka" is Russian, "same blood, same faith" is not:
 * short words such as "a", "i", "no", "to" are both and decide nothing).
 */
export function detectLanguage(text: string, vocabulary?: Vocabulary): Detected {
  const { cyrillic, latin } = countScripts(text);
  if (cyrillic >= latin && cyrillic > 0) return { lang: 'ru', text };
  if (latin === 0) return { lang: 'ru', text };
  const latinWords = words(text).filter((word) => /^[a-z']+$/.test(word));
  if (latinWords.length === 0 || !vocabulary) return { lang: 'en', text };
  let english = 0;
  let russian = 0;
  for (const word of latinWords) {
    if (ENGLISH_MARKERS.has(word) || vocabulary.english(word)) english++;
    if (vocabulary.russian(latinWordToCyrillic(word))) russian++;
  }
  if (russian <= english || russian / latinWords.length < 0.3) return { lang: 'en', text };
  return { lang: 'ru', text: latinToCyrillic(text) };
}
