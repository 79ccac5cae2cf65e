// Most rule patterns cannot match most sentences, and a regular expression has to scan a sentence to find that
// out. So each pattern gets triggers, derived from its source: words (or starts of words) and literal strings of
// which at least one must occur in any text the pattern matches. A pattern whose triggers are all absent is not
// tried. Triggers are derived, never written by hand, so a rule is edited in one place.
//
// The derivation reads the regular-expression syntax the rules use: literals, groups, alternatives, classes,
// escapes, quantifiers, anchors and lookarounds. A pattern it cannot read, or one that could match without any
// literal (a lone "\p{L}+"), gets no triggers and is always tried: that only costs speed.

/** Characters that make up a word for the patterns' edge check (the text is folded, so lower case only). */
export function isWordCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x430 && code <= 0x44f) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x451 ||
    code === 0x456 ||
    code === 0x457 ||
    code === 0x454 ||
    code === 0x491
  );
}

export interface Trigger {
  text: string;
  /** Found where a word may start (first in the text or after a character not of a word); else anywhere. */
  wordStart: boolean;
}

type Node =
  | { type: 'char'; char: string }
  /** One character of a class; `word` when it may be a word character. */
  | { type: 'class'; word: boolean }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'repeat'; item: Node; min: number }
  /** Anchors and lookarounds: they match no characters. */
  | { type: 'empty' };

const EMPTY: Node = { type: 'empty' };
const ANY_CHAR: Node = { type: 'class', word: true };

const isWord = (char: string) => isWordCode(char.codePointAt(0) ?? 0);

/** A recursive-descent reader of one pattern's source, code point by code point (the patterns use the u flag). */
class Reader {
  private readonly chars: string[];
  private at = 0;

  constructor(source: string) {
    this.chars = Array.from(source);
  }

  read(): Node {
    const node = this.alternatives();
    if (this.at < this.chars.length) throw new Error(`unexpected "${this.chars[this.at]}"`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.at + offset];
  }

  private next(): string {
    const char = this.chars[this.at++];
    if (char === undefined) throw new Error('unexpected end');
    return char;
  }

  private alternatives(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { type: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.chars.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.quantified(this.atom());
      if (atom.type === 'seq') items.push(...atom.items);
      else items.push(atom);
    }
    return items.length === 1 ? (items[0] as Node) : { type: 'seq', items };
  }

  private quantified(atom: Node): Node {
    let min: number | undefined;
    const char = this.peek();
    if (char === '?' || char === '*') min = 0;
    else if (char === '+') min = 1;
    else if (char === '{') {
      const bounds = /^\{(\d+)(?:,\d*)?\}/.exec(this.chars.slice(this.at, this.at + 16).join(''));
      if (!bounds) return atom;
      this.at += bounds[0].length - 1;
      min = Number(bounds[1]);
    }
    if (min === undefined) return atom;
    this.at++;
    if (this.peek() === '?') this.at++;
    return { type: 'repeat', item: atom, min };
  }

  private atom(): Node {
    const char = this.next();
    if (char === '(') return this.group();
    if (char === '[') return this.characterClass();
    if (char === '\\') return this.escape(false);
    if (char === '.') return ANY_CHAR;
    if (char === '^' || char === '$') return EMPTY;
    return { type: 'char', char };
  }

  private group(): Node {
    let look = false;
    if (this.peek() === '?') {
      this.at++;
      const kind = this.next();
      if (kind === '=' || kind === '!') look = true;
      else if (kind === '<' && (this.peek() === '=' || this.peek() === '!')) {
        this.at++;
        look = true;
      } else if (kind === '<') while (this.next() !== '>');
      else if (kind !== ':') throw new Error(`unknown group (?${kind}`);
    }
    const inner = this.alternatives();
    if (this.next() !== ')') throw new Error('unclosed group');
    return look ? EMPTY : inner;
  }

