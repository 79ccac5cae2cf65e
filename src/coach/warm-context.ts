import { EMPATHIC_KINDS, type MarkerKind } from './markers.js';

// In a reply that already comforts or asks, some hard words are on the listener's side: swearing at what happened
// ("that's bullshit, you didn't deserve it"), a laugh ("lol no, you're not too sensitive"), a name for a third
// person or a thing ("your brother is being a dick", «дебильный спор»), a name denied or reported ("you are not a
// traitor", "anyone who calls you a coward"). They are a matter of tone, not an attack on the listener.

/** Moves that make a reply warm: it comforts, reflects or asks (not a scale, a request or a nod to a view). */
const NOT_WARMING: ReadonlySet<MarkerKind> = new Set([
  'confidence-scale',
  'change-mind',
  'i-statement',
  'request',
  'acknowledge-view',
]);
const WARM_KINDS: ReadonlySet<MarkerKind> = new Set(EMPATHIC_KINDS.filter((kind) => !NOT_WARMING.has(kind)));

/** Hard words that a warm reply may carry; threats, blame of a group, lectures and demands never soften. */
const SOFTENING_KINDS: ReadonlySet<MarkerKind> = new Set(['profanity', 'insult', 'labelling', 'contempt']);

const LAUGH =
  /^\W*(?:lol|lmao|lmfao|rofl|haha\p{L}*|ahah\p{L}*|лол|ахах\p{L}*|хаха\p{L}*|хах\p{L}*|ха-ха\p{L}*|[😂🤣😄😆😅😁😹💀😭]+)\W*$/iu;
/**
 * The listener as the one the name is for: "you're being an idiot", "you sound like…", «ты говоришь как дура»,
 * «тебе уже не отличить». English "you" alone is often an object ("protect you in the dumbest way"), so it counts
 * only just before the name ("you idiot"); an order counts too ("иди нахер", "go to hell").
 */
const LISTENER =
  /(?<![\p{L}'])(?:you(?:'re|'ve|'d|'ll| are| were| have| had| hadn't| haven't| weren't| aren't| sound| seem| look| act| talk|re|ve)|youre|u r|ur|ты|вы|тебя|тебе|тобой|вас|вам|вами)(?![\p{L}'])/iu;
const BARE_YOU =
  /(?<![\p{L}'])(?:you|u|ya|иди|идите|вали|валите|пошел|пошёл|пошла|пошли|go|get)(?![\p{L}'])/iu;
/** Their views: "your tv", «твой путин»; not "your brother", whom the listener is hurt by. */
const THEIRS =
  /(?<![\p{L}])(?:your|ur|тво\p{L}*|ваш\p{L}*)(?! (?:brother|sister|mum|mom|dad|father|mother|uncle|aunt|grandma|grandpa|gran|cousin|boss|family|relatives|parents|брат\p{L}*|сестр\p{L}*|мам\p{L}*|пап\p{L}*|отц\p{L}*|матер\p{L}*|дяд\p{L}*|тёт\p{L}*|тет\p{L}*|бабушк\p{L}*|дедушк\p{L}*|родн\p{L}*|начальник\p{L}*))/iu;
/** A name denied or reported, not given: "you're not weak", "calls you a traitor", «ты не дура», «называют тебя трусом». */
const DENIED_OR_REPORTED =
  /(?:you(?:'re| are|re)? not|you aren't|\bcall(?:s|ed|ing)? you|(?:ты|вы) не(?![\p{L}])|называ\p{L}* (?:тебя|вас)|назвал\p{L}* (?:тебя|вас))[^,.;!?]*$/iu;

const POINTED = /^(?:those|these|the|that|them|эти|этих|этим|этот|эта|тех|те|тот|та)$/iu;

const BUT = /(?<![\p{L}])(?:but|но|однако|хотя)(?![\p{L}])/iu;

export interface Weighed {
  kind: MarkerKind;
  text: string;
}

export function isWarm(markers: readonly Weighed[]): boolean {
  return markers.some((marker) => WARM_KINDS.has(marker.kind));
}

/**
 * Whether a hard word in a warm reply is on the listener's side: a laugh, or a hard word in a sentence that does
 * not point at the listener (or only denies or reports a name given to them).
 */
export function onTheirSide(marker: Weighed, sentence: string): boolean {
  if (marker.kind === 'sarcasm') return LAUGH.test(marker.text);
  if (!SOFTENING_KINDS.has(marker.kind)) return false;
  // A name that opens the sentence, a few words before a comma, calls the listener that name: «гадина
  // подколодная, а я тебе верила».
  const opening = sentence.split(',')[0] ?? '';
  if (
    marker.kind !== 'profanity' &&
    opening !== sentence &&
    opening.split(/\s+/).filter(Boolean).length <= 3 &&
    opening.includes(marker.text)
  )
    return false;
  const { before, after } = around(sentence, marker.text);
  const last = (count: number) => before.slice(-count).join(' ');
  // "I love you, but…": the warmth is a preface to the blow.
  if (BUT.test(before.join(' '))) return false;
  if (DENIED_OR_REPORTED.test(`${last(4)} ${marker.text}`)) return true;
  // "those bastards", «эти уроды»: a name for someone pointed at, not the listener.
  if (POINTED.test(last(1)) && !LISTENER.test(marker.text)) return true;
  // A name closing the sentence after a comma calls the listener too: «давай баллотируйся, клоун».
  const closing = sentence.split(',').at(-1) ?? '';
  const addressed =
    LISTENER.test(marker.text) ||
    BARE_YOU.test(marker.text) ||
    THEIRS.test(marker.text) ||
    LISTENER.test(last(5)) ||
    BARE_YOU.test(last(2)) ||
    // "you poor old vatnik": "you" and the words that describe the name.
    /^(?:you|ya|u)$/i.test(before.at(-3) ?? '') ||
    THEIRS.test(last(3)) ||
    LISTENER.test(after.slice(0, 2).join(' ')) ||
    (marker.kind !== 'contempt' &&
      closing !== sentence &&
      closing.split(/\s+/).filter(Boolean).length <= 2 &&
      closing.includes(marker.text));
  return !addressed;
}

/** The words before and after the hard word: "you" further away speaks of something else ("it's not your fault"). */
function around(sentence: string, text: string): { before: string[]; after: string[] } {
  const words = (part: string) => part.split(/\s+/).filter(Boolean);
  const at = sentence.toLowerCase().indexOf(text.toLowerCase());
  if (at < 0) return { before: words(sentence), after: [] };
  return { before: words(sentence.slice(0, at)), after: words(sentence.slice(at + text.length)) };
}
