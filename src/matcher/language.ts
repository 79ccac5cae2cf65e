import type { Lang } from '../catalogue/schema.js';
import { countScripts, words } from './normalize.js';
import { ENGLISH_MARKERS } from './stopwords.js';
import { latinWordToCyrillic } from './translit.js';

export interface Detected {
  lang: Lang;
  /** The text to analyse: the input itself, or its Cyrillic reading when it is Russian in Latin letters. */
  text: string;
}

/**
 * Russian or English by the letters used; mixed text goes to the script with more letters ("мама говорит, NATO
 * угрожает" is Russian). Latin text is read as transliterated Russian when few of its words are common English
 * and, read in Cyrillic, more of them are words the caller knows.
 */
export function detectLanguage(text: string, knownRussianWord?: (word: string) => boolean): Detected {
  const { cyrillic, latin } = countScripts(text);
  if (cyrillic >= latin && cyrillic > 0) return { lang: 'ru', text };
  if (latin === 0) return { lang: 'ru', text };
  const latinWords = words(text).filter((word) => /^[a-z']+$/.test(word));
  if (latinWords.length === 0 || !knownRussianWord) return { lang: 'en', text };
  const english = latinWords.filter((word) => ENGLISH_MARKERS.has(word)).length;
  if (english / latinWords.length >= 0.2) return { lang: 'en', text };
  const cyrillicWords = latinWords.map(latinWordToCyrillic);
  const known = cyrillicWords.filter(knownRussianWord).length;
  if (known / latinWords.length < 0.3) return { lang: 'en', text };
  return { lang: 'ru', text: cyrillicWords.join(' ') };
}
