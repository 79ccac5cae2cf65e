import { latinWordToCyrillic } from '../matcher/translit.js';

// Russian typed in Latin letters ("nu da, a ty prosto bydlo") is common on phones without a Cyrillic keyboard. The
// coach reads such a sentence in Cyrillic so that the Russian rules see it; English sentences must never be read so.

// Frequent Russian words as people transliterate them. Words that are also English ("a", "i", "no", "on", "do",
// "net") count for neither side.
const RUSSIAN = new Set(
  `ty ya ne chto cho che shto eto eti etot kak nu da mne menya tebya tebe tozhe tozh prosto pravda tak li uzhe uzh
  vse vsyo vsjo tut tam ochen kogda vy vas vam my nas nam ona oni zhe esli chtoby chtob potomu pochemu gde kto
  mozhet byl byla bylo byli sebya svoi svoy svoyu menya mnoy toboy vot ved ili ni dazhe tolko eshche eshe esche mama
  papa mam pap slushay znaesh dumayu dumaesh ponimayu ponimaesh khorosho horosho ladno davay nado nichego vsegda
  seychas sejchas teper potom opyat
  debil debily durak dura tupoy tupaya tupye suka suki blyat blyad blya nahui nahuy nahuj pizdec pizdets huy hui
  khuy mudak mudaki tvar mraz urod urody kozel kozly baran barany loh lokh zatknis zatknites otvali otvalite
  poshel poshla poshli idi idite pidor pidoras gandon svoloch zaebal zaebala ebal ebalo suchka vatnik vatniki
  hohol hohly khokhly chmo bydlo ublyudok nichtozhestvo sdohni sdokhni padla gnida dolboeb dolboyob`.split(
    /\s+/,
  ),
);
const AMBIGUOUS = new Set(['a', 'i', 'no', 'on', 'do', 'net', 'to', 'u', 'v', 's', 'k', 'o']);
const ENGLISH = new Set(
  `the and is are was were you your it's that this they we of in for with what not don't all have be will can my he
  she our us there just about at an so if im i'm it me would should could been has had why how when who which
  from because but or really`.split(/\s+/),
);

// Words that begin with э are usually typed with "e" (eto, eti, ekspert); these few begin with е.
const STARTS_WITH_YE = new Set([
  'esli',
  'eshche',
  'eshe',
  'esche',
  'emu',
  'ee',
  'ego',
  'est',
  'eda',
  'edu',
  'ekh',
]);

const LATIN_WORD = /[a-z']+/g;

/** True when a Latin-letter sentence reads as transliterated Russian rather than English. */
export function isTranslit(folded: string): boolean {
  const words = folded.match(LATIN_WORD) ?? [];
  let russian = 0;
  let english = 0;
  for (const word of words) {
    if (AMBIGUOUS.has(word)) continue;
    if (RUSSIAN.has(word)) russian++;
    else if (ENGLISH.has(word)) english++;
  }
  return russian >= 2 && russian > 2 * english;
}

/** The Cyrillic reading of a folded Latin sentence, word for word (punctuation and spaces are kept). */
export function toCyrillic(folded: string): string {
  return folded.replace(LATIN_WORD, (word) => {
    const cyrillic = latinWordToCyrillic(word);
    return word.startsWith('e') && !STARTS_WITH_YE.has(word) ? `э${cyrillic.slice(1)}` : cyrillic;
  });
}
