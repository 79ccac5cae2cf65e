import type { Lang } from '../catalogue/schema.js';
import type { Marker, Sentence } from './detect.js';

export interface Frame {
  /** A first step that shows the feeling was heard, e.g. the matched position's "relate". */
  relate: string;
  /** One open question, e.g. the matched position's "ask". */
  ask: string;
}

const GENERIC: Record<Lang, Frame & { quoted: string; ownView: string; soften: string }> = {
  ru: {
    relate: 'Слышу, что для тебя это важно.',
    ask: 'Что для тебя в этом самое важное?',
    quoted: 'Ты говоришь: «{context}». Похоже, для тебя это правда важно.',
    ownView: 'Я вижу это немного иначе, и мне важно понять, как видишь это ты.',
    soften: 'Мне кажется, {point}',
  },
  en: {
    relate: 'I can hear this matters to you.',
    ask: 'What matters most to you in this?',
    quoted: 'You say "{context}". It sounds like this really matters to you.',
    ownView: 'I see it a bit differently, and I would like to understand how you see it.',
    soften: 'To me, {point}',
  },
};

const REFLECTION_KINDS = new Set(['simple-reflection', 'complex-reflection', 'emotional-reaction']);
const QUESTION_KINDS = new Set(['open-question', 'exploration', 'confidence-scale', 'change-mind']);
const FIRST_PERSON = /^(?:я|мне|меня|мой|моя|мы|нам|i|i'm|me|my|we|to me)(?![\p{L}'])/iu;
const MAX_CONTEXT_QUOTE = 80;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The user's point without its toxic sentences, framed by a reflection and an open question, as HAILEY suggests:
 * the user keeps the choice. Moves the reply already makes are not added again.
 */
export function rewrite(
  sentences: Sentence[],
  markers: Marker[],
  lang: Lang,
  options: { context?: string | undefined; frame?: Frame | undefined },
): string {
  const generic = GENERIC[lang];
  const kept = sentences.filter((sentence) => !sentence.toxic).map((sentence) => sentence.text);
  const hasReflection = markers.some((marker) => REFLECTION_KINDS.has(marker.kind));
  const hasQuestion = markers.some((marker) => QUESTION_KINDS.has(marker.kind));
  const parts: string[] = [];

  if (!hasReflection) {
    if (options.frame) parts.push(options.frame.relate);
    else if (options.context) {
      const quote =
        options.context.length > MAX_CONTEXT_QUOTE
          ? `${options.context.slice(0, MAX_CONTEXT_QUOTE - 1)}…`
          : options.context;
      parts.push(generic.quoted.replace('{context}', quote.replace(/[.!?…]+$/, '')));
    } else parts.push(generic.relate);
  }
  if (kept.length === 0) parts.push(generic.ownView);
  for (const [index, line] of kept.entries()) {
    // A chat line often has no full stop; the rewrite adds sentences after it, so it gets one.
    const sentence = /[.!?…)\p{So}]$/u.test(line) ? line : `${line}.`;
    const isClaim = !/\?$/.test(sentence) && index === 0 && !hasReflection && !FIRST_PERSON.test(sentence);
    parts.push(isClaim ? generic.soften.replace('{point}', lowerFirst(sentence)) : sentence);
  }
  if (!hasQuestion) parts.push(options.frame?.ask ?? generic.ask);
  return parts.join(' ');
}
