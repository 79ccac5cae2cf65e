import { ConfigError, readConfig } from '../../app/config.js';
import { type Command, parse, UsageError } from '../command.js';
import { withStore } from '../stats-command.js';
import { addElection } from './election-add.js';
import { withCounting } from './elections.js';
import { invite } from './invite.js';
import { type ImportKind, importResults, printReport, withResults } from './results.js';
import { exclude, review } from './review.js';
import { importStations, listStations } from './stations.js';

// `sobesednik count …`: what coordinators do before election day — add an election, import its stations, hand
// out invite codes. Every subcommand takes --json (one object on stdout; errors as {"error": …}).

const USAGE = [
  'count election add FILE.yaml [--json]',
  'count stations import FILE.csv --election ID [--json]',
  'count stations --election ID [--json]',
  'count invite --election ID --station N [--role volunteer|coordinator] [--n K] [--json]',
  'count official import FILE.csv --election ID [--json]',
  'count tallies import FILE.csv --election ID [--json]',
  'count exitpoll import FILE --election ID --format voteabroad [--json]',
  'count report --election ID [--json]',
  'count review --election ID --station N [--json]',
  'count exclude --election ID --station N --volunteer ID [--undo] [--json]',
];

const HELP = `usage:
${USAGE.map((line) => `  sobesednik ${line}`).join('\n')}

  election add      load an election that is not in the catalogue (the same id again replaces it)
  stations import   add or update an election's stations from a CSV file (count-spec.md's columns);
                    a file with any problem is refused whole, each problem named by line and column
  stations          list an election's stations
  invite            make K single-use invite codes for a station, each with a web and a Telegram link;
                    they work until the day after the election's last day ends everywhere, and at least a week
  official import   the official results per station (station,ballots,<answer ids except removed, declined>)
  tallies import    paper tallies (station,door,volunteer,from,to,count); the volunteer label is kept only hashed
  exitpoll import   Vote Abroad's published exit poll (v3 of the 2024 file)
                    each import is refused whole on any problem; importing again replaces the stations' rows
  report            per station: counted with coverage, official figures, exit-poll shares with their 95%
                    bounds, and the flags where they part; a table to paste, or --json (count-spec.md's object)
  review            one station's volunteers side by side: each one's count per door and 15-minute bucket,
                    the median the figures use, buckets where they disagree, events kept but not counted,
                    and the exclusion log
  exclude           leave one volunteer's data out of the station's figures (kept, logged as "admin (cli)");
                    --undo counts it again

Settings: DATABASE_URL; PUBLIC_URL and TELEGRAM_BOT_USERNAME for the links invite prints.`;

const json = { type: 'boolean' } as const;
const election = { type: 'string' } as const;

function positionals(given: string[], expected: number, usage: string): string[] {
  if (given.length !== expected) throw new UsageError(`usage: sobesednik ${usage}`);
  return given;
}

async function run(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  if (group === 'election') {
    const { values, positionals: args } = parse(rest, { json });
    const [action, file] = positionals(args, 2, USAGE[0] as string);
    if (action !== 'add') throw new UsageError(`usage: sobesednik ${USAGE[0]}`);
    return withStore(values.json === true, ({ count }) =>
      addElection(count, file as string, values.json === true),
    );
  }
  if (group === 'stations') {
    const { values, positionals: args } = parse(rest, { json, election });
    const asJson = values.json === true;
    if (args.length === 0)
      return withCounting(asJson, (counting) => listStations(counting, values.election, asJson));
    const [action, file] = positionals(args, 2, USAGE[1] as string);
    if (action !== 'import') throw new UsageError(`usage: sobesednik ${USAGE[1]}`);
    return withCounting(asJson, (counting) =>
      importStations(counting, file as string, values.election, asJson),
    );
  }
  if (group === 'invite') {
    const { values, positionals: args } = parse(rest, {
      json,
      election,
      station: { type: 'string' },
      role: { type: 'string' },
      n: { type: 'string' },
    });
    positionals(args, 0, USAGE[3] as string);
    let config: ReturnType<typeof readConfig>;
    try {
      config = readConfig(process.env);
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    return withCounting(values.json === true, (counting) =>
      invite(counting, config, { ...values, json: values.json === true }),
    );
  }
  if (group === 'official' || group === 'tallies' || group === 'exitpoll') {
    const usage = USAGE[group === 'official' ? 4 : group === 'tallies' ? 5 : 6] as string;
    const { values, positionals: args } = parse(rest, { json, election, format: { type: 'string' } });
    const [action, file] = positionals(args, 2, usage);
    if (action !== 'import') throw new UsageError(`usage: sobesednik ${usage}`);
    if (group === 'exitpoll' && values.format !== 'voteabroad')
      throw new UsageError(`which format? give --format voteabroad (usage: sobesednik ${usage})`);
    if (group !== 'exitpoll' && values.format !== undefined)
      throw new UsageError(`--format is for exitpoll import only (usage: sobesednik ${usage})`);
    const asJson = values.json === true;
    return withResults(asJson, (context) =>
      importResults(context, group as ImportKind, file as string, values.election, asJson),
    );
  }
  if (group === 'report') {
    const { values, positionals: args } = parse(rest, { json, election });
    positionals(args, 0, USAGE[7] as string);
    const asJson = values.json === true;
    return withResults(asJson, (context) => printReport(context, values.election, asJson));
  }
  if (group === 'review') {
    const { values, positionals: args } = parse(rest, { json, election, station: { type: 'string' } });
    positionals(args, 0, USAGE[8] as string);
    return review(values, values.json === true);
  }
  if (group === 'exclude') {
    const { values, positionals: args } = parse(rest, {
      json,
      election,
      station: { type: 'string' },
      volunteer: { type: 'string' },
      undo: { type: 'boolean' },
    });
    positionals(args, 0, USAGE[9] as string);
    return exclude({ ...values, undo: values.undo === true }, values.json === true);
  }
  throw new UsageError(
    group === undefined
      ? 'which count command? election add, stations import, stations, invite, official import, tallies import, exitpoll import, report, review or exclude (see: sobesednik count --help)'
      : `unknown count command '${group}' (see: sobesednik count --help)`,
  );
}

export const countCommand: Command = {
  name: 'count',
  usage: 'count election|stations|invite|official|tallies|exitpoll|report|review|exclude …',
  summary:
    'coordinators: set an election up, make invite codes, import results, review a station, print the report (see count --help)',
  help: HELP,
  run,
};
