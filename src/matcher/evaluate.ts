import { z } from 'zod';
import { readEvalFile } from '../catalogue/eval-file.js';
import type { Matcher } from './matcher.js';

const caseSchema = z.strictObject({
  text: z.string(),
  lang: z.enum(['ru', 'en']),
  expected: z.array(z.string()),
  note: z.string().optional(),
});

export type MatchCase = z.infer<typeof caseSchema>;

/** Reads a JSONL evaluation file; a malformed line is an error naming its line number. */
export function readMatchCases(file: string): MatchCase[] {
  return readEvalFile(file, caseSchema, 'a match case');
}

export interface Confusion {
  expected: string;
  got: string;
  count: number;
}

export interface MatchReport {
  cases: number;
  onTopic: number;
  offTopic: number;
  /** On-topic cases whose best reported position is one of the expected. */
  top1: number;
  /** On-topic cases with an expected position among those reported (at most three). */
  top3: number;
  /** Off-topic cases for which nothing was reported. */
  offTopicRejection: number;
  /** Language detected as labelled. */
  language: number;
  /** The most frequent mistakes of the best position ("none" when nothing was reported). */
  confusions: Confusion[];
}

export const NONE = 'none';

export function evaluateMatcher(matcher: Matcher, cases: MatchCase[]): MatchReport {
  let onTopic = 0;
  let top1 = 0;
  let top3 = 0;
  let rejected = 0;
  let language = 0;
  const confusions = new Map<string, Confusion>();
  for (const testCase of cases) {
    const result = matcher.match(testCase.text);
    if (result.lang === testCase.lang) language++;
    const ids = result.positions.map((position) => position.id);
    const best = ids[0] ?? NONE;
    if (testCase.expected.length === 0) {
      if (ids.length === 0) rejected++;
      else count(confusions, NONE, best);
      continue;
    }
    onTopic++;
    if (testCase.expected.includes(best)) top1++;
    else count(confusions, testCase.expected.join('+'), best);
    if (ids.some((id) => testCase.expected.includes(id))) top3++;
  }
  const offTopic = cases.length - onTopic;
  return {
    cases: cases.length,
    onTopic,
    offTopic,
    top1: ratio(top1, onTopic),
    top3: ratio(top3, onTopic),
    offTopicRejection: ratio(rejected, offTopic),
    language: ratio(language, cases.length),
    confusions: [...confusions.values()].sort(
      (a, b) => b.count - a.count || a.expected.localeCompare(b.expected),
    ),
  };
}

function count(confusions: Map<string, Confusion>, expected: string, got: string): void {
  const key = `${expected}→${got}`;
  const entry = confusions.get(key) ?? { expected, got, count: 0 };
  entry.count++;
  confusions.set(key, entry);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000;
}
