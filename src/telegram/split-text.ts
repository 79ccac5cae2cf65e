/** Telegram refuses messages longer than this (counted here in UTF-16 code units, never fewer than characters). */
export const TELEGRAM_TEXT_LIMIT = 4096;

// Longer texts are sent as several messages, cut where a reader would pause: between paragraphs, else between
// lines, else between words; only a single "word" longer than the limit is cut mid-way.
const SEPARATORS = ['\n\n', '\n', ' '] as const;

/** The text as messages of at most `limit` characters, split at the most natural boundary available. */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  // Telegram trims messages and refuses empty ones, so blank pieces are dropped.
  return split(text, limit, 0)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '');
}

function split(text: string, limit: number, level: number): string[] {
  if (text.length <= limit) return [text];
  const separator = SEPARATORS[level];
  if (separator === undefined) return hardCut(text, limit);
  const pieces = text
    .split(separator)
    .flatMap((piece) => (piece.length > limit ? split(piece, limit, level + 1) : [piece]));
  const chunks: string[] = [];
  let current: string | undefined;
  for (const piece of pieces) {
    if (current === undefined) current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== undefined) chunks.push(current);
  return chunks;
}

/** Cuts every `limit` code units, but never between the two halves of a surrogate pair (an emoji). */
function hardCut(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + limit, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
