import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Genders, gendered } from '../catalogue/gendered.js';
import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import { detectLanguage } from '../matcher/language.js';
import type { Matcher } from '../matcher/matcher.js';
import { clean, fold } from '../matcher/normalize.js';
import { hasHostileCue, hasWarmCue } from './cues.js';
import { detect, letterScripts, type Marker, type Sentence } from './detect.js';
import { insultNames } from './insult-lexicon.js';
import { readToneExamples, type ToneModel, toneReading, trainTone } from './learned.js';
import { isToxic, MARKER_WEIGHT } from './markers.js';
import { type Frame, rewrite } from './rewrite.js';
import { type TipKey, tipsFor } from './tips.js';
import { isTranslit } from './translit.js';

const LINK = /\S*(?:https?:\/\/|www\.)\S*/gi;
/**
 * A question that starts as an open one does ("what was the hardest part?", «а как ты сам к этому пришёл?»), even
 * when the coach did not count it: a tip to add or open up a question would contradict it. Not one that asks for
 * a figure ("how many…?", "what year…?").
 */
const OPEN_WORD =
  /^[^\p{L}]*(?:(?:and|but|so|а|и|но|ну)[,\s]+)*(?:what's|what|why|how|which|who|как|каково|почему|отчего|зачем|что|чем|какой|какая|какое|какие|кто|откуда)(?![\p{L}'-])(?!\s+(?:time|year|many|much|long|old)(?![\p{L}]))[^?]*\?[\s\p{So})]*$/u;
/** A line that calls the relative by a kin word or a name: it fits one relative only. */
const ADDRESSED =
  /(?<![\p{L}])(?:мам[аул]?|пап[аул]?|бабул[яь]?|бабушк[аи]|дедул[яь]?|дедушк[аи]|сын[оу]к|доч[ек]?|серёж\p{L}*|сереж\p{L}*|mum|mom|dad|grandma|gran|granny|grandpa)(?![\p{L}])/iu;

export type Verdict = 'toxic' | 'neutral' | 'empathic';

export interface Judgement {
  verdict: Verdict;
  toxicity: number;
  empathy: number;
  markers: Marker[];
  /** The tips as the user reads them; a tip about a hurtful move quotes the words, so it is shown, never kept. */
  tips: string[];
  /** The same tips by name, in the same order: what a practice keeps and counts. */
  tipKeys: TipKey[];
  rewrite: string;
}

export interface JudgeOptions {
  /** What the relative said, which the reply answers: the rewrite refers to it. */
  context?: string;
  /** The language of tips and rewrite; by default the reply's own. */
  lang?: Lang;
  /** The position the context expresses, when the caller knows it (practice): spares matching the context. */
  position?: string;
  /** The relative's and the user's grammatical gender, for the rewrite's catalogue lines; both forms if unknown. */
  genders?: Genders;
}

export interface CoachOptions {
  /**
   * The learned layer heard where the rules find nothing; by default trained from coach-training.jsonl in the
   * catalogue's folder when that file exists. `null` judges by the rules alone.
   */
  tone?: ToneModel | null;
}

export interface Coach {
  judge(reply: string, options?: JudgeOptions): Judgement;
}

/** Independent pieces of evidence: each marker closes part of the remaining distance to 1. */
function combine(markers: Marker[]): number {
  const rest = markers.reduce((product, marker) => product * (1 - MARKER_WEIGHT[marker.kind]), 1);
  return Math.round((1 - rest) * 100) / 100;
}

function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash;
}

// How sure the learned layer must be before it overrules "neutral". Its toxic guesses are sentence-wide and often
// wrong on text it was not written for (support posts, polite requests, forum small talk): on the dev set
// (content/eval/dev/coach-dev-real.jsonl) 0.7 alone called eleven calm or warm sentences toxic for six right ones.
// So a toxic verdict needs 0.8, a clear lead over the next verdict, a sentence with no word of politeness or care,
// and either a word that may carry hostility or 0.9 (cues.ts). "Because you don't care." (0.86, no such word) is
// left neutral. The empathic side, which was right far more often than not, keeps 0.7.
const TONE_THRESHOLD = { toxic: 0.8, empathic: 0.7 };
const TONE_MARGIN = 0.5;
const TONE_SURE = 0.9;

// The learned layer was trained on replies to a relative: a reply that answers what the relative said (a context),
// or that calls them мам, пап, dad…, is what it knows, and there it may speak without a cue word.
const FAMILY =
  /(?<![\p{L}])(?:мам\p{L}*|пап\p{L}*|бабул\p{L}*|бабушк\p{L}*|дедул\p{L}*|дедушк\p{L}*|дяд\p{L}*|тет\p{L}*|сестр\p{L}*|брат\p{L}*|сын\p{L}*|доч\p{L}*|mom|mum|mother|dad|father|grandma|granny|grandpa|grandad|uncle|auntie|aunt|sis|bro)(?![\p{L}])/u;

const tones = new Map<string, ToneModel | null>();

/** The learned layer for a catalogue folder, trained once per process (about 0.16 s for its 1,900 replies). */
export function toneFor(dir: string): ToneModel | null {
  const file = path.join(dir, 'coach-training.jsonl');
  let tone = tones.get(file);
  if (tone === undefined) {
    tone = existsSync(file) ? trainTone(readToneExamples(file)) : null;
    tones.set(file, tone);
  }
  return tone;
}

