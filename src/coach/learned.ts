import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from '../matcher/normalize.js';
import { letterScripts } from './detect.js';
import { EMPATHIC_KINDS, type MarkerKind, TOXIC_KINDS } from './markers.js';
import { isTranslit, toCyrillic } from './translit.js';

// A small learned layer under the rules. The rules name moves by their words, and a reply that says the same thing
// in other words slips past them: "you absolute muppet", "ну ты и тормоз". A multinomial logistic regression over
// words, word pairs and character n-grams, trained at start-up from content/coach-training.jsonl (replies written
// for this purpose, none taken from the evaluation sets), hears the tone of such a reply. It has no weights on
// disk and no network; the rules stay the judge, and the coach asks this model only where the rules found nothing.

export const VERDICT_CLASSES = ['toxic', 'neutral', 'empathic'] as const;
export type ToneVerdict = (typeof VERDICT_CLASSES)[number];

const KINDS = [...TOXIC_KINDS, ...EMPATHIC_KINDS] as const;

const exampleSchema = z.strictObject({
  text: z.string().min(1),
  lang: z.enum(['ru', 'en']),
  verdict: z.enum(VERDICT_CLASSES),
  kind: z.enum(KINDS).optional(),
});

export type ToneExample = z.infer<typeof exampleSchema>;

/** Malformed JSON fails the schema check below, so that it too is reported with its line number. */
function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Reads the training replies; a bad line stops start-up with its number, as the catalogue does. */
export function readToneExamples(file: string): ToneExample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = exampleSchema.safeParse(parseLine(line));
      if (!parsed.success)
        throw new Error(`${file}:${number}: ${parsed.error.issues[0]?.message ?? 'bad line'}`);
      return parsed.data;
    });
}

/** The text a reply is read as: folded, and Russian in Latin letters read in Cyrillic, as the rules read it. */
export function toneReading(text: string): string {
  const folded = fold(text);
  const { cyrillic, latin } = letterScripts(folded);
  return cyrillic === 0 && latin > 0 && isTranslit(folded) ? toCyrillic(folded) : folded;
}

// Features are hashed into a fixed table rather than kept as strings: judging builds no strings for them, and
// the table (2^18 rows) is small enough that two features rarely share a row.
const BITS = 18;
const ROWS = 1 << BITS;
const WORD = 0x9e3779b1;
const PAIR = 0x85ebca6b;
const GRAM = 0xc2b2ae35;
const SIGN = 0x27d4eb2f;

function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}

const LETTER = /[\p{L}\p{N}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** Letters and digits: the common ones by their codes, the rest by their Unicode class. */
function isLetterOrDigit(code: number, text: string, at: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x430 && code <= 0x44f))
    return true;
  if (code < 0x80 || code === 0x20) return false;
  return LETTER.test(text.charAt(at));
}

function addWord(rows: number[], text: string, start: number, end: number, previous: number): number {
  let word = WORD;
  for (let i = start; i < end; i++) word = mix(word, text.charCodeAt(i));
  rows.push((word >>> 0) & (ROWS - 1));
  if (previous !== 0) rows.push(((mix(previous, word) ^ PAIR) >>> 0) & (ROWS - 1));
  // The word between edge marks: code 1 before it and code 2 after it.
  const length = end - start + 2;
  for (let n = 3; n <= 5; n++) {
    for (let first = 0; first + n <= length; first++) {
      let hash = GRAM + n;
      for (let i = first; i < first + n; i++) {
        hash = mix(hash, i === 0 ? 1 : i === length - 1 ? 2 : text.charCodeAt(start + i - 1));
      }
      rows.push((hash >>> 0) & (ROWS - 1));
    }
  }
  return word;
}

/**
 * Words, neighbouring word pairs and the character 3–5-grams of each word with its edges marked (the grams
 * carry Russian endings and typos), and the marks that carry tone: "?", "!", ")" and emoji; each is a row of the
 * hashed table. Read in one pass over the characters: a regular expression per reply cost more than the model.
 */
