// Text cleaning shared by the matcher and the coach. Russian needs care: NFD plus stripping diacritics would turn
// й into и, so the only letter folded is ё → е (people type both).

/** Longer input is cut here: a relative's line is a few sentences, and the cost of matching grows with length. */
export const MAX_INPUT_CHARS = 2000;

// Format characters (zero-width, bidirectional controls, the BOM, soft hyphens) and control characters.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Two spaces in a row, or any space but the plain one: the only spaces that folding changes.
const UNFOLDED_SPACE = /\s\s|[^\S ]/;

/** Cuts to the limit without leaving half of a surrogate pair at the end. */
export function truncate(text: string, limit = MAX_INPUT_CHARS): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

/** Visible text: invisible characters removed, lone surrogates replaced, spaces folded, trimmed, truncated. */
export function clean(text: string): string {
  let result = truncate(text).toWellFormed();
  // Folding spaces would rewrite every single one; most text has none to fold, and a test is far cheaper.
  if (UNFOLDED_SPACE.test(result)) result = result.replace(/\s+/g, ' ');
  return result.replace(INVISIBLE, '').trim();
}

/** Lower case, ё → е, typographic apostrophes unified; for comparing words, not for showing text. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[’ʼ`´]/g, "'");
}

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Words of folded text; "так.А" and "так,а" split as two words because punctuation is never part of one. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

export function countScripts(text: string): { cyrillic: number; latin: number } {
  return { cyrillic: text.match(CYRILLIC)?.length ?? 0, latin: text.match(LATIN)?.length ?? 0 };
}
