import type { MarkerKind } from './markers.js';

export type Rules = Partial<Record<MarkerKind, RegExp[]>>;

// JavaScript's \b knows only ASCII letters, so word edges are spelled out for Cyrillic. Before a word the edge is
// a short explicit class rather than \p{L}: the text is folded to lower case, and a Unicode property tested at every
// position made judging four times slower.
const EDGE_BEFORE = '(?<![0-9a-zа-яёіїєґ])';
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;
// A space in a pattern stands for any run of spaces and light punctuation between words.
const GAP = String.raw`[\s,;:—–-]+`;

// A pattern should start with a word, not with a lookbehind or a class: one at the head of an alternative is tried
// at every position of every sentence (a "(?<=, )" made one kind ten times slower). Put a lookbehind after the
// first word instead, and never a literal space inside [...] (spaces become GAP).

/**
 * Patterns written one per line (or separated by " | "), matched as whole words on folded text (lower case,
 * ё → е); `\p{L}*` after a stem covers Russian endings. The lines of one kind become one regular expression, so
 * a sentence is scanned once per kind.
 */
export function patterns(source: string): RegExp[] {
  const lines = source
    .split(/\n| \| /)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => `(?:${line.replaceAll(' ', GAP)})`);
  return [new RegExp(`${EDGE_BEFORE}(?:${lines.join('|')})${EDGE_AFTER}`, 'u')];
}