export function toneFeatures(reading: string): number[] {
  const rows: number[] = [];
  let previous = 0;
  let i = 0;
  while (i < reading.length) {
    const code = reading.charCodeAt(i);
    if (isLetterOrDigit(code, reading, i)) {
      let end = i + 1;
      for (;;) {
        const next = reading.charCodeAt(end);
        if (end < reading.length && isLetterOrDigit(next, reading, end)) end++;
        else if (
          (next === 0x27 || next === 0x2d) &&
          isLetterOrDigit(reading.charCodeAt(end + 1), reading, end + 1)
        )
          end += 2;
        else break;
      }
      previous = addWord(rows, reading, i, end, previous);
      i = end;
      continue;
    }
    if (code === 0x3f || code === 0x21 || code === 0x29 || code === 0x28) {
      rows.push((mix(SIGN, code) >>> 0) & (ROWS - 1));
    } else if (code >= 0x2000) {
      const point = reading.codePointAt(i) ?? code;
      if (PICTOGRAPH.test(String.fromCodePoint(point))) rows.push((mix(SIGN, point) >>> 0) & (ROWS - 1));
      if (point > 0xffff) i++;
    }
    i++;
  }
  return rows;
}

interface Softmax {
  classes: number;
  /** weights[row * classes + class] */
  weights: Float32Array;
  bias: Float64Array;
}

function scoresOf(model: Softmax, rows: readonly number[]): Float64Array {
  const scores = Float64Array.from(model.bias);
  for (const row of rows) {
    for (let c = 0; c < model.classes; c++)
      scores[c] = (scores[c] ?? 0) + (model.weights[row * model.classes + c] ?? 0);
  }
  let max = Number.NEGATIVE_INFINITY;
  for (const score of scores) max = Math.max(max, score);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp((scores[c] ?? 0) - max);
    sum += scores[c] ?? 0;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) / sum;
  return scores;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 5, rate: 0.02, l2: 0.01 };

/**
 * Multinomial logistic regression by AdaGrad over the examples in a fixed pseudo-random order (the same model on
 * every start). Features are binary: a word said twice says no more than once.
 */
function trainSoftmax(
  examples: { rows: readonly number[]; label: number }[],
  classes: number,
  options: TrainOptions,
): Softmax {
  const weights = new Float32Array(ROWS * classes);
  const squares = new Float32Array(ROWS * classes).fill(1e-8);
  const bias = new Float64Array(classes);
  const biasSquares = new Float64Array(classes).fill(1e-8);
  const order = examples.map((_, i) => i);
  let seed = 20240531;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const scores = new Float64Array(classes);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const position of order) {
      const example = examples[position];
      if (!example) continue;
      scores.set(bias);
      for (const row of example.rows) {
        for (let c = 0; c < classes; c++) scores[c] = (scores[c] ?? 0) + (weights[row * classes + c] ?? 0);
      }
      let max = Number.NEGATIVE_INFINITY;
      for (const score of scores) max = Math.max(max, score);
      let sum = 0;
      for (let c = 0; c < classes; c++) {
        scores[c] = Math.exp((scores[c] ?? 0) - max);
        sum += scores[c] ?? 0;
      }
      for (let c = 0; c < classes; c++) {
        const gradient = (scores[c] ?? 0) / sum - (c === example.label ? 1 : 0);
        biasSquares[c] = (biasSquares[c] ?? 0) + gradient * gradient;
        bias[c] = (bias[c] ?? 0) - (options.rate * gradient) / Math.sqrt(biasSquares[c] ?? 1);
        for (const row of example.rows) {
          const at = row * classes + c;
          const g = gradient + options.l2 * (weights[at] ?? 0);
          squares[at] = (squares[at] ?? 0) + g * g;
          weights[at] = (weights[at] ?? 0) - (options.rate * g) / Math.sqrt(squares[at] ?? 1);
        }
      }
    }
  }
  return { classes, weights, bias };
}

interface KindModel {
  /** The kinds of the training replies, in the order they first occur. */
  kinds: readonly MarkerKind[];
  /** The scores of the kinds at the given indices of `kinds`, in that order. */
  scores(features: readonly number[], chosen: readonly number[]): number[];
}

/**
 * Which move a reply makes, by multinomial naive Bayes over the same features: it only names the marker when the
 * verdict model has already spoken, so one counting pass is enough.
 */