  /** A class of literal characters is read as their alternatives; any other class as "one character". */
  private characterClass(): Node {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const members: Node[] = [];
    let plain = !negated;
    while (this.peek() !== ']') {
      const char = this.next();
      const member = char === '\\' ? this.escape(true) : ({ type: 'char', char } as Node);
      if (this.peek() === '-' && this.peek(1) !== ']') {
        this.at++;
        if (this.next() === '\\') this.escape(true);
        members.push(ANY_CHAR);
        plain = false;
        continue;
      }
      if (member.type !== 'char') plain = false;
      members.push(member);
    }
    this.at++;
    if (plain) return members.length === 1 ? (members[0] as Node) : { type: 'alt', options: members };
    const word =
      negated ||
      members.some((member) =>
        member.type === 'char' ? isWord(member.char) : member.type !== 'class' || member.word,
      );
    return { type: 'class', word };
  }

  /** Escapes the rules use; any other (\u, \x, \c, a back-reference) stops the reading. */
  private escape(inClass: boolean): Node {
    const char = this.next();
    if (char === 'p' || char === 'P') {
      if (this.next() !== '{') throw new Error('bad property escape');
      while (this.next() !== '}');
      return ANY_CHAR;
    }
    if (char === 's' || char === 'n' || char === 't' || char === 'r' || char === 'f' || char === 'v')
      return { type: 'class', word: false };
    if ('dDwWS'.includes(char)) return ANY_CHAR;
    if ((char === 'b' || char === 'B') && !inClass) return EMPTY;
    if (/[\p{L}\p{N}]/u.test(char)) throw new Error(`unknown escape \\${char}`);
    return { type: 'char', char };
  }
}

function nullable(node: Node): boolean {
  switch (node.type) {
    case 'char':
    case 'class':
      return false;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.options.some(nullable);
    case 'repeat':
      return node.min === 0 || nullable(node.item);
    default:
      return true;
  }
}

/** Whether a word may start after the node: the node ends with a character that is not a word character. */
function endsWord(node: Node, wordStart: boolean): boolean {
  switch (node.type) {
    case 'char':
      return !isWord(node.char);
    case 'class':
      return !node.word;
    case 'seq':
      return node.items.reduce((start, item) => endsWord(item, start), wordStart);
    case 'alt':
      return node.options.every((option) => endsWord(option, wordStart));
    case 'repeat':
      return (node.min > 0 || wordStart) && endsWord(node.item, false);
    case 'empty':
      return wordStart;
  }
}

/** Prefix sets larger than this are cut to shorter prefixes: still true, only less selective. */
const MAX_PREFIXES = 32;

/** Drops prefixes that a shorter one in the set already covers, and shortens the set when it grows too large. */
function tidy(prefixes: Set<string>): Set<string> {
  if (prefixes.has('')) return new Set(['']);
  let sorted = [...prefixes].sort();
  for (let length = LONGEST_PREFIX; sorted.length > MAX_PREFIXES && length > 0; length--) {
    sorted = [...new Set(sorted.map((prefix) => prefix.slice(0, length)))].sort();
  }
  return new Set(sorted.filter((prefix, i) => i === 0 || !prefix.startsWith(sorted[i - 1] as string)));
}

/** What follows a node in a sequence, as a list: alternatives share the rest rather than copying it. */
interface Rest {
  node: Node;
  next: Rest | undefined;
}

function restOf(items: readonly Node[], next: Rest | undefined): Rest | undefined {
  return items.reduceRight<Rest | undefined>((rest, node) => ({ node, next: rest }), next);
}

/** Longer prefixes say little more about a sentence, and reading them costs start-up time. */
const LONGEST_PREFIX = 12;

/**
 * Literal characters that every match of the node sequence begins with: a set of strings one of which starts
 * each match ('' when the sequence may begin otherwise).
 */
