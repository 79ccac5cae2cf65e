import { groupPhrasings } from '../store/phrasing-groups.js';
import { type Command, parse, printJson } from './command.js';
import { withStore } from './stats-command.js';

export const reviewCommand: Command = {
  name: 'review',
  usage: 'review [--json]',
  summary: 'phrasings users shared because nothing matched, grouped by similarity, most frequent first',
  async run(argv) {
    const { values } = parse(argv, { json: { type: 'boolean' } });
    const json = values.json === true;
    return withStore(json, async ({ talk }) => {
      const phrasings = await talk.sharedPhrasings();
      const groups = groupPhrasings(phrasings);
      if (json) {
        printJson({ phrasings: phrasings.length, groups });
        return 0;
      }
      if (groups.length === 0) {
        process.stdout.write('No shared phrasings yet.\n');
        return 0;
      }
      const lines = [`${phrasings.length} shared phrasings in ${groups.length} groups, most frequent first`];
      for (const group of groups) {
        const days =
          group.firstDay === group.lastDay ? group.firstDay : `${group.firstDay} … ${group.lastDay}`;
        lines.push(
          '',
          `${String(group.size).padStart(4)}×  ${group.example}   [${group.langs.join(', ')}; ${days}]`,
        );
        if (group.variants.length > 1)
          for (const variant of group.variants)
            lines.push(`${String(variant.count).padStart(10)}×  ${variant.text}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    });
  },
};
