import path from 'node:path';
import { loadCatalogue } from '../catalogue/load.js';
import { createCoach } from '../coach/coach.js';
import { evaluateCoach, readCoachCases, renderCoachReport } from '../coach/evaluate.js';
import { createEngine } from '../dialogue/engine.js';
import {
  evaluateFrontDoor,
  type FrontDoorReport,
  readFrontDoorCases,
} from '../dialogue/evaluate-front-door.js';
import { questionExamples } from '../guide/questions.js';
import { evaluateMatcher, type MatchReport, readMatchCases } from '../matcher/evaluate.js';
import { createMatcher, trainMatcher } from '../matcher/matcher.js';
import { type Command, parse, printJson, UsageError } from './command.js';

function renderMatchReport(report: MatchReport, label: 'position' | 'topic'): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `cases: ${report.cases} (${report.onTopic} on a ${label}, ${report.offTopic} off-topic)`,
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

function renderFrontDoorReport(report: FrontDoorReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  return [
    `cases: ${report.cases}`,
    `right part:            ${percent(report.part)}`,
    `right part and answer: ${percent(report.answer)}`,
    ...Object.entries(report.byPart).map(
      ([part, { cases, part: right }]) => `  ${part.padEnd(6)} ${right}/${cases} routed right`,
    ),
    `the other part offered its answer too: ${report.offeredBoth}`,
    '',
    'wrong routes (expected → got):',
    ...report.confusions.map((c) => `  ${String(c.count).padStart(3)}  ${c.expected} → ${c.got}`),
  ].join('\n');
}

function readCases<T>(read: (file: string) => T[], file: string): T[] {
  try {
    return read(file);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export const evalCommand: Command = {
  name: 'eval',
  usage: 'eval match|coach|guide|front-door [--file F] [--json]',
  summary: 'accuracy on a labelled evaluation set (default: content/eval)',
  run(argv) {
    const { values, positionals } = parse(argv, { file: { type: 'string' }, json: { type: 'boolean' } });
    const what = positionals[0];
    if (what !== 'match' && what !== 'coach' && what !== 'guide' && what !== 'front-door')
      throw new UsageError('usage: sobesednik eval match|coach|guide|front-door [--file F] [--json]');
    const catalogue = loadCatalogue();
    const file = values.file
      ? path.resolve(values.file)
      : path.join(catalogue.dir, 'eval', what === 'front-door' ? 'holdout' : '', `${what}.jsonl`);
    if (what === 'front-door') {
      // Where typed text goes: talk, the guide or neither (dialogue/engine.ts), on the engine as the bot runs it.
      const matcher = createMatcher(catalogue);
      const engine = createEngine({ catalogue, matcher, coach: createCoach(catalogue, matcher) });
      const report = evaluateFrontDoor(engine, readCases(readFrontDoorCases, file), new Date());
      if (values.json) printJson(report);
      else process.stdout.write(`${renderFrontDoorReport(report)}\n`);
      return 0;
    }
    if (what === 'guide') {
      // The guide's question matcher (guide/questions.ts), scored as the talk matcher is.
      const report = evaluateMatcher(
        trainMatcher(questionExamples(catalogue)),
        readCases(readMatchCases, file),
      );
      if (values.json) printJson(report);
      else process.stdout.write(`${renderMatchReport(report, 'topic')}\n`);
      return 0;
    }
    const matcher = createMatcher(catalogue);
    if (what === 'match') {
      const report = evaluateMatcher(matcher, readCases(readMatchCases, file));
      if (values.json) printJson(report);
      else process.stdout.write(`${renderMatchReport(report, 'position')}\n`);
    } else {
      const report = evaluateCoach(createCoach(catalogue, matcher), readCases(readCoachCases, file));
      if (values.json) printJson(report);
      else process.stdout.write(`${renderCoachReport(report)}\n`);
    }
    return 0;
  },
};
