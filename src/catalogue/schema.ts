import { z } from 'zod';
import { GROUPS } from './contract.js';
import { markProblem } from './gendered.js';

export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

// Telegram refuses messages over 4,096 characters; every catalogue text must fit in one message.
export const MAX_TEXT_LENGTH = 4096;

const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const text = z
  .string({ error: 'must be a text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_TEXT_LENGTH, { error: `is longer than ${MAX_TEXT_LENGTH} characters (Telegram's message limit)` });

const id = z.string({ error: 'must be an id' }).regex(ID_PATTERN, { error: 'must be a kebab-case id' });

function atLeast<T extends z.ZodType>(item: T, count: number) {
  return z.array(item, { error: 'must be a list' }).min(count, { error: `needs at least ${count} items` });
}

function bilingual<T extends z.ZodType>(item: T) {
  return z.strictObject({ ru: item, en: item }, { error: 'must have both ru and en' });
}

export const sourceSchema = z.strictObject({
  publisher: text,
  title: text,
  year: z.number({ error: 'must be a year' }).int().min(1900).max(2100),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
});

/**
 * A line that may mark gendered words: {прав|права}, or {he has|she has|they have} with a neutral form, for the
 * relative; [хотел|хотела] for the user.
 */
const marked = text.refine((value) => markProblem(value) === undefined, {
  error:
    'has a gender mark that is not {male|female} or {male|female|neutral} (the relative), or [male|female] (the user)',
});

export const answerSchema = z.strictObject({ relate: marked, unite: marked, ask: marked });

export const pitfallSchema = z.strictObject({ avoid: marked, why: marked });

export const positionTextSchema = z.strictObject({
  title: text,
  examples: atLeast(text, 6),
  /** More phrasings that only train the matcher; the examples are also shown to users. */
  training: z.array(text, { error: 'must be a list' }).default([]),
  needs: atLeast(text, 2),
  answers: atLeast(answerSchema, 2),
  pitfalls: atLeast(pitfallSchema, 2),
});

export const positionSchema = z.strictObject({
  id,
  group: z.enum(GROUPS, { error: `must be one of ${GROUPS.join(', ')}` }),
  related: z.array(id, { error: 'must be a list of ids' }),
  counterarguments: atLeast(z.strictObject({ claim: bilingual(text), source: sourceSchema }), 3),
  ru: positionTextSchema,
  en: positionTextSchema,
});

export const STATES = ['defensive', 'guarded', 'open'] as const;
export type PersonaState = (typeof STATES)[number];

const stateLines = z.strictObject({
  defensive: atLeast(text, 3),
  guarded: atLeast(text, 3),
  open: atLeast(text, 3),
});

const confidenceLine = text.refine((line) => line.includes('{n}'), {
  error: 'must contain {n} where the number goes',
});

export const personaTextSchema = z.strictObject({
  name: text,
  background: text,
  manner: text,
  lines: z.record(id, stateLines, { error: 'must map position ids to lines' }),
  reactions: z.strictObject({ hurt: atLeast(text, 3), dismiss: atLeast(text, 3) }),
  confidence: z.strictObject({
    defensive: atLeast(confidenceLine, 2),
    guarded: atLeast(confidenceLine, 2),
    open: atLeast(confidenceLine, 2),
  }),
  closing: z.strictObject({ warm: atLeast(text, 3), cold: atLeast(text, 3) }),
});

export const personaSchema = z.strictObject({
  id,
  age: z.number({ error: 'must be a number' }).int().min(1).max(120),
  /** For Russian grammar (она сказала / он сказал, её / его); neutral wording where it is not given. */
  gender: z.enum(['female', 'male'], { error: 'must be female or male' }).optional(),
  positions: atLeast(id, 1),
  ru: personaTextSchema,
  en: personaTextSchema,
});

/** Everyday text that expresses no position: the matcher learns from it what to reject. */
export const offTopicSchema = z.strictObject({ ru: atLeast(text, 1), en: atLeast(text, 1) });

export type Source = z.infer<typeof sourceSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type Pitfall = z.infer<typeof pitfallSchema>;
export type PositionText = z.infer<typeof positionTextSchema>;
export type Position = z.infer<typeof positionSchema>;
export type PersonaText = z.infer<typeof personaTextSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type OffTopic = z.infer<typeof offTopicSchema>;
