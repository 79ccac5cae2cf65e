import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import { detectLanguage } from '../matcher/language.js';
import type { Matcher } from '../matcher/matcher.js';
import { clean, fold } from '../matcher/normalize.js';
import { detect, letterScripts, type Marker, type Sentence } from './detect.js';
import { readToneExamples, type ToneModel, toneReading, trainTone } from './learned.js';
import { isToxic, MARKER_WEIGHT } from './markers.js';
import { type Frame, rewrite } from './rewrite.js';
import { type TipKey, tipsFor } from './tips.js';
import { isTranslit } from './translit.js';

const LINK = /\S*(?:https?:\/\/|www\.)\S*/gi;

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

// How sure the learned layer must be before it overrules "neutral", chosen on replies the rules had not been
// written for (the third and fourth sets under the rules of e4ddbac, and replies written after the rules): a lower
// bar catches more replies phrased in new words and starts calling calm facts toxic; 0.6 to 0.7 did best there.
const TONE_THRESHOLD = { toxic: 0.7, empathic: 0.7 };

const tones = new Map<string, ToneModel | null>();

/** The learned layer for a catalogue folder, trained once per process (about 0.1 s for 1,100 replies). */
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
function listen(tone: ToneModel, text: string, sentences: Sentence[]): Marker | undefined {
  const p = tone.verdict(toneReading(text));
  const verdict =
    p.toxic >= TONE_THRESHOLD.toxic
      ? 'toxic'
      : p.empathic >= TONE_THRESHOLD.empathic
        ? 'empathic'
        : undefined;
  if (!verdict) return undefined;
  let carrier = sentences[0];
  let carrierReading = carrier && toneReading(carrier.text);
  if (sentences.length > 1) {
    let most = -1;
    for (const sentence of sentences) {
      const reading = toneReading(sentence.text);
      const share = tone.verdict(reading)[verdict];
      if (share > most) {
        most = share;
        carrier = sentence;
        carrierReading = reading;
      }
    }
  }
  if (!carrier || carrierReading === undefined) return undefined;
  if (verdict === 'toxic') carrier.toxic = true;
  return { kind: tone.kind(carrierReading, verdict), text: carrier.text };
}

/**
 * The judge of a user's reply: any anti-pattern makes it toxic; otherwise one genuine empathic move makes it
 * empathic; a bare argument, however true, is neutral (arguments alone change nothing).
 */
export function createCoach(catalogue: Catalogue, matcher: Matcher, coachOptions: CoachOptions = {}): Coach {
  const tone = coachOptions.tone === undefined ? toneFor(catalogue.dir) : coachOptions.tone;
  function frameFor(options: JudgeOptions, lang: Lang, seed: number): Frame | undefined {
    if (!options.context) return undefined;
    const id = options.position ?? matcher.match(options.context).positions[0]?.id;
    const position = id === undefined ? undefined : catalogue.position(id);
    if (!position) return undefined;
    const answers = position[lang].answers;
    const answer = answers[seed % answers.length];
    return answer && { relate: answer.relate, ask: answer.ask };
  }

  return {
    judge(reply, options = {}) {
      const text = clean(reply);
      // Links are Latin letters whatever the language of the reply around them.
      const lang = options.lang ?? languageOf(text);
      const context = options.context ? clean(options.context) : undefined;
      const { sentences, markers, swearing } = detect(text);
      const heard = tone && markers.length === 0 ? listen(tone, text, sentences) : undefined;
      if (heard) markers.push(heard);
      const toxic = markers.filter((marker) => isToxic(marker.kind));
      const empathic = markers.filter((marker) => !isToxic(marker.kind));
      const verdict: Verdict = toxic.length > 0 ? 'toxic' : empathic.length > 0 ? 'empathic' : 'neutral';
      const tips = tipsFor(markers, lang, { swearing: swearing !== undefined });
      return {
        verdict,
        toxicity: combine(toxic),
        empathy: combine(empathic),
        markers,
        tips: tips.map((tip) => tip.text),
        tipKeys: tips.map((tip) => tip.key),
        rewrite: rewrite(sentences, markers, lang, { context, frame: frameFor(options, lang, hashOf(text)) }),
      };
    },
  };
}