function prefixes(rest: Rest | undefined, length = LONGEST_PREFIX): Set<string> {
  if (!rest || length === 0) return new Set(['']);
  const { node, next } = rest;
  switch (node.type) {
    case 'char': {
      // A run of literal characters at once: a set per character made start-up slow.
      let run = '';
      let after: Rest | undefined = rest;
      for (; after?.node.type === 'char' && run.length < length; after = after.next) run += after.node.char;
      if (run.length >= length) return new Set([run]);
      return tidy(new Set([...prefixes(after, length - run.length)].map((prefix) => run + prefix)));
    }
    case 'seq':
      return prefixes(restOf(node.items, next), length);
    case 'alt':
      return tidy(new Set(node.options.flatMap((option) => [...prefixes({ node: option, next }, length)])));
    case 'repeat': {
      const once = prefixes({ node: node.item, next: undefined }, length);
      return node.min > 0 ? once : tidy(new Set([...once, ...prefixes(next, length)]));
    }
    case 'empty':
      return prefixes(next, length);
    default:
      return new Set(['']);
  }
}

/** How much rarer a character makes a string: letters a little, punctuation hardly, emoji and the like a lot. */
function rarity(char: string): number {
  if (isWord(char)) return 1 / 4;
  return char < '\x80' ? 1 / 2 : 1 / 64;
}

/**
 * A rough chance that one of the triggers occurs in a sentence: short words are common, long ones rare. A string
 * that may sit anywhere, even inside a word, counts as much likelier than a word start: it is also looked for at
 * every position of the text rather than where words start.
 */
function cost(clause: Clause): number {
  return clause.reduce((sum, trigger) => {
    const chance = Array.from(trigger.text).reduce((product, char) => product * rarity(char), 1);
    return sum + (trigger.wordStart ? 1 : 16) * Math.max(4 ** -6, chance);
  }, 0);
}

/** A clause likelier than this is met in almost every sentence: checking it would cost more than it saves. */
const USELESS = 1;

/** At most this many clauses per pattern: each one more is another check, and the rarest ones do the work. */
const MAX_CLAUSES = 3;

/** Whether a trigger is found wherever another is: "ватник" at a word start is "ват" there, and "ватн" anywhere. */
function implies(found: Trigger, other: Trigger): boolean {
  if (other.wordStart) return found.wordStart && found.text.startsWith(other.text);
  return found.text.includes(other.text);
}

/** The rarest clauses of a sequence, leaving out any that a rarer one already implies. */
function rarest(clauses: readonly Clause[]): Clause[] {
  const kept: Clause[] = [];
  const costs = new Map(clauses.map((clause) => [clause, cost(clause)]));
  for (const [clause, likelihood] of [...costs].sort((a, b) => a[1] - b[1])) {
    if (likelihood >= USELESS) break;
    const redundant = kept.some((rarer) =>
      rarer.every((found) => clause.some((other) => implies(found, other))),
    );
    if (!redundant) kept.push(clause);
    if (kept.length === MAX_CLAUSES) break;
  }
  return kept;
}

/**
 * Clauses that any match of the node satisfies: in each clause at least one trigger occurs ([] when nothing is
 * known). `wordStart` when a word may start where the node does.
 */
function clausesOf(node: Node, wordStart: boolean): Clause[] {
  switch (node.type) {
    case 'char':
      return [[{ text: node.char, wordStart }]];
    case 'seq':
      return sequenceClauses(node.items, wordStart);
    case 'alt': {
      // One clause for all the options: each brings its rarest.
      const union: Trigger[] = [];
      for (const option of node.options) {
        const [rarestOfOption] = clausesOf(option, wordStart);
        if (!rarestOfOption) return [];
        union.push(...rarestOfOption);
      }
      return [union];
    }
    case 'repeat':
      return node.min > 0 ? clausesOf(node.item, wordStart) : [];
    default:
      return [];
  }
}

/**
 * Every part of a sequence that must match brings its clauses: the word starts at any place where a word starts,
 * the clauses of a group that is not optional, and any run of literal characters. The rarest are kept.
 */
