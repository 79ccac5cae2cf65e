import { loadCatalogue } from '../../catalogue/load.js';
import { createQuestionMatcher } from '../../guide/questions.js';
import { renderTopic, topicView } from '../../guide/topics.js';
import { clean } from '../../matcher/normalize.js';
import { type Command, parse, parseLang, printJson, UsageError } from '../command.js';
import { mapJsonLines } from '../jsonl.js';

// `sobesednik guide …`: how to vote from abroad (guide-spec.md). Every subcommand takes --json.

const USAGE = [
  'guide topics [--lang ru|en] [--json]',
  'guide topic ID [--lang ru|en] [--election ID] [--json]',
];

const HELP = `usage:
${USAGE.map((line) => `  sobesednik ${line}`).join('\n')}

  topics   the guide's topics: who may vote from abroad, documents, stations, days, registering ahead, the
           ballot, online voting, safety, the queue, coming together, volunteering, results
  topic    one topic: what to do, the details, and every fact with its source and the day it was checked;
           --election ID keeps the facts about that election and adds what differs for it
  ask      which topics a question is about, at most three, best first; none when the text is not a practical
           question about voting (what a relative says about elections is talk's: see sobesednik match)`;

async function ask(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, jsonl: { type: 'boolean' } });
  const catalogue = loadCatalogue();
  const matcher = createQuestionMatcher(catalogue);
  if (values.jsonl) {
    await mapJsonLines(({ text }) => matcher.ask(text));
    return 0;
  }
  const text = positionals.join(' ');
  if (clean(text) === '') throw new UsageError(`the text is empty: usage: sobesednik ${USAGE[2]}`);
  const result = matcher.ask(text);
  if (values.json) printJson(result);
  else if (result.topics.length === 0) process.stdout.write('not a question the guide answers\n');
  else
    for (const { id, score } of result.topics) {
      const title = catalogue.guide.find((topic) => topic.id === id)?.[result.lang].title ?? id;
      process.stdout.write(`${score.toFixed(2)}  ${id.padEnd(18)} ${title}\n`);
    }
  return 0;
}

function topics(argv: string[]): number {
  const { values, positionals } = parse(argv, { lang: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`usage: sobesednik ${USAGE[0]}`);
  const lang = parseLang(values.lang);
  const list = loadCatalogue().guide.map((topic) => ({ id: topic.id, title: topic[lang].title }));
  if (values.json) printJson(list);
  else for (const { id, title } of list) process.stdout.write(`${id.padEnd(18)} ${title}\n`);
  return 0;
}

function topic(argv: string[]): number {
  const { values, positionals } = parse(argv, {
    lang: { type: 'string' },
    election: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError(`which topic? usage: sobesednik ${USAGE[1]}`);
  const lang = parseLang(values.lang);
  const catalogue = loadCatalogue();
  const found = catalogue.guide.find((candidate) => candidate.id === id);
  if (!found) throw new UsageError(`unknown topic '${id}' (see: sobesednik guide topics)`);
  if (values.election !== undefined && !catalogue.elections.some((e) => e.id === values.election))
    throw new UsageError(
      `unknown election '${values.election}' (known: ${catalogue.elections.map((e) => e.id).join(', ')})`,
    );
  const view = topicView(found, lang, values.election);
  if (values.json) printJson(view);
  else process.stdout.write(`${renderTopic(view, lang)}\n`);
  return 0;
}

export const guideCommand: Command = {
  name: 'guide',
  usage: 'guide topics|topic|ask …',
  summary: 'how to vote from abroad: sourced, dated answers (see guide --help)',
  help: HELP,
  run([group, ...rest]) {
    if (group === 'topics') return topics(rest);
    if (group === 'topic') return topic(rest);
    if (group === 'ask') return ask(rest);
    throw new UsageError('which guide command? topics, topic or ask (see: sobesednik guide --help)');
  },
};
