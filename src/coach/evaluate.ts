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
  /** What kind of text it is ("forum-ru", "support-en"…): the report breaks its figures down by it. */
  genre: z.string().optional(),
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
  mistakes: { text: string; expected: Verdict; got: Verdict; genre?: string }[];
  /** The figures a toxicity filter is judged by, per language and per genre (cases without one are left out). */
  groups: GroupScore[];
}

/** Toxic against not toxic in one slice of the cases, and what became of the warm replies in it. */
export interface GroupScore {
  /** "lang ru", "genre forum-ru". */
  group: string;
  cases: number;
  toxic: ClassScore;
  /** Of the replies labelled empathic: the share judged toxic, and the share judged empathic. */
  empathicToToxic?: number;
  empathicToEmpathic?: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function score(truePositive: number, predicted: number, support: number): ClassScore {
  const precision = predicted === 0 ? 0 : truePositive / predicted;
  const recall = support === 0 ? 0 : truePositive / support;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1), support };
}

function groupScore(group: string, judged: { expected: Verdict; got: Verdict }[]): GroupScore {
  const count = (test: (one: { expected: Verdict; got: Verdict }) => boolean) => judged.filter(test).length;
  const toxic = score(
    count((one) => one.expected === 'toxic' && one.got === 'toxic'),
    count((one) => one.got === 'toxic'),
    count((one) => one.expected === 'toxic'),
  );
  const empathic = count((one) => one.expected === 'empathic');
  const result: GroupScore = { group, cases: judged.length, toxic };
  if (empathic > 0) {
    result.empathicToToxic = round(
      count((one) => one.expected === 'empathic' && one.got === 'toxic') / empathic,
    );
    result.empathicToEmpathic = round(
      count((one) => one.expected === 'empathic' && one.got === 'empathic') / empathic,
    );
  }
  return result;
}

/** The slices: each language, then each genre, in the order they first occur. */
function groupsOf(judged: { testCase: CoachCase; got: Verdict }[]): GroupScore[] {
  const slices = new Map<string, { expected: Verdict; got: Verdict }[]>();
  for (const { testCase, got } of judged) {
    const keys = [`lang ${testCase.lang}`, ...(testCase.genre ? [`genre ${testCase.genre}`] : [])];
    for (const key of keys) {
      const slice = slices.get(key) ?? [];
      slice.push({ expected: testCase.verdict, got });
      slices.set(key, slice);
    }
  }
  return [...slices]
    .sort(([a], [b]) => Number(a.startsWith('genre')) - Number(b.startsWith('genre')))
    .map(([group, slice]) => groupScore(group, slice));
}

export function evaluateCoach(coach: Coach, cases: CoachCase[]): CoachReport {
  const confusion = Object.fromEntries(
    VERDICTS.map((expected) => [expected, Object.fromEntries(VERDICTS.map((got) => [got, 0]))]),
  ) as Record<Verdict, Record<Verdict, number>>;
  const mistakes: CoachReport['mistakes'] = [];
  const judged: { testCase: CoachCase; got: Verdict }[] = [];
  for (const testCase of cases) {
    const got = coach.judge(testCase.text, { context: testCase.context, lang: testCase.lang }).verdict;
    confusion[testCase.verdict][got]++;
    judged.push({ testCase, got });
    if (got !== testCase.verdict)
      mistakes.push({
        text: testCase.text,
        expected: testCase.verdict,
        got,
        ...(testCase.genre && { genre: testCase.genre }),
      });
  }
  const perClass = Object.fromEntries(
    VERDICTS.map((verdict) => {
      const truePositive = confusion[verdict][verdict];
      const predicted = VERDICTS.reduce((sum, expected) => sum + confusion[expected][verdict], 0);
      const support = VERDICTS.reduce((sum, got) => sum + confusion[verdict][got], 0);
      return [verdict, score(truePositive, predicted, support)];
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
    groups: groupsOf(judged),
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
  if (report.groups.length > 1) {
    const rate = (value: number | undefined) => pad(value === undefined ? '-' : value.toFixed(3), 9);
    lines.push(
      '',
      `toxic vs not, and the warm replies (emp→tox, emp→emp), by slice`,
      `${'slice'.padEnd(22)}${pad('cases', 6)}${pad('precision')}${pad('recall')}${pad('F1', 7)}${pad('emp→tox', 9)}${pad('emp→emp', 9)}`,
      ...report.groups.map(
        (group) =>
          `${group.group.padEnd(22)}${pad(group.cases, 6)}${pad(group.toxic.precision.toFixed(3))}${pad(group.toxic.recall.toFixed(3))}${pad(group.toxic.f1.toFixed(3), 7)}${rate(group.empathicToToxic)}${rate(group.empathicToEmpathic)}`,
      ),
    );
  }
  return lines.join('\n');
}