function sequenceClauses(items: readonly Node[], wordStart: boolean): Clause[] {
  const clauses: Clause[] = [];
  let start = wordStart;
  let run = '';
  const rests: (Rest | undefined)[] = [];
  for (let i = items.length - 1; i >= 0; i--) rests[i] = { node: items[i] as Node, next: rests[i + 1] };
  items.forEach((item, i) => {
    if (start) {
      const words = prefixes(rests[i]);
      if (!words.has('')) clauses.push([...words].map((text) => ({ text, wordStart: true })));
    }
    if (!nullable(item)) clauses.push(...clausesOf(item, start));
    if (item.type === 'char') run += item.char;
    else if (item.type !== 'empty') {
      if (run) clauses.push([{ text: run, wordStart: false }]);
      run = '';
    }
    start = endsWord(item, start);
  });
  if (run) clauses.push([{ text: run, wordStart: false }]);
  return rarest(clauses);
}

/** One or more triggers of which at least one occurs in any text the pattern matches. */
export type Clause = readonly Trigger[];

/**
 * The clauses a pattern that starts where a word starts (the rules' edge check) satisfies wherever it matches;
 * none when it must always be tried.
 */
export function patternClauses(source: string): Clause[] {
  try {
    return clausesOf(new Reader(source).read(), true).map((clause) => {
      const seen = new Set<string>();
      return clause.filter((trigger) => {
        const key = `${trigger.wordStart}${trigger.text}`;
        return !seen.has(key) && seen.add(key);
      });
    });
  } catch {
    return [];
  }
}

/**
 * Triggers as a trie over UTF-16 code units, kept in one open-addressing hash table of (node, code) → child: a
 * sentence is looked up at every position, and with a Map keyed by numbers the lookups took a third longer.
 */
class Trie {
  private readonly parents: Int32Array;
  private readonly codes: Uint16Array;
  private readonly children: Int32Array;
  private readonly mask: number;
  /** 1 for the code units that some trigger starts with: most positions of a text are passed over by this. */
  readonly starts = new Uint8Array(0x10000);
  /** The clauses that a trigger ending at each node meets. */
  readonly ends: readonly (readonly number[] | undefined)[];

  constructor(triggers: readonly { text: string; clause: number }[]) {
    // While building: a map from node × 0x10000 + code to the child.
    const built = new Map<number, number>();
    const ends: number[][] = [[]];
    for (const { text, clause } of triggers) {
      this.starts[text.charCodeAt(0)] = 1;
      let node = 0;
      for (let i = 0; i < text.length; i++) {
        const key = node * 0x10000 + text.charCodeAt(i);
        node = built.get(key) ?? ends.push([]) - 1;
        built.set(key, node);
      }
      if (!ends[node]?.includes(clause)) ends[node]?.push(clause);
    }
    this.ends = ends.map((clauses) => (clauses.length > 0 ? clauses : undefined));
    let size = 16;
    while (size < built.size * 2) size *= 2;
    this.mask = size - 1;
    this.parents = new Int32Array(size).fill(-1);
    this.codes = new Uint16Array(size);
    this.children = new Int32Array(size);
    for (const [key, child] of built) {
      const parent = Math.floor(key / 0x10000);
      const code = key % 0x10000;
      let slot = this.slot(parent, code);
      while (this.parents[slot] !== -1) slot = (slot + 1) & this.mask;
      this.parents[slot] = parent;
      this.codes[slot] = code;
      this.children[slot] = child;
    }
  }

  private slot(node: number, code: number): number {
    return Math.imul(node * 0x10001 + code, 0x9e3779b1) & this.mask;
  }

  /** The child of a node by a code unit, or 0 (the root is nobody's child). */
  child(node: number, code: number): number {
    for (let slot = this.slot(node, code); ; slot = (slot + 1) & this.mask) {
      const parent = this.parents[slot];
      if (parent === -1) return 0;
      if (parent === node && this.codes[slot] === code) return this.children[slot] as number;
    }
  }
}

