import { z } from 'zod';
import { readEvalFile } from '../catalogue/eval-file.js';
import type { Coach, Verdict } from './coach.js';

const VERDICTS = ['toxic', 'neutral', 'empathic'] as const satisfies readonly Verdict[];

const caseSchema = z.strictObject({
  text: z.string(),
  context: z.string().optional(),
  lang: z.enum(['ru', 'en']),
  verdict: z.enum(VERDICTS),
  note: z.string().optional(),
});

export type CoachCase = z.infer<typeof caseSchema>;

export function readCoachCases(file: string): CoachCase[] {
  return readEvalFile(file, caseSchema, 'a coach case');
}

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface CoachReport {
  cases: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<Verdict, ClassScore>;
  /** confusion[expected][predicted] = count */
  confusion: Record<Verdict, Record<Verdict, number>>;
  mistakes: { text: string; expected: Verdict; got: Verdict }[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function evaluateCoach(coach: Coach, cases: CoachCase[]): CoachReport {
  const confusion = Object.fromEntries(
    VERDICTS.map((expected) => [expected, Object.fromEntries(VERDICTS.map((got) => [got, 0]))]),
  ) as Record<Verdict, Record<Verdict, number>>;
  const mistakes: CoachReport['mistakes'] = [];
  for (const testCase of cases) {
    const got = coach.judge(testCase.text, { context: testCase.context, lang: testCase.lang }).verdict;
    confusion[testCase.verdict][got]++;
    if (got !== testCase.verdict) mistakes.push({ text: testCase.text, expected: testCase.verdict, got });
  }
  const perClass = Object.fromEntries(
    VERDICTS.map((verdict) => {
      const truePositive = confusion[verdict][verdict];
      const predicted = VERDICTS.reduce((sum, expected) => sum + confusion[expected][verdict], 0);
      const support = VERDICTS.reduce((sum, got) => sum + confusion[verdict][got], 0);
      const precision = predicted === 0 ? 0 : truePositive / predicted;
      const recall = support === 0 ? 0 : truePositive / support;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return [verdict, { precision: round(precision), recall: round(recall), f1: round(f1), support }];
    }),
  ) as Record<Verdict, ClassScore>;
  const correct = VERDICTS.reduce((sum, verdict) => sum + confusion[verdict][verdict], 0);
  return {
    cases: cases.length,
    accuracy: round(cases.length === 0 ? 0 : correct / cases.length),
    macroF1: round(VERDICTS.reduce((sum, verdict) => sum + perClass[verdict].f1, 0) / VERDICTS.length),
    perClass,
    confusion,
    mistakes,
  };
}

export function renderCoachReport(report: CoachReport): string {
  const pad = (value: string | number, width = 10) => String(value).padStart(width);
  const lines = [
    `cases: ${report.cases}   accuracy: ${report.accuracy.toFixed(3)}   macro-F1: ${report.macroF1.toFixed(3)}`,
    '',
    `${'class'.padEnd(10)}${pad('precision')}${pad('recall')}${pad('F1')}${pad('support')}`,
    ...VERDICTS.map((verdict) => {
      const score = report.perClass[verdict];
      return `${verdict.padEnd(10)}${pad(score.precision.toFixed(3))}${pad(score.recall.toFixed(3))}${pad(score.f1.toFixed(3))}${pad(score.support)}`;
    }),
    '',
    `confusion (rows: expected, columns: predicted)`,
    `${''.padEnd(10)}${VERDICTS.map((v) => pad(v)).join('')}`,
    ...VERDICTS.map(
      (expected) =>
        `${expected.padEnd(10)}${VERDICTS.map((got) => pad(report.confusion[expected][got])).join('')}`,
    ),
  ];
  return lines.join('\n');
}
