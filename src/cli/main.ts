import { CatalogueError } from '../catalogue/load.js';
import { botCommand } from './bot-command.js';
import { contentCommand, personasCommand, positionCommand, positionsCommand } from './catalogue-commands.js';
import { chatCommand } from './chat-command.js';
import { coachCommand } from './coach-command.js';
import { type Command, fail, UsageError, wantsJson } from './command.js';
import { countCommand } from './count/count-command.js';
import { evalCommand } from './eval-command.js';
import { guideCommand } from './guide/guide-command.js';
import { matchCommand } from './match-command.js';
import { reviewCommand } from './review-command.js';
import { serveCommand } from './serve-command.js';
import { statsCommand } from './stats-command.js';

const COMMANDS: Command[] = [
  serveCommand,
  chatCommand,
  matchCommand,
  coachCommand,
  evalCommand,
  positionsCommand,
  positionCommand,
  personasCommand,
  contentCommand,
  statsCommand,
  reviewCommand,
  countCommand,
  guideCommand,
  botCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  return [
    'sobesednik — practise talking with a relative who repeats state TV, without a fight',
    '',
    'usage: sobesednik [<command>] [options]   (no command: serve)',
    '',
    ...COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    'Every --json error is {"error": "..."} on stdout with a non-zero exit.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = wantsJson(argv);
  // With no command, the product itself: `npm start` serves the web page (and the bot when configured).
  if (name === undefined) return serveCommand.run([]);
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) return fail(`unknown command '${name}' (see: sobesednik --help)`, json);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(
      command.help ? `${command.help}\n` : `usage: sobesednik ${command.usage}\n  ${command.summary}\n`,
    );
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, json);
    if (error instanceof CatalogueError) return fail(`the catalogue is invalid:\n${error.message}`, json);
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