/**
 * The clauses of the patterns of a rule set, by trigger. A pattern is a candidate when its rarest clause (its
 * anchor) is met, and is tried when its other clauses are met as well: counting every clause of every pattern
 * for every common word would cost more than it saves.
 */
export class TriggerIndex {
  private readonly words: Trie;
  private readonly strings: Trie;
  /** The patterns whose anchor each clause is. */
  private readonly anchors: readonly (readonly number[])[];
  /** The clauses of each pattern besides its anchor. */
  private readonly others: readonly (readonly number[])[];
  private readonly always: readonly number[];
  /** For each clause and pattern, the look at a text (see triggered) that last met or took it. */
  private readonly clauseLook: Uint32Array;
  private readonly patternLook: Uint32Array;
  private look = 0;

  constructor(patterns: readonly (readonly Clause[])[]) {
    // Patterns share clauses ("ты|вы" is in dozens): a clause is marked once however many patterns have it.
    const ids = new Map<string, number>();
    const anchors: number[][] = [];
    const words: { text: string; clause: number }[] = [];
    const strings: { text: string; clause: number }[] = [];
    const idOf = (clause: Clause) => {
      const key = clause.map((trigger) => `${trigger.wordStart ? '^' : '~'}${trigger.text}`).join(' ');
      let id = ids.get(key);
      if (id === undefined) {
        id = anchors.push([]) - 1;
        ids.set(key, id);
        for (const { text, wordStart } of clause) (wordStart ? words : strings).push({ text, clause: id });
      }
      return id;
    };
    this.others = patterns.map((clauses, pattern) => {
      const [anchor, ...others] = clauses.map(idOf);
      if (anchor !== undefined) anchors[anchor]?.push(pattern);
      return others;
    });
    this.always = patterns.flatMap((clauses, pattern) => (clauses.length === 0 ? [pattern] : []));
    this.words = new Trie(words);
    this.strings = new Trie(strings);
    this.anchors = anchors;
    this.clauseLook = new Uint32Array(anchors.length);
    this.patternLook = new Uint32Array(patterns.length);
  }

  /** The patterns that may match the text, in their order: those whose every clause has a trigger in it. */
  triggered(text: string): number[] {
    // The looks number the texts, so that the marks of the last one need no clearing.
    const look = ++this.look;
    const candidates = [...this.always];
    for (let i = 0, wordStart = true; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.strings.starts[code] === 1) this.walk(this.strings, text, i, look, candidates);
      if (wordStart && this.words.starts[code] === 1) this.walk(this.words, text, i, look, candidates);
      wordStart = !isWordCode(code);
    }
    const fired: number[] = [];
    for (const pattern of candidates) {
      if (this.patternLook[pattern] === look) continue;
      this.patternLook[pattern] = look;
      if (!(this.others[pattern] ?? []).every((clause) => this.clauseLook[clause] === look)) continue;
      let at = fired.push(pattern) - 1;
      for (; at > 0 && (fired[at - 1] as number) > pattern; at--) fired[at] = fired[at - 1] as number;
      fired[at] = pattern;
    }
    return fired;
  }

  private walk(trie: Trie, text: string, from: number, look: number, candidates: number[]): void {
    for (let node = 0, at = from; at < text.length; at++) {
      node = trie.child(node, text.charCodeAt(at));
      if (node === 0) return;
      const clauses = trie.ends[node];
      if (clauses === undefined) continue;
      // Indexed loops: this runs for every trigger found, and iterators cost more than the work.
      for (let i = 0; i < clauses.length; i++) {
        const clause = clauses[i] as number;
        this.clauseLook[clause] = look;
        const patterns = this.anchors[clause] as readonly number[];
        for (let j = 0; j < patterns.length; j++) candidates.push(patterns[j] as number);
      }
    }
  }
}
