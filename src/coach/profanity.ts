import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { LOOK_ALIKE } from './look-alike.js';

// Swear words in a reply, wherever they are and however they are spelled. English comes from the obscenity library
// (its English data set with the recommended transformers: leetspeak, look-alike letters, repeated letters,
// "b1tch", "a$$", "fuuuck"); Russian мат comes from the roots below, with prefixes and endings, after look-alike
// Latin letters, digits and @ are read as the Cyrillic letters they stand for ("xyй", "3аебал", "бл@ть").
// A star or # inside a word stands for any letter ("п*здец", "sh*t"); stars around a word are Markdown ("**hugs**",
// "*обнимаю*") and hide nothing.

export interface Swear {
  /** Where the word starts and ends in the text given. */
  start: number;
  end: number;
  /** The word as written. */
  word: string;
  /** A word that names a person (мудак, сука, asshole, bitch, slurs): an insult wherever it points. */
  insult: boolean;
  /** Russian мат, in whatever letters ("пиздец", "nahui", "3аебал"); else an English swear word. */
  mat: boolean;
}

// Words of the English data set that are swearing or slurs; the others (rape, sex, porn, anal…) are words a calm
// reply about the news may need.
const EN_SWEARS = new Set([
  'arse',
  'ass',
  'bastard',
  'bitch',
  'bollocks',
  'cock',
  'cunt',
  'dick',
  'fuck',
  'piss',
  'prick',
  'shit',
  'slut',
  'turd',
  'twat',
  'wank',
  'whore',
  'retard',
  'spastic',
  'fag',
  'cuck',
  'dyke',
  'tranny',
  'kike',
  'chink',
  'nigger',
  'abo',
  'abeed',
  'africoon',
  'arabush',
  'boonga',
  'chingchong',
]);
const EN_INSULT_WORD =
  /^(?:ass(?:hole|hat|wipe)s?|arseholes?|dumbass(?:es)?|jackass(?:es)?|bastards?|bitch(?:es)?|cunts?|dicks?|dickheads?|pricks?|twats?|wankers?|whores?|sluts?|retard(?:s|ed)?|spastics?|fag(?:s|gots?)?|cucks?|motherfuck(?:er|ers|a)|fuckers?|fuckwits?|fuckfaces?|shitheads?|dipshits?|douche(?:bags?)?|dyke|tranny|kikes?|chinks?|niggers?|abos?|abeeds?|africoons?|arabush|boongas?|turds?|a\$\$(?:hole)?)$/;
// Spellings the data set does not know: "fkn", "fcking", "dumbass", "effing".
const EN_EXTRA =
  /^(?:fkn|fkin|fking|fcking|fckn|fck|fuk\p{L}*|fu?cc?\p{L}*|effing|dumbass(?:es)?|jackass(?:es)?|stfu|wtf|sh\*t|bs)$/u;
const EN_EXTRA_INTENSIFIER = /^(?:fkn|fkin|fking|fcking|fckn|fck|effing|stfu|wtf|bs)$/;

const enSwears = englishDataset
  .removePhrasesIf((phrase) => !EN_SWEARS.has(phrase.metadata?.originalWord ?? ''))
  .build();
const enMatcher = new RegExpMatcher({
  ...enSwears,
  // Words the data set does not whitelist though a swear word is inside them: "fire retardant", "ritardando".
  whitelistedTerms: [...(enSwears.whitelistedTerms ?? []), 'retardant', 'retardants', 'retardance'],
  ...englishRecommendedTransformers,
});

// Russian prefixes before a root: за-, на-, по-, от(ъ)-, вы-, у-, про-, раз(ъ)-/рас-, с(ъ)-, до-, о(б/бъ)-, при-, под(ъ)-,
// пере-, недо-, в(ъ)-, из(ъ)-/ис-, вз-, and the negation.
const PREFIX =
  '(?:за|на|по|ото|от|отъ|вы|у|про|разъ|раз|рас|съ|с|до|объ|обо|об|о|при|подъ|под|пере|недо|въ|в|изъ|из|ис|взъ|вз|не|ни)';
