import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { clean, MAX_INPUT_CHARS } from '../matcher/normalize.js';
import { type Command, parse, printJson, UsageError } from './command.js';
import { mapJsonLines } from './jsonl.js';

export const matchCommand: Command = {
  name: 'match',
  usage: 'match TEXT [--json] | match --jsonl',
  summary: `which positions a relative's words express (text over ${MAX_INPUT_CHARS} characters is cut)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, jsonl: { type: 'boolean' } });
    const catalogue = loadCatalogue();
    const matcher = createMatcher(catalogue);
    if (values.jsonl) {
      await mapJsonLines(({ text }) => matcher.match(text));
      return 0;
    }
    const text = positionals.join(' ');
    if (clean(text) === '') throw new UsageError('the text is empty: usage: sobesednik match TEXT');
    const result = matcher.match(text);
    if (values.json) printJson(result);
    else if (result.positions.length === 0) process.stdout.write('no known position recognised\n');
    else {
      for (const { id, score } of result.positions) {
        const title = catalogue.position(id)?.[result.lang].title ?? id;
        process.stdout.write(`${score.toFixed(2)}  ${id.padEnd(26)} ${title}\n`);
      }
    }
    return 0;
  },
};
