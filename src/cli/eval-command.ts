import path from 'node:path';
import { loadCatalogue } from '../catalogue/load.js';
import { evaluateMatcher, type MatchReport, readMatchCases } from '../matcher/evaluate.js';
import { createMatcher } from '../matcher/matcher.js';
import { type Command, parse, printJson, UsageError } from './command.js';

function renderMatchReport(report: MatchReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `cases: ${report.cases} (${report.onTopic} on a position, ${report.offTopic} off-topic)`,
    `top-1 accuracy:      ${percent(report.top1)}`,
    `top-3 accuracy:      ${percent(report.top3)}`,
    `off-topic rejection: ${percent(report.offTopicRejection)}`,
    `language detected:   ${percent(report.language)}`,
    '',
    'costliest confusions (expected → got):',
    ...report.confusions
      .slice(0, 15)
      .map((c) => `  ${String(c.count).padStart(3)}  ${c.expected} → ${c.got}`),
  ];
  return lines.join('\n');
}

export const evalCommand: Command = {
  name: 'eval',
  usage: 'eval match [--file F] [--json]',
  summary: 'accuracy on a labelled evaluation set (default: content/eval)',
  run(argv) {
    const { values, positionals } = parse(argv, { file: { type: 'string' }, json: { type: 'boolean' } });
    const catalogue = loadCatalogue();
    const what = positionals[0];
    if (what !== 'match') throw new UsageError('usage: sobesednik eval match [--file F] [--json]');
    const file = values.file ? path.resolve(values.file) : path.join(catalogue.dir, 'eval', 'match.jsonl');
    let cases: ReturnType<typeof readMatchCases>;
    try {
      cases = readMatchCases(file);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const report = evaluateMatcher(createMatcher(catalogue), cases);
    if (values.json) printJson(report);
    else process.stdout.write(`${renderMatchReport(report)}\n`);
    return 0;
  },
};
