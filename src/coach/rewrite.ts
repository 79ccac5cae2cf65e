import type { Lang } from '../catalogue/schema.js';
import type { Marker, Sentence } from './detect.js';

export interface Frame {
  /** A first step that shows the feeling was heard, e.g. the matched position's "relate". */
  relate: string;
  /** One open question, e.g. the matched position's "ask". */
  ask: string;
}

/** Lines that fit any relative and any position: used when the position at hand has no answer that fits. */
const GENERIC: Record<Lang, Frame & { ownView: string }> = {
  ru: {
    relate: 'Слышу, что для тебя это важно.',
    ask: 'Что для тебя в этом самое важное?',
    ownView: 'Я вижу это немного иначе, и мне важно понять, как видишь это ты.',
  },
  en: {
    relate: 'I can hear this matters to you.',
    ask: 'What matters most to you in this?',
    ownView: "I see it a bit differently, and I'd like to understand how you see it.",
  },
};

const REFLECTION_KINDS = new Set(['simple-reflection', 'complex-reflection', 'emotional-reaction']);
const QUESTION_KINDS = new Set(['open-question', 'exploration', 'confidence-scale', 'change-mind']);
const WARM_KINDS = new Set([...REFLECTION_KINDS, ...QUESTION_KINDS]);

/**
 * A better version of the reply, made of lines written for this (the position's answer, else lines that fit
 * anyone) and of the user's own warm moves, word for word. The user's other sentences are left out rather
 * than reworded: a claim pasted after "to me" reads oddly («Мне кажется, не знаю что ответить»), and a line the
 * coach found hurtful must not come back. A claim or a hurtful line leaves a line that keeps the disagreement,
 * respectfully; a question does not.
 * Empty when the reply already reflects and asks: the tips alone say what to change.
 */
export function rewrite(
  sentences: Sentence[],
  markers: Marker[],
  lang: Lang,
  options: { frame?: Frame | undefined },
): string {
  const generic = GENERIC[lang];
  const frame = options.frame ?? generic;
  const hurtful = sentences.some((sentence) => sentence.toxic);
  const warm = (sentence: Sentence) =>
    !sentence.toxic && sentence.markers.some((marker) => WARM_KINDS.has(marker.kind));
  const kept = sentences.filter(warm).map((sentence) => sentence.text);
  const hasReflection = markers.some((marker) => REFLECTION_KINDS.has(marker.kind));
  const hasQuestion = markers.some((marker) => QUESTION_KINDS.has(marker.kind));
  if (!hurtful && hasReflection && hasQuestion) return '';
  // A question is no claim: "I see it differently" answers a disagreement the user voiced, or a hurtful line.
  const claims = sentences.some(
    (sentence) => !warm(sentence) && !sentence.toxic && !/\?[\s\p{So})]*$/u.test(sentence.text),
  );
  // Relate first, then one's own view, then ask: the user's warm lines keep that order too ("That must be hard"
  // before "I see it differently", their question after it).
  const asks = (line: string) => /\?[\s\p{So})]*$/u.test(line);
  const finished = (line: string) => (/[.!?…)\p{So}]$/u.test(line) ? line : `${line}.`);
  const parts: string[] = [];
  if (!hasReflection) parts.push(frame.relate);
  parts.push(...kept.filter((line) => !asks(line)).map(finished));
  if (claims || hurtful) parts.push(generic.ownView);
  parts.push(...kept.filter(asks));
  if (!hasQuestion) parts.push(frame.ask);
  return parts.join(' ');
}
