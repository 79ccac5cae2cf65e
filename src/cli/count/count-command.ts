import { ConfigError, readConfig } from '../../app/config.js';
import { type Command, parse, UsageError } from '../command.js';
import { withStore } from '../stats-command.js';
import { addElection } from './election-add.js';
import { withCounting } from './elections.js';
import { EXPORT_FORMATS, type ExportFormat, exportOpenData } from './export.js';
import { exitpollCodes, withForms } from './forms.js';
import { invite } from './invite.js';
import { type ImportKind, importResults, printReport, withResults } from './results.js';
import { exclude, review } from './review.js';
import { importStations, listStations } from './stations.js';

// `sobesednik count …`: what coordinators do before election day — add an election, import its stations, hand
// out invite codes and exit-poll forms. Every subcommand takes --json (one object on stdout; errors as
// {"error": …}).

const USAGE = [
  'count election add FILE.yaml [--json]',
  'count stations import FILE.csv --election ID [--json]',
  'count stations --election ID [--json]',
  'count invite --election ID --station N [--role volunteer|coordinator] [--n K] [--json]',
  'count official import FILE.csv --election ID [--json]',
  'count tallies import FILE.csv --election ID [--json]',
  'count exitpoll import FILE --election ID --format voteabroad [--json]',
  'count exitpoll codes --election ID --station N --n K [--out DIR] [--json]',
  'count report --election ID [--json]',
  'count export --election ID --format csv|json [--out DIR] [--replace] [--with-exit-poll] [--json]',
  'count review --election ID --station N [--json]',
  'count exclude --election ID --station N --volunteer ID [--undo] [--json]',
];

/** A subcommand's usage line, by how it starts ("count export"). */
const usageOf = (command: string): string => USAGE.find((line) => line.startsWith(`${command} `)) ?? command;

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
  exitpoll codes    K single-use codes (1 to 2000) for voters to answer the exit poll on their own phones,
                    as A4 pages of QR cards to print and cut (forms-01.svg … in DIR, by default
                    ./exitpoll-forms-N/); each code counts one answer, once
  report            per station: counted with coverage, official figures, exit-poll shares with their 95%
                    bounds, and the flags where they part; a table to paste, or --json (count-spec.md's object)
  export            the open data: stations, 15-minute counts per door, queue reports, exit-poll answers and
                    official figures, with a README of the columns, its format version and licence.
                    csv: a folder (default ./ID-open-data) of CSV files and README.md; json: one object on
                    stdout, or DIR/export.json with --out. A folder is written whole or not at all; an
                    existing one is refused unless --replace is given and it holds only an earlier export.
                    The exit-poll answers follow the public rule (withheld until the last station closes)
                    unless --with-exit-poll is given: such an export is for coordinators, not to publish
  review            one station's volunteers side by side: each one's count per door and 15-minute bucket,
                    the median the figures use, buckets where they disagree, events kept but not counted,
                    and the exclusion log
  exclude           leave one volunteer's data out of the station's figures (kept, logged as "admin (cli)");
                    --undo counts it again

Settings: DATABASE_URL; PUBLIC_URL (the links invite and exitpoll codes make, and the address export's README
gives to cite); TELEGRAM_BOT_USERNAME (invite's Telegram links); OPEN_DATA_LICENCE (export's licence; CC BY 4.0
if not set).`;

const json = { type: 'boolean' } as const;
const election = { type: 'string' } as const;

/** The settings from the environment; a wrong one is the user's to fix, not a crash. */
function settings(): ReturnType<typeof readConfig> {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function positionals(given: string[], expected: number, usage: string): string[] {
  if (given.length !== expected) throw new UsageError(`usage: sobesednik ${usage}`);
  return given;
}

async function run(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  if (group === 'election') {
    const { values, positionals: args } = parse(rest, { json });
    const [action, file] = positionals(args, 2, usageOf('count election add'));
    if (action !== 'add') throw new UsageError(`usage: sobesednik ${usageOf('count election add')}`);
    return withStore(values.json === true, ({ count }) =>
      addElection(count, file as string, values.json === true),
    );
  }
  if (group === 'stations') {
    const { values, positionals: args } = parse(rest, { json, election });
    const asJson = values.json === true;
    if (args.length === 0)
      return withCounting(asJson, (counting) => listStations(counting, values.election, asJson));
    const [action, file] = positionals(args, 2, usageOf('count stations import'));
    if (action !== 'import') throw new UsageError(`usage: sobesednik ${usageOf('count stations import')}`);
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
    positionals(args, 0, usageOf('count invite'));
    const config = settings();
    return withCounting(values.json === true, (counting) =>
      invite(counting, config, { ...values, json: values.json === true }),
    );
  }
  if (group === 'exitpoll' && rest[0] === 'codes') {
    const { values, positionals: args } = parse(rest.slice(1), {
      json,
      election,
      station: { type: 'string' },
      n: { type: 'string' },
      out: { type: 'string' },
    });
    positionals(args, 0, usageOf('count exitpoll codes'));
    const config = settings();
    return withForms(values.json === true, (forms) =>
      exitpollCodes(forms, config, { ...values, json: values.json === true }),
    );
  }
  if (group === 'official' || group === 'tallies' || group === 'exitpoll') {
    const usage = usageOf(`count ${group} import`);
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
    positionals(args, 0, usageOf('count report'));
    const asJson = values.json === true;
    return withResults(asJson, (context) => printReport(context, values.election, asJson));
  }
  if (group === 'export') {
    const { values, positionals: args } = parse(rest, {
      json,
      election,
      format: { type: 'string' },
      out: { type: 'string' },
      replace: { type: 'boolean' },
      'with-exit-poll': { type: 'boolean' },
    });
    const usage = usageOf('count export');
    positionals(args, 0, usage);
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format ?? ''))
      throw new UsageError(`which format? give --format csv or --format json (usage: sobesednik ${usage})`);
    const asJson = values.json === true;
    const config = settings();
    return withResults(
      asJson,
      (context) =>
        exportOpenData(context, {
          election: values.election,
          format: values.format as ExportFormat,
          out: values.out,
          replace: values.replace === true,
          withExitPoll: values['with-exit-poll'] === true,
          json: asJson,
        }),
      { licence: config.OPEN_DATA_LICENCE, url: config.PUBLIC_URL },
    );
  }
  if (group === 'review') {
    const { values, positionals: args } = parse(rest, { json, election, station: { type: 'string' } });
    positionals(args, 0, usageOf('count review'));
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
    positionals(args, 0, usageOf('count exclude'));
    return exclude({ ...values, undo: values.undo === true }, values.json === true);
  }
  throw new UsageError(
    group === undefined
      ? 'which count command? election add, stations import, stations, invite, official import, tallies import, exitpoll import, exitpoll codes, report, export, review or exclude (see: sobesednik count --help)'
      : `unknown count command '${group}' (see: sobesednik count --help)`,
  );
}

export const countCommand: Command = {
  name: 'count',
  usage: 'count election|stations|invite|official|tallies|exitpoll|report|export|review|exclude …',
  summary:
    'coordinators: set an election up, make invite codes and exit-poll forms, import results, review a station, print the report, export the open data (see count --help)',
  help: HELP,
  run,
};