function trainKinds(rows: { features: readonly number[]; kind: MarkerKind }[]): KindModel {
  const counts = new Map<MarkerKind, Map<number, number>>();
  const totals = new Map<MarkerKind, number>();
  const vocabulary = new Set<number>();
  for (const { features, kind } of rows) {
    const table = counts.get(kind) ?? new Map<number, number>();
    counts.set(kind, table);
    for (const feature of features) {
      table.set(feature, (table.get(feature) ?? 0) + 1);
      totals.set(kind, (totals.get(kind) ?? 0) + 1);
      vocabulary.add(feature);
    }
  }
  const kinds = [...counts.keys()];
  const priors = kinds.map((kind) => Math.log(rows.filter((row) => row.kind === kind).length / rows.length));
  const denominators = kinds.map((kind) => Math.log((totals.get(kind) ?? 0) + vocabulary.size));
  // The counts as a table, a row per feature of the vocabulary and a column per kind, with log(count + 1) worked
  // out once per count rather than on every judgement.
  const rowOf = new Int32Array(ROWS).fill(-1);
  let rowCount = 0;
  for (const feature of vocabulary) rowOf[feature] = rowCount++;
  const table = new Uint32Array(rowCount * kinds.length);
  let most = 0;
  kinds.forEach((kind, k) => {
    for (const [feature, count] of counts.get(kind) ?? []) {
      table[(rowOf[feature] ?? 0) * kinds.length + k] = count;
      most = Math.max(most, count);
    }
  });
  const logOf = Array.from({ length: most + 1 }, (_, count) => Math.log(count + 1));
  return {
    kinds,
    scores(features, chosen) {
      // The same terms, log(count + 1) − denominator, added in the same order as feature by feature per kind.
      const scores = chosen.map((k) => priors[k] as number);
      for (const feature of features) {
        const row = rowOf[feature] ?? -1;
        if (row < 0) continue;
        for (let i = 0; i < chosen.length; i++) {
          const k = chosen[i] as number;
          const count = table[row * kinds.length + k] as number;
          scores[i] = (scores[i] as number) + ((logOf[count] as number) - (denominators[k] as number));
        }
      }
      return scores;
    },
  };
}

export interface ToneModel {
  /** Probabilities of toxic, neutral and empathic for a reply's reading (see toneReading). */
  verdict(reading: string): Record<ToneVerdict, number>;
  /** The most likely move of a verdict's kinds in a reading: what a marker from this model is called. */
  kind(reading: string, verdict: 'toxic' | 'empathic'): MarkerKind;
}

export function trainTone(examples: ToneExample[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): ToneModel {
  const rows = examples.map((example) => ({ features: toneFeatures(toneReading(example.text)), example }));
  const verdictModel = trainSoftmax(
    rows.map(({ features, example }) => ({
      rows: features,
      label: VERDICT_CLASSES.indexOf(example.verdict),
    })),
    VERDICT_CLASSES.length,
    options,
  );
  const kindModel = trainKinds(
    rows.flatMap(({ features, example }) => (example.kind ? [{ features, kind: example.kind }] : [])),
  );
  const toxicKinds: ReadonlySet<string> = new Set(TOXIC_KINDS);
  const indices = (toxic: boolean) =>
    kindModel.kinds.flatMap((kind, k) => (toxicKinds.has(kind) === toxic ? [k] : []));
  const kindsOf = { toxic: indices(true), empathic: indices(false) };
  return {
    verdict(reading) {
      const p = scoresOf(verdictModel, toneFeatures(reading));
      return { toxic: p[0] ?? 0, neutral: p[1] ?? 0, empathic: p[2] ?? 0 };
    },
    kind(reading, verdict) {
      const chosen = kindsOf[verdict];
      const scores = kindModel.scores(toneFeatures(reading), chosen);
      let best: MarkerKind = verdict === 'toxic' ? 'contempt' : 'acknowledge-view';
      let bestScore = Number.NEGATIVE_INFINITY;
      chosen.forEach((k, i) => {
        const score = scores[i] as number;
        if (score <= bestScore) return;
        bestScore = score;
        best = kindModel.kinds[k] as MarkerKind;
      });
      return best;
    },
  };
}
