import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import { detectLanguage } from '../matcher/language.js';
import type { Matcher } from '../matcher/matcher.js';
import { clean } from '../matcher/normalize.js';
import { detect, type Marker } from './detect.js';
import { isToxic, MARKER_WEIGHT } from './markers.js';
import { type Frame, rewrite } from './rewrite.js';
import { tipsFor } from './tips.js';

const LINK = /\S*(?:https?:\/\/|www\.)\S*/gi;

export type Verdict = 'toxic' | 'neutral' | 'empathic';

export interface Judgement {
  verdict: Verdict;
  toxicity: number;
  empathy: number;
  markers: Marker[];
  tips: string[];
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

/**
 * The judge of a user's reply: any anti-pattern makes it toxic; otherwise one genuine empathic move makes it
 * empathic; a bare argument, however true, is neutral (arguments alone change nothing).
 */
export function createCoach(catalogue: Catalogue, matcher: Matcher): Coach {
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
      const lang = options.lang ?? detectLanguage(text.replace(LINK, ' ')).lang;
      const context = options.context ? clean(options.context) : undefined;
      const { sentences, markers } = detect(text);
      const toxic = markers.filter((marker) => isToxic(marker.kind));
      const empathic = markers.filter((marker) => !isToxic(marker.kind));
      const verdict: Verdict = toxic.length > 0 ? 'toxic' : empathic.length > 0 ? 'empathic' : 'neutral';
      return {
        verdict,
        toxicity: combine(toxic),
        empathy: combine(empathic),
        markers,
        tips: tipsFor(markers, lang),
        rewrite: rewrite(sentences, markers, lang, { context, frame: frameFor(options, lang, hashOf(text)) }),
      };
    },
  };
}
