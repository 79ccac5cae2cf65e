import { fold } from '../matcher/normalize.js';
import { namedInsult } from './insult-lexicon.js';
import { LOOK_ALIKE } from './look-alike.js';
import { isToxic, type MarkerKind } from './markers.js';
import { firstOf, type Pattern, type Rules } from './patterns.js';
import { findSwears } from './profanity.js';
import { EN_RULES } from './rules-en.js';
import { RU_RULES } from './rules-ru.js';
import { isTranslit, toCyrillic } from './translit.js';
import { TriggerIndex } from './triggers.js';
import { isWarm, onTheirSide } from './warm-context.js';

export interface Marker {
  kind: MarkerKind;
  /** The words of the reply that show the move. */
  text: string;
}

export interface Sentence {
  text: string;
  markers: Marker[];
  toxic: boolean;
}

/** What a reply says besides its moves: swearing that strengthens a warm reply rather than hurting anyone. */
export interface Detection {
  sentences: Sentence[];
  markers: Marker[];
  /** Swearing aimed at nobody in an otherwise warm reply: not toxic, but worth a word about tone. */
  swearing?: Marker;
}

// A question that opens with one of these words asks for an answer in the other's own words (MI's open question);
// "ты смотрела новости?" does not. A few words may come first ("а для тебя что это значит?", "а у вас в городе как?"),
// but not a verb of knowing or seeing ("ты видела, сколько домов снесли?" is a reproach), not a comma (after
// "ты уверена, что…" the "что" joins a clause) and not a preposition ("в каком году это было?" asks for a fact).
// "Когда", "где" and "сколько" ask for facts too; the rules know the open ones ("где ты об этом услышала?").
// "What time", "how many", "which year" ask for a figure, however they are put.
const FACT_QUESTION =
  /^(?:(?:а|и|но|ну|and|but|so)[,\s]+)*(?:what time|what year|which year|how many|how much|how long|how old|во сколько|в каком году|сколько)(?![\p{L}])/u;