/** The language of tips and rewrite: Russian typed in Latin letters gets them in Russian. */
function languageOf(text: string): Lang {
  const letters = text.replace(LINK, ' ');
  const folded = fold(letters);
  if (letterScripts(folded).cyrillic === 0 && isTranslit(folded)) return 'ru';
  return detectLanguage(letters).lang;
}

/**
 * When the rules found no move, the learned layer may still hear one in the tone: the marker names the move it
 * finds most likely and shows the sentence that carries it most (a toxic one is left out of the rewrite).
 */
function listen(tone: ToneModel, text: string, sentences: Sentence[], inDomain: boolean): Marker | undefined {
  const p = tone.verdict(toneReading(text));
  const verdict = isSureToxic(p) ? 'toxic' : p.empathic >= TONE_THRESHOLD.empathic ? 'empathic' : undefined;
  if (!verdict) return undefined;
  // A reply polite or caring in so many words is a request or comfort, whatever the model hears in it.
  if (verdict === 'toxic' && hasWarmCue(toneReading(text))) return undefined;
  let carrier: Sentence | undefined;
  let carrierReading: string | undefined;
  let most = -1;
  for (const sentence of sentences) {
    const reading = toneReading(sentence.text);
    // A toxic sentence must say something that may hurt, unless the model is very sure of the reply (see
    // TONE_THRESHOLD).
    if (verdict === 'toxic' && !inDomain && p.toxic < TONE_SURE && !hasHostileCue(reading)) continue;
    const share = sentences.length > 1 ? tone.verdict(reading)[verdict] : 1;
    if (share > most) {
      most = share;
      carrier = sentence;
      carrierReading = reading;
    }
  }
  if (!carrier || carrierReading === undefined) return undefined;
  if (verdict === 'toxic') carrier.toxic = true;
  return { kind: tone.kind(carrierReading, verdict), text: carrier.text };
}

function isSureToxic(p: Record<'toxic' | 'neutral' | 'empathic', number>): boolean {
  return p.toxic >= TONE_THRESHOLD.toxic && p.toxic - Math.max(p.neutral, p.empathic) >= TONE_MARGIN;
}

/**
 * The judge of a user's reply: any anti-pattern makes it toxic; otherwise one genuine empathic move makes it
 * empathic; a bare argument, however true, is neutral (arguments alone change nothing).
 */
export function createCoach(catalogue: Catalogue, matcher: Matcher, coachOptions: CoachOptions = {}): Coach {
  const tone = coachOptions.tone === undefined ? toneFor(catalogue.dir) : coachOptions.tone;
  // Read WordNet's names now, so that the first reply judged does not wait for them.
  insultNames();
  function frameFor(options: JudgeOptions, lang: Lang, seed: number): Frame | undefined {
    if (!options.context) return undefined;
    const id = options.position ?? matcher.match(options.context).positions[0]?.id;
    const position = id === undefined ? undefined : catalogue.position(id);
    if (!position) return undefined;
    // Only an answer that speaks to no one in particular: «мам, …» must not reach an uncle.
    const answers = position[lang].answers.filter(
      (answer) => !ADDRESSED.test(`${answer.relate} ${answer.ask}`),
    );
    const answer = answers[seed % Math.max(1, answers.length)];
    const say = (line: string) => gendered(line, options.genders);
    return answer && { relate: say(answer.relate), ask: say(answer.ask) };
  }

  return {
    judge(reply, options = {}) {
      const text = clean(reply);
      // Links are Latin letters whatever the language of the reply around them.
      const lang = options.lang ?? languageOf(text);
      const context = options.context ? clean(options.context) : undefined;
      const { sentences, markers, swearing } = detect(text);
      const heard =
        tone && markers.length === 0
          ? listen(tone, text, sentences, context !== undefined || FAMILY.test(fold(text)))
          : undefined;
      if (heard) {
        markers.push(heard);
        // A warm move the tone found is the user's own, to keep in the rewrite like one the rules found.
        const carrier = sentences.find((sentence) => sentence.text === heard.text);
        if (carrier && !isToxic(heard.kind)) carrier.markers.push(heard);
      }
      const toxic = markers.filter((marker) => isToxic(marker.kind));
      const empathic = markers.filter((marker) => !isToxic(marker.kind));
      const verdict: Verdict = toxic.length > 0 ? 'toxic' : empathic.length > 0 ? 'empathic' : 'neutral';
      const tips = tipsFor(markers, lang, {
        swearing: swearing !== undefined,
        asked: text.includes('?'),
        openWord: sentences.some((sentence) => OPEN_WORD.test(fold(sentence.text))),
      });
      return {
        verdict,
        toxicity: combine(toxic),
        empathy: combine(empathic),
        markers,
        tips: tips.map((tip) => gendered(tip.text, options.genders)),
        tipKeys: tips.map((tip) => tip.key),
        rewrite: rewrite(sentences, markers, lang, { frame: frameFor(options, lang, hashOf(text)) }),
      };
    },
  };
}
