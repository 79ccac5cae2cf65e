// Russian typed in Latin letters ("da vse ravno narisuyut"), as people do on a phone without a Cyrillic keyboard.
// The transliteration is lossy and informal; mapping it back only has to be close enough for stems and n-grams.

const DIGRAPHS: [string, string][] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['yo', 'е'],
  ['jo', 'е'],
  ['ye', 'е'],
  ['iy', 'ий'],
  ['yy', 'ый'],
  ['ey', 'ей'],
];

const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  z: 'з',
  "'": 'ь',
};

const VOWELS = new Set('aeiouy');

/** Latin letters of one lower-case word to Cyrillic; "y" is й after a vowel and ы elsewhere. */
export function latinWordToCyrillic(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const digraph = DIGRAPHS.find(([latin]) => word.startsWith(latin, i));
    if (digraph) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    const char = word.charAt(i);
    if (char === 'y') out += i > 0 && VOWELS.has(word.charAt(i - 1)) ? 'й' : 'ы';
    else out += LETTERS[char] ?? char;
    i += 1;
  }
  return out;
}
