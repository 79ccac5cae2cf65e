import type { MarkerKind } from './markers.js';
import { type Clause, isWordCode, patternClauses } from './triggers.js';

/** One line of a rule: its expression and the words that must occur for it to match (see triggers.ts). */
export class Pattern {
  readonly clauses: readonly Clause[];
  private compiled: RegExp | undefined;

  constructor(readonly expression: string) {
    this.clauses = patternClauses(expression);
  }

  /** Built when first tried: most lines are seldom tried, and building them all would slow every start. */
  get regex(): RegExp {
    this.compiled ??= new RegExp(`${this.expression}${EDGE_AFTER}`, 'gu');
    return this.compiled;
  }
}

export type Rules = Partial<Record<MarkerKind, Pattern[]>>;

// JavaScript's \b knows only ASCII letters, so word edges are spelled out for Cyrillic. The edge after a word is
// a lookahead; the edge before it is checked in code on each match (see firstAtWordStart), because a lookbehind
// at the head of an expression is tried at every position of every sentence, and it keeps V8 from skipping ahead
// to where the first word of the pattern occurs.
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;
// A space in a pattern stands for any run of spaces and light punctuation between words.
const GAP = String.raw`[\s,;:—–-]+`;

// A pattern should start with a word, not with a lookbehind or a class: one at the head is tried at every
// position of every sentence (a "(?<=, )" made one kind ten times slower), and a pattern that starts with a word
// gets that word as its trigger. Put a lookbehind after the first word instead, and never a literal space inside
// [...] (spaces become GAP).

/**
 * Patterns written one per line (or separated by " | "), matched as whole words on folded text (lower case,
 * ё → е); `\p{L}*` after a stem covers Russian endings. Each line is an expression of its own, tried only when
 * its triggers occur; together the lines of a kind match as their alternation would (see firstOf).
 */
export function patterns(source: string): Pattern[] {
  return source
    .split(/\n| \| /)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => new Pattern(`(?:${line.replaceAll(' ', GAP)})`));
}

/** The leftmost match of a line that starts where a word starts (not after a letter or digit). */
function firstAtWordStart(regex: RegExp, text: string): RegExpExecArray | null {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const at = match.index;
    if (at === 0 || !isWordCode(text.charCodeAt(at - 1))) return match;
    regex.lastIndex = at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
}

/**
 * What lines of a kind would match as alternatives of one expression: the leftmost match, and of two at the same
 * place the earlier line's.
 */
export function firstOf(lines: readonly Pattern[], text: string): RegExpExecArray | null {
  let first: RegExpExecArray | null = null;
  for (const line of lines) {
    const match = firstAtWordStart(line.regex, text);
    if (match && (!first || match.index < first.index)) {
      first = match;
      if (first.index === 0) break;
    }
  }
  return first;
}
