import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import { extractFeatures, stem } from './features.js';
import { detectLanguage, latinToCyrillic, type Vocabulary } from './language.js';
import { clean, countScripts, words } from './normalize.js';
import { STOPWORDS } from './stopwords.js';
import { centroids, FeatureSpace, InvertedIndex, type SparseVector } from './vector-index.js';

export interface PositionScore {
  id: string;
  score: number;
}

export interface MatchResult {
  lang: Lang;
  positions: PositionScore[];
}

export interface Matcher {
  match(text: string): MatchResult;
  /** Every label's score, best first, with no threshold: for evaluation and calibration. */
  rank(text: string): { lang: Lang; scores: PositionScore[] };
}

/**
 * The tuning of the model. The shares were chosen by cross-validation on the catalogue (bench/tune-matcher.ts);
 * threshold, runner-up ratio and margin were calibrated on content/eval/match.jsonl; content/eval/holdout is for
 * measuring (its second set was written after the first calibration, by someone who never saw the catalogue).
 */
export interface MatcherOptions {
  /** Share of the word features in the similarity; the rest is character n-grams. */
  wordShare: number;
  /** Weight of the nearest training example against the class centre. */
  nearestShare: number;
  /** The score a position needs to be reported. */
  threshold: number;
  /** A second or third position is reported only when it scores at least this share of the best. */
  runnerUpRatio: number;
  /** How much better than the off-topic examples a position must score. */
  offTopicMargin: number;
}

export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  wordShare: 0.5,
  nearestShare: 0.3,
  threshold: 0.08,
  runnerUpRatio: 0.5,
  offTopicMargin: 1.2,
};

/** The label of the off-topic training examples. */
export const OFF_TOPIC = '∅';
const MAX_SEGMENTS = 6;
const MAX_RESULTS = 3;

export interface TrainingExample {
  label: string;
  text: string;
  /** The language the text was written for: Russian typed in Latin letters is read in Cyrillic, as queries are. */
  lang?: Lang;
}

/** The catalogue's titles and phrasings (both languages) plus the off-topic examples: the matcher's training set. */
export function trainingExamples(catalogue: Catalogue): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const position of catalogue.positions) {
    for (const lang of ['ru', 'en'] as const) {
      const { title, examples: shown, training } = position[lang];
      for (const text of [title, ...shown, ...training]) examples.push({ label: position.id, text, lang });
    }
  }
  for (const lang of ['ru', 'en'] as const)
    for (const text of catalogue.offTopic[lang]) examples.push({ label: OFF_TOPIC, text, lang });
  return examples;
}

/** Learns the model from the catalogue at start-up: no weights on disk, no network. */
export function createMatcher(catalogue: Catalogue, options: Partial<MatcherOptions> = {}): Matcher {
  return trainMatcher(trainingExamples(catalogue), options);
}

export function trainMatcher(examples: TrainingExample[], overrides: Partial<MatcherOptions> = {}): Matcher {
  const options = { ...DEFAULT_MATCHER_OPTIONS, ...overrides };
  const space = new FeatureSpace(options.wordShare);
  const texts = examples.map((example) => trainingText(example));
  const features = texts.map((text) => extractFeatures(text));
  space.fit(features);
  const vocabulary = learnVocabulary(texts);

  const labels = [...new Set(examples.map((example) => example.label))];
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const exampleIndex = new InvertedIndex();
  const exampleLabel: number[] = [];
  const byLabel: SparseVector[][] = labels.map(() => []);
  features.forEach((feature, i) => {
    const vector = space.vectorize(feature);
    const label = labelIndex.get(examples[i]?.label ?? '') ?? 0;
    exampleIndex.add(vector);
    exampleLabel.push(label);
    byLabel[label]?.push(vector);
  });
  const centroidIndex = new InvertedIndex();
  for (const vector of centroids(byLabel)) centroidIndex.add(vector);
  exampleIndex.freeze();
  centroidIndex.freeze();

  const exampleScores = new Float64Array(exampleIndex.size);
  const centroidScores = new Float64Array(centroidIndex.size);

  function scoreSegment(text: string, best: Float64Array): void {
    const vector = space.vectorize(extractFeatures(text));
    exampleIndex.dot(vector, exampleScores);
    centroidIndex.dot(vector, centroidScores);
    const nearest = new Float64Array(labels.length);
    exampleScores.forEach((score, row) => {
      const label = exampleLabel[row] ?? 0;
      if (score > (nearest[label] ?? 0)) nearest[label] = score;
    });
    for (let label = 0; label < labels.length; label++) {
      const score =
        options.nearestShare * (nearest[label] ?? 0) +
        (1 - options.nearestShare) * (centroidScores[label] ?? 0);
      if (score > (best[label] ?? 0)) best[label] = score;
    }
  }

  function rank(input: string) {
    const cleaned = clean(input);
    const { lang, text } = detectLanguage(cleaned, vocabulary);
    const best = new Float64Array(labels.length);
    for (const segment of segments(text)) scoreSegment(segment, best);
    const scores = labels
      .map((id, i) => ({ id, score: best[i] ?? 0 }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return { lang, scores };
  }

  function match(input: string): MatchResult {
    const { lang, scores } = rank(input);
    const offTopic = scores.find((entry) => entry.id === OFF_TOPIC)?.score ?? 0;
    const candidates = scores.filter((entry) => entry.id !== OFF_TOPIC);
    const top = candidates[0]?.score ?? 0;
    if (top < options.threshold || top < offTopic * options.offTopicMargin) return { lang, positions: [] };
    const positions = candidates
      .filter((entry) => entry.score >= options.threshold && entry.score >= top * options.runnerUpRatio)
      .slice(0, MAX_RESULTS)
      .map((entry) => ({ id: entry.id, score: Math.round(entry.score * 100) / 100 }));
    return { lang, positions };
  }

  return { match, rank };
}

/** A training text cleaned as a query is; Russian typed in Latin letters read in Cyrillic. */
function trainingText(example: TrainingExample): string {
  const text = clean(example.text);
  if (example.lang !== 'ru') return text;
  const { cyrillic, latin } = countScripts(text);
  return latin > cyrillic ? latinToCyrillic(text) : text;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_WORD = /^[a-z']+$/;

/**
 * The stems of the training texts, Russian and English apart, for telling English from Russian typed in Latin
 * letters. Stop words count for their language; the few that are both ("a", "i", "to") count for both.
 */
function learnVocabulary(texts: string[]): Vocabulary {
  const russian = new Set<string>();
  const english = new Set<string>();
  for (const text of texts) {
    for (const word of words(text)) {
      if (STOPWORDS.has(word)) continue;
      if (LATIN_WORD.test(word)) english.add(stem(word));
      else if (CYRILLIC.test(word)) russian.add(stem(word));
    }
  }
  return {
    russian: (word) => (STOPWORDS.has(word) && CYRILLIC.test(word)) || russian.has(stem(word)),
    english: (word) => (STOPWORDS.has(word) && LATIN_WORD.test(word)) || english.has(stem(word)),
  };
}

/**
 * The whole text, and each sentence of it when there are several: a message can hold two positions, and each
 * scores better on its own sentence than diluted in the whole.
 */
function segments(text: string): string[] {
  const sentences = text
    .split(/(?<=[.!?…;])\s*|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => words(sentence).length >= 2);
  if (sentences.length <= 1) return [text];
  return [text, ...sentences.slice(0, MAX_SEGMENTS)];
}
