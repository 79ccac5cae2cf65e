import path from 'node:path';
import { DEFAULT_CONTENT_DIR, formatProblem, loadCatalogue, readCatalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import { type PositionView, personaView, positionView } from '../catalogue/view.js';
import { type Command, parse, parseLang, printJson, UsageError } from './command.js';

const HEADINGS = {
  ru: {
    examples: 'Как это звучит',
    needs: 'Что за этим стоит',
    answers: 'Как ответить',
    relate: 'Понять',
    unite: 'Объединить',
    ask: 'Спросить',
    counterarguments: 'Факты',
    pitfalls: 'Чего не говорить',
    related: 'Связанные позиции',
  },
  en: {
    examples: 'How it sounds',
    needs: 'What lies beneath',
    answers: 'How to answer',
    relate: 'Relate',
    unite: 'Unite',
    ask: 'Ask',
    counterarguments: 'Facts',
    pitfalls: 'What not to say',
    related: 'Related positions',
  },
} as const;

function renderPosition(view: PositionView, lang: Lang): string {
  const h = HEADINGS[lang];
  const lines = [
    `${view.title}  [${view.id}]`,
    '',
    `${h.examples}:`,
    ...view.examples.map((e) => `  • ${e}`),
  ];
  lines.push('', `${h.needs}:`, ...view.needs.map((n) => `  • ${n}`), '', `${h.answers}:`);
  view.answers.forEach((answer, index) => {
    lines.push(`  ${index + 1}. ${h.relate}: ${answer.relate}`, `     ${h.unite}: ${answer.unite}`);
    lines.push(`     ${h.ask}: ${answer.ask}`);
  });
  lines.push('', `${h.counterarguments}:`);
  for (const { claim, source } of view.counterarguments) {
    lines.push(`  • ${claim}`, `    ${source.publisher}, «${source.title}», ${source.year}. ${source.url}`);
  }
  lines.push('', `${h.pitfalls}:`, ...view.pitfalls.map((p) => `  • ${p.avoid} — ${p.why}`));
  lines.push('', `${h.related}: ${view.related.join(', ')}`);
  return lines.join('\n');
}

export const positionsCommand: Command = {
  name: 'positions',
  usage: 'positions [--lang ru|en] [--json]',
  summary: 'list the positions of the catalogue',
  run(argv) {
    const { values } = parse(argv, { lang: { type: 'string' }, json: { type: 'boolean' } });
    const lang = parseLang(values.lang);
    const views = loadCatalogue().positions.map((position) => positionView(position, lang));
    if (values.json) printJson(views);
    else
      for (const view of views)
        process.stdout.write(`${view.group.padEnd(12)} ${view.id.padEnd(28)} ${view.title}\n`);
    return 0;
  },
};

export const positionCommand: Command = {
  name: 'position',
  usage: 'position ID [--lang ru|en] [--json]',
  summary: 'show one position: examples, answers, sourced facts, pitfalls',
  run(argv) {
    const { values, positionals } = parse(argv, { lang: { type: 'string' }, json: { type: 'boolean' } });
    const lang = parseLang(values.lang);
    const id = positionals[0];
    if (!id) throw new UsageError('which position? usage: sobesednik position ID');
    const position = loadCatalogue().position(id);
    if (!position) throw new UsageError(`unknown position '${id}' (see: sobesednik positions)`);
    const view = positionView(position, lang);
    if (values.json) printJson(view);
    else process.stdout.write(`${renderPosition(view, lang)}\n`);
    return 0;
  },
};

export const personasCommand: Command = {
  name: 'personas',
  usage: 'personas [--lang ru|en] [--json]',
  summary: 'list the simulated relatives for practice',
  run(argv) {
    const { values } = parse(argv, { lang: { type: 'string' }, json: { type: 'boolean' } });
    const lang = parseLang(values.lang);
    const views = loadCatalogue().personas.map((persona) => personaView(persona, lang));
    if (values.json) printJson(views);
    else {
      for (const view of views) {
        process.stdout.write(`${view.id.padEnd(12)} ${view.name}, ${view.age}: ${view.background}\n`);
        process.stdout.write(`${' '.repeat(13)}${view.positions.join(', ')}\n`);
      }
    }
    return 0;
  },
};

export const contentCommand: Command = {
  name: 'content',
  usage: 'content check [--dir DIR] [--subset] [--json]',
  summary: 'validate the catalogue; exit 1 naming file and field on any error',
  run(argv) {
    const { values, positionals } = parse(argv, {
      dir: { type: 'string' },
      subset: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals[0] !== 'check') throw new UsageError('usage: sobesednik content check [--dir DIR]');
    const dir = values.dir ? path.resolve(values.dir) : DEFAULT_CONTENT_DIR;
    const { catalogue, problems } = readCatalogue(dir, { contract: !values.subset });
    if (values.json) {
      printJson(
        catalogue
          ? {
              ok: true,
              positions: catalogue.positions.length,
              personas: catalogue.personas.length,
              elections: catalogue.elections.length,
              guideTopics: catalogue.guide.length,
            }
          : { ok: false, error: `${problems.length} problem(s) in the catalogue`, problems },
      );
    } else if (catalogue) {
      process.stdout.write(
        `content ok: ${catalogue.positions.length} positions, ${catalogue.personas.length} personas, ${catalogue.elections.length} elections, ${catalogue.guide.length} guide topics, ${catalogue.cities.length} cities for the station finder\n`,
      );
    } else {
      for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.stderr.write(`${problems.length} problem(s) in the catalogue\n`);
    }
    return catalogue ? 0 : 1;
  },
};
