import { z } from 'zod';
import { sourceSchema } from './schema.js';

// The guide's topics (content/guide/topics/<id>.yaml): how to vote from abroad, each fact with its source and
// the day it was last checked. The ids are a contract (guide-spec.md): the guide may hold more, never fewer.

export const GUIDE_TOPICS = [
  'eligibility',
  'documents',
  'find-station',
  'voting-days',
  'register-ahead',
  'ballot',
  'online-voting',
  'safety',
  'queue',
  'collective-action',
  'volunteer',
  'results',
] as const;

/** Room for a heading and the sources beside a topic's text in one Telegram message (4,096 characters). */
export const MAX_GUIDE_TEXT = 3500;
/** The question matcher learns each topic from at least this many phrasings per language. */
export const MIN_GUIDE_QUESTIONS = 8;

const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const text = z
  .string({ error: 'must be a text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_GUIDE_TEXT, { error: `is longer than ${MAX_GUIDE_TEXT} characters` });
const id = z.string({ error: 'must be an id' }).regex(ID_PATTERN, { error: 'must be a kebab-case id' });
const bilingual = z.strictObject({ ru: text, en: text }, { error: 'must have both ru and en' });
const elections = z.array(id, { error: 'must be a list of election ids' });
// The `yaml` package reads an unquoted 2026-12-07 as a string (YAML 1.2), so a date is text here.
const checked = z.iso.date({ error: 'must be the date it was checked, YYYY-MM-DD' });

const topicText = z.strictObject({
  title: text,
  /** What to do, in a sentence or three: the answer a person reads first. */
  short: text,
  details: text,
  /** How people ask it in chats: the question matcher's phrasings. */
  questions: z
    .array(text, { error: 'must be a list' })
    .min(MIN_GUIDE_QUESTIONS, { error: `needs at least ${MIN_GUIDE_QUESTIONS} phrasings` }),
});

export const guideFactSchema = z.strictObject({
  claim: bilingual,
  /** The elections the fact is about, where the rules differ between them. */
  elections: elections.optional(),
  source: sourceSchema,
  checked,
  /** Where sources disagree, or the claim could not be fully confirmed. */
  note: bilingual.optional(),
});

export const guideTopicSchema = z.strictObject({
  id,
  /** The elections the topic speaks to. */
  elections: elections.min(1, { error: 'needs at least one election' }),
  ru: topicText,
  en: topicText,
  /** What differs for one election, in both languages. */
  byElection: z.record(id, bilingual).optional(),
  facts: z.array(guideFactSchema, { error: 'must be a list' }).min(3, { error: 'needs at least 3 facts' }),
});

export type GuideTopic = z.infer<typeof guideTopicSchema>;
export type GuideFact = z.infer<typeof guideFactSchema>;