const OPEN_QUESTION =
  /^(?:(?:а|и|но|ну|мам|пап|бабуль|слушай|скажи|так|and|but|so|ok|okay|hm|hmm|oh|mom|mum|dad)[,\s]+)*(?:(?!(?:видел\p{L}*|видишь|знаешь|знала|знал|слышал\p{L}*|понимаешь|помнишь)\s)[\p{Script=Cyrillic}\p{N}-]+\s+){0,4}?(?<!(?:^|\s)(?:в|во|на|про|о|об|с|со|по|из|за|от|до|к|ко|при)\s)(как|каково|почему|отчего|зачем|что|чего|чем|кому|кого|какой|какая|какое|какие|каким|какую|каких|каком|откуда|кто|насколько|how|what|what's|why|which|who|whom)(?![\p{L}-])/u;
// It must be about the other person: "что на ужин будем?" changes the subject rather than opening a talk.
const ADDRESSES_THEM =
  /(?<![\p{L}])(?:ты|вы|тебе|вам|тебя|вас|тобой|вами|твой|твоя|твое|твои|твоих|твоем|ваш|ваша|ваше|ваши|вашем|сама|сам|you|your|yours|yourself|people|folks|they|люди|соседи|друзья|коллеги|знакомые|neighbou?rs|friends)(?![\p{L}])/u;
// Wh-words that say nothing about openness unless the question is about the other person ("как там кот?" and
// "which channel?" are small talk; "как ты?" and "how was it?" are not).
const NEEDS_ADDRESS =
  /^(?:что|чего|чем|кому|кого|кто|откуда|какой|какая|какое|какие|каким|какую|каких|каком|what|what's|who|whom|which)$/;
const HOW = /^(?:как|каково|how)$/;
const ABOUT_IT =
  /(?<![\p{L}])(?:это|этим|этом|дела|себя|тогда|чувству\p{L}*|it|that|this|things|then|feel\p{L}*)(?![\p{L}])/u;

// A bare site name (press.un.org) names a source once; its dots do not end clauses.
const DOMAIN = /\S+\.(?:org|com|ru|net|io|media|info|ua|de|uk|eu|int)(?:\/\S*)?/giu;
const HAS_DOMAIN = /\.(?:org|com|ru|net|io|media|info|ua|de|uk|eu|int)(?![\p{L}])/iu;
const URL = /(?:https?:\/\/|www\.|t\.me\/|youtu\.be\/|youtube\.com\/)\S+/gi;

// Signs of a fact: a number, a percentage, a named source or report. One fact stated calmly is neutral; a pile of
// them is a lecture, and arguments alone change nothing. Only whether a text has one matters: testing stops at
// the first sign and builds no list of them.
const FACT_SIGNS = [
  /\d+(?:[.,]\d+)?\s*(?:%|процент\p{L}*|percent|тыс\p{L}*|млн|млрд|million|billion|thousand)/iu,
  // Report words and named sources: one expression, so one scan of the text rather than two.
  /(?<![\p{L}])(?:по данным|согласно|according to|data from|доклад\p{L}*|report(?:s|ed)?|исследовани\p{L}*|stud(?:y|ies)|статистик\p{L}*|statistics|расследовани\p{L}*|investigation|оон|обсе|мус|ооон|левада|мемориал|un|osce|icc|icj|levada|reuters|bbc|amnesty|human rights watch|bellingcat|ohchr|unesco|nato|нато)(?![\p{L}])/iu,
  /(?<![\p{L}\d])(?:19|20)\d\d(?!\d)/u,
];

function hasFact(text: string): boolean {
  return FACT_SIGNS.some((pattern) => pattern.test(text));
}

/**
 * How many separate claims carry a fact: a pile is several clauses with facts in them, not one claim with a date
 * range ("с 2014 по 2021 погибло около 3400 человек" is one fact, calmly stated).
 */
export function countFactClaims(text: string): number {
  const claims = HAS_DOMAIN.test(text) ? text.replace(DOMAIN, ' ') : text;
  // A sign in a clause is a sign in the whole text too (a clause ends and starts at punctuation or a space, which
  // the signs' edges accept), so most replies, which state no fact, are tested once rather than per clause.
  if (!hasFact(claims)) return 0;
  return claims.split(/[.!?…;:,—–]+(?=\s|$)|\s(?:и|а|and|but)\s/u).filter(hasFact).length;
}

/** Splits a reply into sentences, keeping their punctuation. */
export function splitSentences(text: string): string[] {
  return (text.match(/[^.!?…]+(?:[.!?…]+|$)/g) ?? [text]).map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Moves that a pattern finds but the rest of the sentence undoes: "я сам как дурак радовался" calls oneself names,
 * and "давай вечером созвонимся" puts the talk off rather than asking for one. Tested on the folded sentence (and,
 * for a self-insult, on the words before the match).
 */
const VETO: Partial<Record<MarkerKind, RegExp>> = {
  request:
    /(?<![\p{L}])(?:потом|позже|попозже|вечером|завтра|за рулем|на работе|в метро|некогда|занят\p{L}*|later|tonight|tomorrow|when i'?m back|when i get|at work|driving|busy)(?![\p{L}])/u,
};
const SELF_BEFORE = /(?:^|[^\p{L}])(?:я|i|i'm|im)(?:[\s,]+[\p{L}\p{N}']+){0,4}[\s,]+$/u;
// A story about one's own past ("я сама в 2014 была как…", "I was cheering … like a total…") may run longer.
const OWN_STORY_BEFORE =
  /(?:^|[^\p{L}])(?:я сама|я сам|я был|я была|i was|i myself)(?:[\s,]+[\p{L}\p{N}']+){0,8}[\s,]+$/u;
const SECOND_PERSON = /(?<![\p{L}])(?:ты|вы|тебя|вас|тебе|вам|you|you're|your|u)(?![\p{L}])/u;
// "ты не дура", "you're not an idiot", "never thought you were stupid": the word is denied, not said. "Не будь
// дурой" and "don't be an idiot" still count: there the negation is on "be".
const DENIED_BEFORE =
  /(?:^|[^\p{L}])(?:не|ни|not|never|no|isn't|isnt|aren't|wasn't|weren't|ain't|make you|(?:doesn't|does not|won't|didn't|wouldn't) make)(?:\s+(?:a|an|the|такая|такой|какая|какой))?\s+$/u;
// The same denial inside the words matched: "ты не глупая", "you are not dumb" (but not "you're not just dumb").
const DENIED_WITHIN =
  /^(?:ты|вы|you|you're|youre|you are|ur)\s+(?:\p{L}+\s+)?(?:не|not|never)\s+(?!просто|только|лишь|just|only|merely)/u;

// Words that name an animal, a plant or a thing before they name a person ("баран", "козел", "ватник" the quilted
// jacket, "укроп" the herb, "колорадский жук", "snowflakes", "the boomer generation", "trash day"). Said where the sentence
// speaks of farms, woods, gardens, food, clothes, weather or games, and not to anyone, they keep their first sense.
const AMBIGUOUS =
  /^(?:паразит|parasites?|зомби|zombies?|баран|овц|овец|козел|козл|свин|олен|овощ|скот|петух|петуш|ватн|колорад|гадюк|укроп|крыс|коров|осел|ослы|ишак|стадо|дятел|дятл|snowflake|boomer|trash|garbage|clown|npc|karen|sheep|pigs?|rats?|cattle|animals|monkeys|apes)/u;
const LITERAL_CUE =
  /(?<![\p{L}])(?:ферм\p{L}*|стад(?:о|а|у|ом|е)|пастбищ\p{L}*|загон\p{L}*|хлев\p{L}*|сарай\p{L}*|дач\p{L}*|деревн\p{L}*|огород\p{L}*|лес|лесу|леса|зоопарк\p{L}*|заповедник\p{L}*|жук\p{L}*|картош\p{L}*|картофел\p{L}*|копилк\p{L}*|куртк\p{L}*|телогре\p{L}*|стеган\p{L}*|одеял\p{L}*|диск\p{L}*|салат\p{L}*|суп\p{L}*|змея|змеи|змей|ядовит\p{L}*|корм\p{L}*|пас(?:ет|ут|лись|лась|лось|ся|ти|тись|утся|ется)\p{L}*|пастух\p{L}*|сад|саду|садах|водят\p{L}*|укус\p{L}*|зим\p{L}*|носил\p{L}*|надел\p{L}*|ходил\p{L}* в|subway|street|alley|sewer|bin|cat|dog|доить|доил\p{L}*|надои\p{L}*|реки|река|речк\p{L}*|вольер\p{L}*|клетк\p{L}*|питомник\p{L}*|ветеринар\p{L}*|поросят\p{L}*|ягнят\p{L}*|шерст\p{L}*|шашлык\p{L}*|грядк\p{L}*|петрушк\p{L}*|укропом|farm\p{L}*|zoo|water|worms?|gut|guts|intestin\p{L}*|infection|sick|vet|movies?|films?|series|apocalypse|horror|halloween|walking dead|вод[аеуы]|глист\p{L}*|кишечн\p{L}*|фильм\p{L}*|сериал\p{L}*|апокалипсис\p{L}*|ужастик\p{L}*|snow\p{L}*|falling|winter|window|windows|sky|outside|frost|melt\p{L}*|ice|cold|christmas|weather|game|quest|generation|generations|born|study|survey|research|poll|data|census|bins?|pickup|collection|recycling|circus|tickets?|party|birthday|shepherd|flock|herd|barn|pasture|wool|salad|costume)(?![\p{L}])/u;
const ADDRESS_BEFORE = /(?:^|[^\p{L}])(?:ты|вы|you|you're|youre|ur|u|ya)(?:\s+[\p{L}']+)?\s+$/u;

// A word of scorn just before the name makes it a name for people again ("тупое стадо", "filthy animals").
const SCORN_BEFORE =
  /(?:^|[^\p{L}])(?:туп\p{L}*|мерзк\p{L}*|вонюч\p{L}*|жирн\p{L}*|грязн\p{L}*|безмозгл\p{L}*|поган\p{L}*|конченн?\p{L}*|stupid|dumb|fat|filthy|dirty|fucking|brainless|disgusting)\s+$/u;

function isLiteral(before: string, words: string, reading: string): boolean {
  if (!AMBIGUOUS.test(words) || ADDRESS_BEFORE.test(before) || SCORN_BEFORE.test(before)) return false;
  // The sense is told by the other words of the sentence, not by the word itself ("стадо" is both).
  const at = before.length;
  return LITERAL_CUE.test(`${reading.slice(0, at)} ${reading.slice(at + words.length)}`);
}

// Words of scorn that also describe things: "the prices are ridiculous", "it's absurd how long the forms take",
// "rubbish collection". Said of what the other person said ("that's ridiculous", "your post is garbage") they scorn.
const EVALUATIVE =
  /^(?:ridiculous|disgusting|absurd|embarrassing|pathetic|nonsense|rubbish|garbage|laughable|you people)$/;
const SECOND = /(?<![\p{L}'])(?:you|your|you're|youre|yours|yourself|u|ur|ya)(?![\p{L}'])/u;
// A named thing as the subject ("the prices in Berlin are", "my Russian was"), or a clause after the word that says
// what it is ("… how long the forms take", "… that the bus is late").
const THING_BEFORE =
  /(?:^|[^\p{L}])(?:the|my|our|their|his|her|a|an)\s+[\p{L}\p{N}'\s-]{1,50}?\s(?:is|was|are|were|looks|looked|seems|seemed|tastes|tasted|smells|smelled|sounds|sounded|felt|feels|got|gets)\s+(?:\p{L}+\s+)?$/u;
const CLAUSE_AFTER = /^[\s,]*(?:how|that|when|the way)\s/u;
const GOOD_PEOPLE =
  /^you people (?:are|were) (?:so |really |truly |just |all )?(?:amazing|the best|wonderful|great|awesome|kind|lovely|brilliant|heroes|incredible|fantastic|so kind)/u;

function isAboutThing(before: string, words: string, reading: string): boolean {
  if (GOOD_PEOPLE.test(reading.slice(before.length))) return true;
  if (!EVALUATIVE.test(words) || SECOND.test(reading)) return false;
  if (
    /^(?:rubbish|garbage)\s+(?:collection|bins?|bags?|trucks?|day|dump|men|man)(?![\p{L}])/u.test(
      reading.slice(before.length),
    )
  )
    return true;
  return THING_BEFORE.test(before) || CLAUSE_AFTER.test(reading.slice(before.length + words.length));
}

// A laugh ("lol", "lmao", 😂) mocks the other person only when the sentence speaks to them or is the laugh alone;
// "lol I can't believe I did that" laughs at oneself.
const FIRST = /(?<![\p{L}'])(?:i|i'm|im|i've|i'd|me|my|mine|myself|we|us|our)(?![\p{L}'])/u;
const LAUGH = /^(?:lol|lmao|lmfao|rofl|💀|😂|🤣|🙃)$/u;

function isOwnLaugh(words: string, reading: string): boolean {
  return LAUGH.test(words) && !SECOND.test(reading) && FIRST.test(reading);
}

// Feeling like one is not calling anyone names: "чувствую себя овощем", "I feel like an idiot".
const FEELS_LIKE =
  /(?:чувству\p{L}*|ощуща\p{L}*|почувствовал\p{L}*) себя\s+(?:\p{L}+\s+)?$|(?:^|[^\p{L}])(?:feel|felt|feeling) like (?:such )?(?:an? )?(?:\p{L}+\s+)?$/u;

// A name mentioned rather than said: quoted as a word ("the word «ватник» is an insult"), reported ("he called me a
// traitor", "она сказала, что я дура") or warned against ("don't call him a moron", "не называй его дураком").
const MENTIONED_BEFORE =
  /(?:(?:^|[^\p{L}])(?:word|term|slur|words|terms|слово|словом|слова|словечко|термин|выражение)\s*[:"'«“‘„]+\s*$)|(?:(?:^|[^\p{L}])(?:what does|what do|what's an?|what is an?|what are|что значит|что такое|что означает|кто так(?:ие|ой|ая))\s*["'«“]?\s*$)|(?:(?:^|[^\p{L}])is\s*["'«“]\s*$)|(?:(?:^|[^\p{L}])(?:дразнят|дразнили|дразнит|обзывают|обзывали)\s+$)|(?:(?:^|[^\p{L}])(?:told|tells|telling|tell) (?:me|us|him|her|them|my \p{L}+) to\s+$)|(?:^|[^\p{L}])(?:(?:called|calls|call|calling|named|labelled|labeled) (?:me|us|him|her|them|each other|(?:my|your|his|her|their|our) \p{L}+)|(?:said|says|told me|tells me|thinks|thought|yelled|shouted|screamed) (?:that )?(?:i'm|i was|i am|we're|we were|we are|i)|(?:назвал\p{L}*|называ\p{L}*|обозвал\p{L}*|обзыва\p{L}*) (?:меня|нас|его|ее|их|друг друга|(?!тебя|вас)\p{L}+|(?:мо|тво|сво|ваш|наш)\p{L}+ \p{L}+)|(?:сказал\p{L}*|говорит|говорил\p{L}*|считает|считал\p{L}*|кричал\p{L}*|орал\p{L}*),? (?:что )?(?:я|мы))(?:\s+(?:\p{L}+\s+)?(?:a|an|the|such a|total|complete|полным|полной|такой|такая))?\s+$/u;

// Hurt said back to the listener, not dealt out: what others tell them or call them ("people tell you you're
// brainwashed", "being called an orc", «тебе говорят, что ты ничего не понимаешь», «тебя называют ватником») or how it
// feels to them ("it must feel like nobody cares what you think", «такое ощущение, что никому нет дела»).
const REPORTED_BEFORE =
  /(?:(?:^|[^\p{L}])(?<!(?:^|[^\p{L}'])(?:i|we|i'll|we'll|i'd|i'm)\s(?:\p{L}+\s)?)(?:tell|tells|told|telling|say|says|said to|call|calls|called|calling|treat|treats|treated|treating|look at|looks at|see|sees) you(?: that)?(?: you(?:'re| are|'ve been| have been)?)?(?: like)?(?: an?)?\s+$)|(?:(?:^|[^\p{L}])(?:being|get|gets|got|getting) (?:called|labelled|labeled|named|told(?: that)?(?: it's| it is)?)(?: an?)?\s+$)|(?:(?:^|[^\p{L}])(?:keep|keeps|kept) telling\s+(?:you\s+)?$)|(?:(?:^|[^\p{L}])(?<!(?:^|[^\p{L}'])(?:i|we|i'll|we'll|i'd|i'm)\s(?:\p{L}+\s)?)(?:treat|treats|treated|treating|call|calls|called|calling|tell|tells|told|telling)\s+$)|(?:(?:feel|feels|felt|feeling|sounds like you)[^.!?]*\slike\s+$)|(?:(?:^|[^\p{L}])(?:тебе|вам) (?:\p{L}+ ){0,2}(?:говорят|сказали|пишут|твердят|кричат|заявляют|заявили)\p{L}*,? (?:что )?(?:это )?(?:ты |вы |тебе |вам |тебя |вас )?$)|(?:(?:^|[^\p{L}])(?:говорят|твердят|считают|заявляют),? (?:что )?(?:это )?(?:ты |вы |тебе |вам |тебя |вас )?$)|(?:(?:^|[^\p{L}])(?<!(?:^|[^\p{L}])(?:я|мы)\s)(?:тебя|вас) (?:\p{L}+ ){0,2}(?:называют|назвал\p{L}*|обзывают|обозвал\p{L}*|считают|держат за|за)\s+$)|(?:(?:ощущение|чувство|кажется),? (?:что|будто)\s+(?:\p{L}+\s+){0,2}$)/u;
// The same report with its verb after the word: «тебя собственная внучка зомби назвала».
const REPORTED_AFTER = /^[\s.…]*(?:назвал\p{L}*|обозвал\p{L}*|называ\p{L}*|обзыва\p{L}*)/u;

/** Whether words of hurt are said back to the listener as what they hear from others or feel, not said to them. */
function isReported(before: string, words: string, reading: string): boolean {
  if (REPORTED_BEFORE.test(before)) return true;
  return /(?:тебя|вас)/u.test(before) && REPORTED_AFTER.test(reading.slice(before.length + words.length));
}

// Inside someone else's words, quoted after the verb that reports them: 'the guy yells "sit down you clown"',
// «мужик орёт на судью «заткнись, идиот»».
const QUOTED_SPEECH =
  /(?:^|[^\p{L}])(?:yell|yells|yelled|shout|shouts|shouted|scream|screams|screamed|say|says|said|write|writes|wrote|post|posts|posted|comment|commented|орет|орал\p{L}*|кричит|кричал\p{L}*|пишет|писал\p{L}*|написал\p{L}*|говорит|сказал\p{L}*|заявил\p{L}*)(?:\s+[\p{L}\p{N}']+){0,4}\s*[:,]?\s*["«“][^"»”]*$/u;

/** Whether words of hurt are someone else's: a word mentioned or asked about, or quoted from what another said. */
function isMention(before: string): boolean {
  return MENTIONED_BEFORE.test(before) || QUOTED_SPEECH.test(before);
}

/**
 * Whether an insult found is really said to someone: not when the speaker calls themself names ("я в 2014 сам как
 * дурак радовался", "I was an idiot"), which hurts nobody, nor when the word is denied, literal or reported back
 * (a mention is ruled out before this is asked).
 */
function isSaid(before: string, words: string, reading = ''): boolean {
  if (isLiteral(before, words, reading) || FEELS_LIKE.test(before) || isReported(before, words, reading))
    return false;
  const self = SELF_BEFORE.exec(before) ?? OWN_STORY_BEFORE.exec(before);
  const aboutSelf = self !== null && !SECOND_PERSON.test(self[0]) && !SECOND_PERSON.test(words);
  return !aboutSelf && !DENIED_BEFORE.test(before) && !DENIED_WITHIN.test(words);
}

/**
 * The first match that counts, of the lines whose triggers are in the reading: an insult taken back ("я как
 * дурак…") does not hide one further on ("…а ты дура"). The rest of the reading after a match is searched with
 * all the kind's lines: its start may be a word start that the triggers, found in the whole reading, did not see.
 */
function firstMatch(
  kind: MarkerKind,
  triggered: readonly Pattern[],
  all: readonly Pattern[],
  reading: string,
): RegExpExecArray | null {
  for (let from = 0; from < reading.length; ) {
    const match = from === 0 ? firstOf(triggered, reading) : firstOf(all, reading.slice(from));
    if (!match) return null;
    match.index += from;
    const before = reading.slice(0, match.index);
    if (isToxic(kind) && isMention(before)) {
      from = match.index + Math.max(1, match[0].length);
      continue;
    }
    if (
      kind === 'group-blame' || kind === 'contempt' || kind === 'labelling'
        ? !isLiteral(before, match[0], reading) &&
          !isAboutThing(before, match[0], reading) &&
          !isReported(before, match[0], reading)
        : kind === 'insult'
          ? isSaid(before, match[0], reading)
          : kind !== 'sarcasm' || !isOwnLaugh(match[0], reading)
    )
      return match;
    from = match.index + Math.max(1, match[0].length);
  }
  return null;
}

/** Finds the words of the reading in the sentence as written: the reading may be a transliteration or folded. */
function spanOf(sentence: string, reading: string, index: number, length: number): string {
  if (reading.length === sentence.length) return sentence.slice(index, index + length);
  const before = reading.slice(0, index).split(/\s+/).length - 1;
  const count = reading
    .slice(index, index + length)
    .trim()
    .split(/\s+/).length;
  return sentence
    .split(/\s+/)
    .slice(before, before + count)
    .join(' ');
}

// Swearing with letters starred out ("б**ть", "sh*t", "a**") is still swearing. Tested only when a star is there:
// a pattern that starts with any letter is tried at every position of every sentence.
const CENSORED = /(?<![\p{L}*])\p{L}{1,5}\*+\p{L}{0,6}(?![\p{L}*])/u;
/** Markdown emphasis, "*massive hugs*" or "**hugs**": stars around words, not inside one (blanked, so places hold). */
const EMPHASIS = /(?<![\p{L}*])(\*{1,3})(?=[^\s*])([^*\n]*?[^\s*])\1(?![\p{L}*])/gu;

/** The lines of a rule set, kind after kind, with their triggers indexed. */
interface RuleSet {
  rules: Rules;
  lines: { kind: MarkerKind; pattern: Pattern }[];
  index: TriggerIndex;
}

function ruleSet(rules: Rules): RuleSet {
  const lines = (Object.entries(rules) as [MarkerKind, Pattern[]][]).flatMap(([kind, patterns]) =>
    patterns.map((pattern) => ({ kind, pattern })),
  );
  return { rules, lines, index: new TriggerIndex(lines.map((line) => line.pattern.clauses)) };
}

const RU_SET = ruleSet(RU_RULES);
const EN_SET = ruleSet(EN_RULES);

/** Where swearing is in a reading: the swear words and roots (profanity.ts), a starred-out word, the rules' milder lines. */
interface SwearSpan {
  start: number;
  end: number;
  /** A word for a person (мудак, asshole): an insult wherever it points. */
  insult: boolean;
  /** Мат rather than English swearing (see detect). */
  mat: boolean;
}

const SOFT_RU = /^(?:хренов\p{L}*|хрень|нафиг|ёпт|епт|к черту|задолбал\p{L}*|охренеть)$/u;

function swearSpans(sentence: string, rules: RuleSet[], reading: string): SwearSpan[] {
  // The sentence as written keeps capitals ("Dick Cheney" is a name) where the reading has the same places.
  const written = sentence.length === reading.length ? sentence : reading;
  const spans: SwearSpan[] = findSwears(written)
    .filter(({ start }) => !MENTIONED_BEFORE.test(reading.slice(0, start)))
    .map(({ start, end, insult, mat }) => ({ start, end, insult, mat }));
  const censored = reading.includes('*')
    ? CENSORED.exec(
        reading.replace(
          EMPHASIS,
          (_, stars: string, words: string) =>
            `${' '.repeat(stars.length)}${words}${' '.repeat(stars.length)}`,
        ),
      )
    : null;
  if (censored && !spans.some((span) => span.start <= censored.index && censored.index < span.end)) {
    spans.push({
      start: censored.index,
      end: censored.index + censored[0].length,
      insult: false,
      mat: /\p{Script=Cyrillic}/u.test(censored[0]),
    });
  }
  for (const ruleSet of rules) {
    // Only the lines whose triggers are in the reading can match (see findMoves).
    const lines: Pattern[] = [];
    for (const id of ruleSet.index.triggered(reading)) {
      const line = ruleSet.lines[id];
      if (line?.kind === 'profanity') lines.push(line.pattern);
    }
    const match = lines.length > 0 ? firstOf(lines, reading) : null;
    if (match && !spans.some((span) => span.start <= match.index && match.index < span.end)) {
      spans.push({
        start: match.index,
        end: match.index + match[0].length,
        insult: false,
        // The softest Russian words («хреново», «нафиг», «ёпт») weigh as English swearing does; «говно», «жопа»,
        // «херня» keep мат's rude register.
        mat: ruleSet === RU_SET && !SOFT_RU.test(match[0]),
      });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

// Whom swearing points at: the person ("ты охуел", "fuck you", "you're so fucking stupid") or their views ("твой путин
// — пиздец", "your tv is fucking garbage"). A form of address ("мам, мне так пиздец как страшно") is not a target.
const TARGET =
  /^(?:ты|вы|тебя|тебе|тобой|вас|вам|вами|тво(?:й|я|е|и|его|ей|им|их|ю|ему|ими)|ваш(?:а|е|и|его|ей|им|их|у|ему|ими)?|сво(?:й|я|е|и|его|ей|им|их|ю|ему|ими)|иди|идите|you|you're|youre|ur|u|your|yours|yourself|ya)$/;
const POSSESSIVE = /^(?:тво\p{L}*|ваш\p{L}*|сво\p{L}*|your|yours|ur)$/u;
const CLAUSE_END = /[.!?;,…\n]/;

/** Whether a swear word points at the other person or their views: a target just before it, or right after it. */
function isAimed(reading: string, span: SwearSpan): boolean {
  if (span.insult) return true;
  const before = reading.slice(0, span.start).split(CLAUSE_END).pop() ?? '';
  const after = reading.slice(span.end).split(CLAUSE_END)[0] ?? '';
  const wordsBefore = before.match(/[\p{L}']+/gu) ?? [];
  const wordsAfter = after.match(/[\p{L}']+/gu) ?? [];
  if (wordsBefore.slice(-3).some((word) => TARGET.test(word))) return true;
  if (wordsAfter[0] !== undefined && TARGET.test(wordsAfter[0])) return true;
  return wordsAfter.slice(0, 2).some((word) => POSSESSIVE.test(word));
}

// English swearing that judges what was said ("this is bullshit", "what a load of crap") is a verdict on the other
// person's words, whoever it names; an exclamation ("fuck, I missed the bus", "this fucking printer") is not.
// So is a swear word that names or dismisses someone: "piece of shit", "eat shit", "shit for brains", "dumb ass".
const EN_DISMISSIVE =
  /(?:bull|horse|chicken)shit|(?<![\p{L}])(?:bs|crap\p{L}*|(?:dumb|smart|lazy|fat|stupid|jack|kiss my|my) ?(?:ass|arse|a\*\*|azz)|up yours|blow me|suck (?:my|a) \p{L}+|(?:piece|sack|bag|load|pile|full|eat|ate|eats) (?:of )?(?:shit|crap|dirt)|(?:shit|crap|fuck) for brains)(?![\p{L}])|(?:is|was|are|that's|thats|it's|its|what|such) (?:\p{L}+ )?(?:shit|crap)(?![\p{L}])/u;

// The same verdict on what was said, in the milder Russian words: «это херня», «полная хрень», «твоё мнение — говно».
const RU_DISMISSIVE =
  /(?<![\p{L}])(?:это|эт|всё это|все это|такая|какая|полная|полнейшая|очередная|сплошная|одна) (?:\p{L}+ )?(?:херня|хрень|хренотень|говно|дерьмо|фигня)(?![\p{L}])|(?<![\p{L}])(?:говно|дерьмо|херня|хрень) (?:а не|какое-то|какая-то)(?![\p{L}])/u;

function findMarkers(
  sentence: string,
  rules: RuleSet[],
  reading: string,
): { markers: Marker[]; swearing?: Marker; exclamation?: boolean } {
  const spans = swearSpans(sentence, rules, reading);
  const found = findMoves(sentence, rules, reading);
  const first = spans[0];
  if (!first) return { markers: found };
  const marker: Marker = {
    kind: 'profanity',
    text: spanOf(sentence, reading, first.start, first.end - first.start).trim(),
  };
  if (spans.some((span) => isAimed(reading, span))) return { markers: [marker, ...found] };
  // Swearing as an intensifier: what the sentence says with the swear words read as "очень" or "really" ("I'm so
  // fucking sorry" is "I'm so really sorry").
  let plain = reading;
  for (const span of [...spans].reverse()) {
    const filler = /\p{Script=Cyrillic}/u.test(reading.slice(span.start, span.end)) ? 'очень' : 'really';
    plain =
      plain.slice(0, span.start) +
      plain.slice(span.start, span.end).replace(/\S+/g, filler) +
      plain.slice(span.end);
  }
  const seen = new Set(found.map((move) => move.kind));
  for (const move of findMoves(sentence, rules, plain)) if (!seen.has(move.kind)) found.push(move);
  const exclamation =
    spans.every((span) => !span.mat) && !EN_DISMISSIVE.test(reading) && !RU_DISMISSIVE.test(reading);
  return { markers: found, swearing: marker, exclamation };
}

/** The moves of a sentence, swearing aside. */
function findMoves(sentence: string, rules: RuleSet[], reading: string): Marker[] {
  const found: Marker[] = [];
  const seen = new Set<MarkerKind>(['profanity']);
  for (const ruleSet of rules) {
    // Only the lines whose triggers are in the reading can match; they come kind by kind, in the rules' order.
    const candidates = new Map<MarkerKind, Pattern[]>();
    for (const id of ruleSet.index.triggered(reading)) {
      const line = ruleSet.lines[id];
      if (!line) continue;
      const lines = candidates.get(line.kind);
      if (lines) lines.push(line.pattern);
      else candidates.set(line.kind, [line.pattern]);
    }
    for (const [kind, lines] of candidates) {
      if (seen.has(kind) || VETO[kind]?.test(reading)) continue;
      const match = firstMatch(kind, lines, ruleSet.rules[kind] ?? [], reading);
      if (!match) continue;
      found.push({ kind, text: spanOf(sentence, reading, match.index, match[0].length).trim() });
      seen.add(kind);
    }
  }
  // English names the rules do not list, from WordNet (insult-lexicon.ts), when said to someone.
  if (!seen.has('insult') && rules.includes(EN_SET)) {
    const named = namedInsult(reading);
    const before = reading.slice(0, named?.index ?? 0);
    if (named && !isMention(before) && isSaid(before, named.text, reading))
      found.push({ kind: 'insult', text: spanOf(sentence, reading, named.index, named.text.length).trim() });
  }
  if (/\?[\s\p{So}\p{Sk})]*$/u.test(sentence)) {
    const start = OPEN_QUESTION.exec(reading.replace(/^[^\p{L}]+/u, ''));
    const word = start?.[1] ?? '';
    const aboutThem = ADDRESSES_THEM.test(reading);
    const open = NEEDS_ADDRESS.test(word)
      ? aboutThem
      : HOW.test(word)
        ? aboutThem || ABOUT_IT.test(reading)
        : true;
    if (start && open && !FACT_QUESTION.test(reading)) found.push({ kind: 'open-question', text: sentence });
  }
  const hurtful = found.filter((move) => isToxic(move.kind));
  if (hurtful.length === 0) return found;
  // A question that insults or mocks is not open, however it starts ("почему ты такой тупой?", "why are you so
  // dense?", "кто это минусует, вы больные?"): it asks for no answer. Nor are words a warm move when they are part
  // of a hurtful one ("i hope you" in "i hope you choke").
  const spans = hurtful.map((move) => spanIn(sentence, move.text));
  return found.filter(
    (move) =>
      isToxic(move.kind) ||
      (move.kind !== 'open-question' && !spans.some((span) => overlaps(span, spanIn(sentence, move.text)))),
  );
}

/** Where a marker's words are in its sentence (an empty span when they are not found as written). */
function spanIn(sentence: string, words: string): [number, number] {
  const at = sentence.indexOf(words);
  return at < 0 ? [0, 0] : [at, at + words.length];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/**
 * The rules for a sentence and the text they read: the Russian rules for Cyrillic, the English ones for Latin
 * letters, both for mixed or letterless text; Russian in Latin letters is read in Cyrillic by the Russian rules.
 */
// Digits and signs for letters inside an English word ("m0ron", "stup1d", "a$$"), read as the letters: each is one
// letter for one character, so the reading keeps the sentence's places. A number ("2014", "30%") has no letter
// around its digits and stays.
const LEET =
  /(?<=\p{L})[013457@$]+(?=\p{L})|(?<![\p{L}\p{N}])[0134]+(?=\p{L}{3})|(?<=\p{L})\$+(?![\p{L}\p{N}])/gu;
const LEET_LETTER: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

function unleet(folded: string): string {
  return /\d|[@$]/.test(folded)
    ? folded.replace(LEET, (signs) => [...signs].map((sign) => LEET_LETTER[sign] ?? sign).join(''))
    : folded;
}

// A Russian word with Latin look-alike letters or digits in it, typed to slip past a filter ("дeбил", "ур0д",
// "пиzдабол", "6лять"): read as the Cyrillic letters they stand for, one for one, so the reading keeps its places.
const MIXED_WORD = /(?=[\p{L}\p{N}@]*\p{Script=Cyrillic})(?=[\p{L}\p{N}@]*[a-z0-9@])[\p{L}\p{N}@]+/gu;
// Inside a word that is already partly Cyrillic a few more Latin letters can only be stand-ins.
const CYRILLIC_FOR: Readonly<Record<string, string>> = { ...LOOK_ALIKE, n: 'п', r: 'г', z: 'з', i: 'и' };

function unmix(folded: string): string {
  return /[a-z0-9@]/.test(folded)
    ? folded.replace(MIXED_WORD, (word) =>
        // A number with its unit ("10км", "5лет", "2шт") is not a masked word.
        /\d\d|^\d+\p{L}{1,3}$/u.test(word)
          ? word
          : [...word].map((char) => CYRILLIC_FOR[char] ?? char).join(''),
      )
    : folded;
}

function rulesFor(sentence: string): { rules: RuleSet[]; reading: string } {
  const folded = unmix(fold(sentence));
  const { cyrillic, latin } = letterScripts(folded);
  if (latin === 0 && cyrillic > 0) return { rules: [RU_SET], reading: folded };
  if (cyrillic === 0 && latin > 0) {
    return isTranslit(folded)
      ? { rules: [RU_SET], reading: toCyrillic(folded) }
      : { rules: [EN_SET], reading: unleet(folded) };
  }
  return { rules: [RU_SET, EN_SET], reading: folded };
}

/**
 * Cyrillic and Latin letters in folded text, by character code: the same answer as countScripts for the letters
 * people type here, without building a match array for every sentence.
 */
export function letterScripts(folded: string): { cyrillic: number; latin: number } {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) latin++;
    else if (code >= 0x400 && code <= 0x52f) cyrillic++;
    else if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) latin++;
  }
  return { cyrillic, latin };
}

/** Every move in every sentence of a reply (already cleaned), with the sentence-level toxicity the rewrite needs. */
export function detect(text: string): Detection {
  const urls = text.match(URL) ?? [];
  const swearing = new Map<Sentence, Marker>();
  let exclamations = true;
  const sentences = splitSentences(text.replace(URL, ' ')).map((sentenceText) => {
    const { rules, reading } = rulesFor(sentenceText);
    const found = findMarkers(sentenceText, rules, reading);
    const sentence = {
      text: sentenceText,
      markers: found.markers,
      toxic: found.markers.some((marker) => isToxic(marker.kind)),
    };
    if (found.swearing) {
      swearing.set(sentence, found.swearing);
      exclamations &&= found.exclamation === true;
    }
    return sentence;
  });
  // In a warm reply, hard words on the listener's side are a matter of tone, not an attack (warm-context.ts).
  let eased: Marker | undefined;
  if (isWarm(sentences.flatMap((sentence) => sentence.markers)))
    for (const sentence of sentences) {
      const kept = sentence.markers.filter(
        (marker) => !(isToxic(marker.kind) && onTheirSide(marker, sentence.text)),
      );
      eased ??= sentence.markers.find((marker) => marker.kind === 'profanity' && !kept.includes(marker));
      sentence.markers = kept;
      sentence.toxic = kept.some((marker) => isToxic(marker.kind));
    }
  const markers = sentences.flatMap((sentence) => sentence.markers);
  const hasEmpathy = markers.some((marker) => !isToxic(marker.kind));

  if (countFactClaims(text) >= 3 && !markers.some((marker) => marker.kind === 'lecture')) {
    markers.push({ kind: 'lecture', text: sentences.map((s) => s.text).join(' ') });
    for (const sentence of sentences) if (hasFact(sentence.text)) sentence.toxic = true;
  }
  // A source given for a fact is fine; a pile of links, or a link with hardly a word of one's own, is a dump.
  if (urls.length >= 2 || (urls.length === 1 && !hasEmpathy && ownWords(text) < SOURCE_WORDS)) {
    markers.push({ kind: 'link-dump', text: urls.join(' ') });
  }
  // Swearing aimed at nobody is an intensifier in a warm reply ("I'm so fucking sorry that happened"): a word about
  // tone, not a toxic verdict. So is an English exclamation in a calm one ("damn, the site is down"): English
  // swearing hurts by its target. Мат is a harder taboo, and with no warm move and in a hurtful reply it is swearing.
  let soft: Marker | undefined;
  if (swearing.size > 0) {
    const hurtful = markers.some((marker) => isToxic(marker.kind));
    const warm = markers.some((marker) => !isToxic(marker.kind));
    if (!hurtful && (warm || exclamations)) soft = swearing.values().next().value;
    else {
      for (const [sentence, marker] of swearing) {
        sentence.markers.unshift(marker);
        sentence.toxic = true;
      }
      markers.unshift(...swearing.values());
    }
  }
  soft ??= eased;
  return { sentences, markers: dedupe(markers), ...(soft && { swearing: soft }) };
}

/** Below this many words besides the link, a single link is handed over rather than cited. */
const SOURCE_WORDS = 6;

function ownWords(text: string): number {
  return text
    .replace(URL, ' ')
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word)).length;
}

/** One marker per kind, the first found: the feedback names a move once. */
function dedupe(markers: Marker[]): Marker[] {
  const seen = new Set<MarkerKind>();
  return markers.filter((marker) => !seen.has(marker.kind) && seen.add(marker.kind));
}