// Each root as a whole word: prefixes, the root, and only the endings that make it that word (so "себе", "небо",
// "хлеб", "рубля", "мудрый", "сукно", "мандарин", "бляшка" stay clean).
const RU_ROOTS: { pattern: RegExp; insult: boolean }[] = [
  { pattern: new RegExp(`^${PREFIX}{0,2}ху(?:[йяеию]\\p{L}*|ло|ла|ли|ле|ля|лей)$`, 'u'), insult: false },
  { pattern: new RegExp(`^${PREFIX}{0,2}(?:пизд|пезд)\\p{L}*$`, 'u'), insult: false },
  // The root "еб" takes any ending after any prefixes ("уебывай", "съеби", "ебобо", "заебись"): the clean words that
  // start the same way are "себе/себя/себесто…" (с- before "еб") and "веб…".
  { pattern: new RegExp(`^(?!себ|веб|ебонит)${PREFIX}{0,2}еб\\p{L}*$`, 'u'), insult: false },
  { pattern: /^(?:вы)?бля(?:т\p{L}*|д\p{L}*)?$/u, insult: false },
  { pattern: /^муд(?:ак|ач|ил|озвон|оеб|ень)\p{L}*$/u, insult: true },
  { pattern: new RegExp(`^${PREFIX}?залуп\\p{L}*$`, 'u'), insult: true },
  { pattern: /^(?:манд(?:а|ы|е|у|ой|ою)|мандав\p{L}*|мандец\p{L}*)$/u, insult: true },
  {
    pattern:
      /^(?:сук(?:а|и|е|у|ой|ою|ам|ами|ах|ин|ина|ины|ину|иным)|сучк(?:а|и|е|у|ой)|сучар\p{L}*|сучен\p{L}*)$/u,
    insult: true,
  },
  { pattern: /^(?:гандон|гондон)\p{L}*$/u, insult: true },
  { pattern: /^долб[оа]еб\p{L}*$/u, insult: true },
  { pattern: /^долбо\p{L}+$/u, insult: true },
  { pattern: /^(?:пидор|пидар|пидр|педик)\p{L}*$/u, insult: true },
  { pattern: /^(?:шлюх|шалав)\p{L}*$/u, insult: true },
  { pattern: /^(?:уебок|уебищ|ебанат|ебанько|ебло)\p{L}*$/u, insult: true },
];

// Russian мат typed in Latin letters, one word at a time (a whole sentence in translit is read in Cyrillic before
// this module sees it).
const RU_LATIN =
  /^(?:(?:na|po|za|do|ot|vy|pro|ras|raz|s)?(?:pizd|pezd|xuy|xuj|khuy|huy|huj|hui|xui)\p{L}*|bly(?:a|at|ad|yat|ad'?|at'?)|blya[dt]\p{L}*|(?:za|na|vy|u|ot|do|pro)?(?:yeb|eb)(?:a|an|al|at|u)\p{L}*|mudak\p{L}*|pidor\p{L}*|pidar\p{L}*|suka|suki|dolboeb\p{L}*|dolboyob\p{L}*)$/u;
const RU_LATIN_INSULT = /^(?:mudak|pidor|pidar|suka|suki|dolbo)/;

