// The moves the coach recognises, from the frameworks behind sobesednik: EPITOME (emotional reaction,
// interpretation, exploration), motivational interviewing (open questions, reflections, affirmations), street
// epistemology (confidence scale, "what would change your mind"), NVC (I-statements, requests; labels, demands
// and blame disconnect) and deep canvassing (own story, shared values).

export const EMPATHIC_KINDS = [
  'emotional-reaction',
  'simple-reflection',
  'complex-reflection',
  'exploration',
  'open-question',
  'affirmation',
  'confidence-scale',
  'change-mind',
  'i-statement',
  'request',
  'own-story',
  'shared-values',
  'gratitude',
  'acknowledge-view',
] as const;

export const TOXIC_KINDS = [
  'insult',
  'labelling',
  'sarcasm',
  'contempt',
  'threat',
  'group-blame',
  'lecture',
  'rhetorical-question',
  'link-dump',
  'profanity',
  'demand',
] as const;

export type EmpathicKind = (typeof EMPATHIC_KINDS)[number];
export type ToxicKind = (typeof TOXIC_KINDS)[number];
export type MarkerKind = EmpathicKind | ToxicKind;

const toxicKinds: ReadonlySet<string> = new Set(TOXIC_KINDS);

export function isToxic(kind: MarkerKind): kind is ToxicKind {
  return toxicKinds.has(kind);
}

/** How strongly a move pushes the score (0..1); combined as independent evidence: 1 − Π(1 − w). */
export const MARKER_WEIGHT: Record<MarkerKind, number> = {
  'emotional-reaction': 0.5,
  'simple-reflection': 0.45,
  'complex-reflection': 0.65,
  exploration: 0.5,
  'open-question': 0.5,
  affirmation: 0.5,
  'confidence-scale': 0.6,
  'change-mind': 0.6,
  'i-statement': 0.45,
  request: 0.35,
  'own-story': 0.55,
  'shared-values': 0.55,
  gratitude: 0.35,
  'acknowledge-view': 0.5,
  insult: 0.9,
  labelling: 0.75,
  sarcasm: 0.65,
  contempt: 0.7,
  threat: 0.8,
  'group-blame': 0.65,
  lecture: 0.55,
  'rhetorical-question': 0.6,
  'link-dump': 0.5,
  profanity: 0.7,
  demand: 0.6,
};