const LOOK_ALIKE_WORD = /^[abcehkmoptuxy@]{3,}$/;
const TOKEN = /[\p{L}\p{N}*@#$%]+/gu;
const MASK = /[*#%]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[a-z]/;
const PLAIN_CYRILLIC = /^[а-яё]+$/;
const RU_GUESSES = [...'аеиоуяылдтзсхкнпбр'];
const EN_GUESSES = [...'aeiouckhtslr'];

// Letters every root has: most words have none of them and are not tried against the roots.
const RU_ROOT_LETTERS = /ху|пи?[зе]д|еб|бля|муд|залуп|манд|су[кч]|г[ао]ндон|долбо|пид|педик|шлюх|шалав|\*/u;

function ruRoot(word: string): { insult: boolean } | undefined {
  if (!RU_ROOT_LETTERS.test(word)) return undefined;
  return RU_ROOTS.find((root) => root.pattern.test(word));
}

/** Every reading of a word whose masks (at most three) are filled with likely letters; the word itself if none. */
function unmask(word: string, guesses: string[]): string[] {
  const masks = [...word].filter((char) => MASK.test(char)).length;
  if (masks === 0) return [word];
  if (masks > 3) return [];
  let readings = [''];
  for (const char of word) {
    readings = MASK.test(char)
      ? readings.flatMap((head) => guesses.map((g) => head + g))
      : readings.map((head) => head + char);
  }
  return readings;
}

function russianSwear(core: string): { insult: boolean } | undefined {
  const read = (at: string) =>
    [...core]
      .map((char) => (CYRILLIC.test(char) ? char : char === '@' ? at : (LOOK_ALIKE[char] ?? char)))
      .join('');
  // "@" is "а" in "ёб@ный" but stands for any letter in "бл@ть".
  const readings = core.includes('@') ? [read('а'), read('*')] : [read('а')];
  for (const reading of readings.flatMap((one) => unmask(one, RU_GUESSES))) {
    const root = ruRoot(reading);
    if (root) return root;
  }
  return undefined;
}

/** An English swear word: `listed` says whether the library found one in the word where it stands in the text. */
function englishWord(core: string, listed: boolean): { insult: boolean } | undefined {
  if (EN_EXTRA.test(core)) return { insult: !EN_EXTRA_INTENSIFIER.test(core) && !/^(?:fu|fc|fk)/.test(core) };
  if (RU_LATIN.test(core)) return { insult: RU_LATIN_INSULT.test(core) };
  if (listed) return { insult: EN_INSULT_WORD.test(core) };
  if (!MASK.test(core)) return undefined;
  for (const reading of unmask(core, EN_GUESSES)) {
    if (enMatcher.hasMatch(reading))
      return { insult: EN_INSULT_WORD.test(reading) || EN_INSULT_WORD.test(core) };
  }
  return undefined;
}

/**
 * The swear words of a text (folded or as written), each with where it is. Markdown stars and underscores around a
 * word are not masks; a capitalised English name inside a sentence ("Dick Cheney") is not a swear word.
 */
export function findSwears(text: string): Swear[] {
  const found: Swear[] = [];
  // The library reads the whole text once; a word is listed when one of its matches starts inside it.
  const listed = LATIN.test(text.toLowerCase())
    ? enMatcher.getAllMatches(text).map((match) => match.startIndex)
    : [];
  const russianText = CYRILLIC.test(text);
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const at = match.index ?? 0;
    if (PLAIN_CYRILLIC.test(token)) {
      // Most words: lower-case Cyrillic, nothing to unmask.
      const root = ruRoot(token.replaceAll('ё', 'е'));
      if (root)
        found.push({ start: at, end: at + token.length, word: token, insult: root.insult, mat: true });
      continue;
    }
    const lead = /^[*#%]*/.exec(token)?.[0].length ?? 0;
    const core = token.slice(lead).replace(/[*#%]+$/, '');
    if (!/[\p{L}]/u.test(core)) continue;
    const start = at + lead;
    const lower = core.toLowerCase().replaceAll('ё', 'е');
    let hit: { insult: boolean } | undefined;
    let mat = true;
    if (PLAIN_CYRILLIC.test(lower)) hit = ruRoot(lower);
    else if (CYRILLIC.test(lower)) hit = russianSwear(lower);
    else if (LATIN.test(lower)) {
      // A capital inside a sentence, or before another capitalised word ("Dick Smith is our neighbour").
      const name =
        /^\p{Lu}\p{Ll}/u.test(core) &&
        ((start > 0 && !/[.!?]\s*$/.test(text.slice(0, start))) ||
          /^\s+\p{Lu}\p{Ll}/u.test(text.slice(start + core.length)));
      const end = start + core.length;
      mat = RU_LATIN.test(lower);
      hit = name
        ? undefined
        : englishWord(
            lower,
            listed.some((at) => at >= start && at < end),
          );
      // A word of look-alike Latin letters and digits ("3ae6al") may be Russian.
      // So may a word all of look-alike letters in a Russian sentence ("cyka, опять ты").
      if (!hit && (/\d/.test(lower) || (russianText && LOOK_ALIKE_WORD.test(lower)))) {
        hit = russianSwear(lower);
        mat = true;
      }
    } else continue;
    if (hit) found.push({ start, end: start + core.length, word: core, insult: hit.insult, mat });
  }
  return found;
}
