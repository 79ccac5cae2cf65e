import type { Election } from '../catalogue/election.js';
import { openingWindows } from './buckets.js';
import { countStation } from './counted.js';
import type { QueueReport } from './counting.js';
import { type CsvCell, toCsv } from './csv-write.js';
import { officialAnswers } from './official.js';
import type { StationInput } from './report.js';
import type { AnswerRow } from './storage.js';

// The open data: an election's stations, 15-minute counts per door, queue reports, exit-poll answers and official
// figures as tables a researcher can load and cite. One description of the columns makes the CSV headers, the
// JSON keys and the README, so that they cannot drift apart. Nothing here names a volunteer: a count says how
// many watched, never who.

/** The format of the dataset (semver): a column renamed or its meaning changed is a major version. */
export const OPEN_DATA_VERSION = '1.0.0';

export const OPEN_DATA_CHANGELOG: readonly { version: string; date: string; changes: string }[] = [
  {
    version: '1.0.0',
    date: '2026-12-07',
    changes: 'First published format: stations, counts, queues, answers and official.',
  },
];

/** The licence stated when the operator names none (config may give another). */
export const DEFAULT_LICENCE = 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)';

export const OPEN_DATA_TABLES = ['stations', 'counts', 'queues', 'answers', 'official'] as const;
export type OpenDataTable = (typeof OPEN_DATA_TABLES)[number];

export type ColumnType = 'text' | 'integer' | 'decimal' | 'timestamp';

export interface Column {
  name: string;
  type: ColumnType;
  meaning: string;
  /** What an empty cell means; absent where a cell is never empty. */
  empty?: string;
}

export type Row = Record<string, CsvCell>;

export interface OpenData {
  /** OPEN_DATA_VERSION: the format, not the data. */
  version: string;
  election: string;
  generatedAt: string;
  licence: string;
  /** Whether `answers` holds the exit poll; false before the last station closes, unless a coordinator asked. */
  exitPollPublished: boolean;
  readme: string;
  schema: Record<OpenDataTable, Column[]>;
  tables: Record<OpenDataTable, Row[]>;
}

/** One station's data as the report reads it, with its queue reports; the exit poll comes apart, by bucket. */
export interface OpenDataStation extends Omit<StationInput, 'answers'> {
  queues: readonly QueueReport[];
}

export interface OpenDataOptions {
  exitPollPublished: boolean;
  /** Epoch ms when the last station closes (the exit poll's publication), or null without stations. */
  closesAt: number | null;
  generatedAt: number;
  licence: string;
  /** Where the dataset is published, for "how to cite"; null when the server's address is not configured. */
  url: string | null;
}

const TABLE_MEANING: Record<OpenDataTable, string> = {
  stations: 'The polling stations, as the coordinators imported them. One row per station.',
  counts:
    'People counted going in, per station, door and 15-minute bucket of the opening hours. Only buckets someone watched are listed: a bucket that is not here was not counted, which is not the same as nobody coming.',
  queues: 'The queue outside as volunteers reported it. One row per report.',
  answers:
    'Exit-poll answers, counted per station, 15-minute bucket, answer and source. No row says who asked or who answered.',
  official:
    'The official results per station, as the election commission published them and a coordinator imported them.',
};

const STATION_COLUMN: Column = {
  name: 'station',
  type: 'text',
  meaning: "The commission's number of the polling station, unique within the election.",
};

function schemaOf(election: Election): Record<OpenDataTable, Column[]> {
  const answerIds = election.answers.map((a) => `${a.id}: ${a.en}`).join('; ');
  return {
    stations: [
      STATION_COLUMN,
      { name: 'country', type: 'text', meaning: 'ISO 3166-1 alpha-2 code of the country.' },
      { name: 'city', type: 'text', meaning: 'The city, as people write it.' },
      { name: 'address', type: 'text', meaning: 'The street address.', empty: 'not given' },
      { name: 'timezone', type: 'text', meaning: "The station's IANA time zone (Europe/Belgrade)." },
      { name: 'lat', type: 'decimal', meaning: 'Latitude, degrees (WGS 84).', empty: 'not given' },
      { name: 'lon', type: 'decimal', meaning: 'Longitude, degrees (WGS 84).', empty: 'not given' },
      { name: 'days', type: 'text', meaning: 'The dates the station is open, YYYY-MM-DD, separated by `;`.' },
      { name: 'opens', type: 'text', meaning: 'Opening time, HH:MM, local time at the station.' },
      { name: 'closes', type: 'text', meaning: 'Closing time, HH:MM, local time at the station.' },
    ],
    counts: [
      STATION_COLUMN,
      {
        name: 'door',
        type: 'text',
        meaning: 'The door counted (`main` unless the volunteers named another).',
      },
      { name: 'bucket_start', type: 'timestamp', meaning: 'Start of the 15-minute bucket, ISO 8601 UTC.' },
      { name: 'bucket_end', type: 'timestamp', meaning: 'End of the bucket (exclusive), ISO 8601 UTC.' },
      {
        name: 'count',
        type: 'decimal',
        meaning:
          "People who went in during the watched minutes of the bucket: the median of the volunteers' counts where several watched. A paper tally is spread evenly over the minutes it covers, so a count may be fractional (rounded to 2 decimals).",
      },
      {
        name: 'covered_minutes',
        type: 'decimal',
        meaning: 'Minutes of the bucket that someone watched (15: all of it).',
      },
      {
        name: 'volunteers',
        type: 'integer',
        meaning:
          'How many volunteers watched the door at once in this bucket, at most (a number, never who).',
      },
    ],
    queues: [
      STATION_COLUMN,
      { name: 'at', type: 'timestamp', meaning: 'When the queue was reported, ISO 8601 UTC.' },
      {
        name: 'people',
        type: 'integer',
        meaning: 'People in the queue, as the volunteer counted or estimated.',
      },
      { name: 'wait_minutes', type: 'integer', meaning: 'The wait the volunteer estimated, in minutes.' },
    ],
    answers: [
      STATION_COLUMN,
      {
        name: 'bucket_start',
        type: 'timestamp',
        meaning: 'Start of the 15-minute bucket of the answers, ISO 8601 UTC.',
      },
      {
        name: 'answer',
        type: 'text',
        meaning: `The answer's id (${answerIds}). \`declined\` is a voter who would not say, and counts as a respondent.`,
      },
      { name: 'respondents', type: 'integer', meaning: 'Respondents who gave this answer in this bucket.' },
      {
        name: 'source',
        type: 'text',
        meaning:
          "`volunteers`: entered by volunteers at the station (web counter or Telegram bot); any other value is the data set it was imported from (`voteabroad`: Vote Abroad's published exit poll).",
      },
    ],
    official: [
      STATION_COLUMN,
      { name: 'ballots', type: 'integer', meaning: 'Ballots found in the boxes, valid and invalid.' },
      ...officialAnswers(election).map(
        (id): Column => ({
          name: id,
          type: 'integer',
          meaning:
            id === 'invalid'
              ? 'Invalid ballots.'
              : `Official votes for ${election.answers.find((a) => a.id === id)?.en ?? id}.`,
          empty: 'not in the official figures',
        }),
      ),
    ],
  };
}

const iso = (at: number) => new Date(at).toISOString();
const twoDecimals = (n: number) => Math.round(n * 100) / 100;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildOpenData(
  election: Election,
  stations: readonly OpenDataStation[],
  answers: readonly AnswerRow[],
  options: OpenDataOptions,
): OpenData {
  const schema = schemaOf(election);
  const tables: Record<OpenDataTable, Row[]> = {
    stations: [],
    counts: [],
    queues: [],
    answers: [],
    official: [],
  };

  for (const input of stations) {
    const s = input.station;
    tables.stations.push({
      station: s.station,
      country: s.country,
      city: s.city,
      address: s.address,
      timezone: s.timezone,
      lat: s.lat,
      lon: s.lon,
      days: s.days.join(';'),
      opens: s.opens,
      closes: s.closes,
    });

    const { buckets } = countStation({
      windows: openingWindows(s),
      taps: input.taps,
      shifts: input.shifts,
      tallies: input.tallies,
    });
    const watched = buckets
      .filter((b) => b.coveredMs > 0)
      .sort((a, b) => byText(a.door, b.door) || a.from - b.from);
    for (const b of watched)
      tables.counts.push({
        station: s.station,
        door: b.door,
        bucket_start: iso(b.from),
        bucket_end: iso(b.to),
        count: twoDecimals(b.count ?? 0),
        covered_minutes: twoDecimals(b.coveredMs / 60_000),
        volunteers: b.watchers,
      });

    for (const q of input.queues)
      tables.queues.push({
        station: s.station,
        at: iso(q.at),
        people: q.people,
        wait_minutes: q.waitMinutes,
      });

    if (input.official) {
      const { ballots, votes } = input.official;
      const row: Row = { station: s.station, ballots };
      for (const id of officialAnswers(election)) row[id] = votes[id] ?? null;
      tables.official.push(row);
    }
  }

  if (options.exitPollPublished) {
    // In the stations' order, then by time, source and the election's order of answers; answers the election
    // no longer has are left out, as the report leaves them out.
    const stationOrder = new Map(stations.map((s, i) => [s.station.station, i]));
    const answerOrder = new Map(election.answers.map((a, i) => [a.id, i]));
    const known = answers.filter((a) => stationOrder.has(a.station) && answerOrder.has(a.answer));
    known.sort(
      (a, b) =>
        (stationOrder.get(a.station) ?? 0) - (stationOrder.get(b.station) ?? 0) ||
        a.bucket - b.bucket ||
        byText(a.source, b.source) ||
        (answerOrder.get(a.answer) ?? 0) - (answerOrder.get(b.answer) ?? 0),
    );
    for (const a of known)
      tables.answers.push({
        station: a.station,
        bucket_start: iso(a.bucket),
        answer: a.answer,
        respondents: a.respondents,
        source: a.source,
      });
  }

  const data: Omit<OpenData, 'readme'> = {
    version: OPEN_DATA_VERSION,
    election: election.id,
    generatedAt: iso(options.generatedAt),
    licence: options.licence,
    exitPollPublished: options.exitPollPublished,
    schema,
    // Every row's keys in the schema's order, so that the JSON reads as the CSV does.
    tables: Object.fromEntries(
      OPEN_DATA_TABLES.map((t) => [
        t,
        tables[t].map((row) => Object.fromEntries(schema[t].map((c) => [c.name, row[c.name] ?? null]))),
      ]),
    ) as Record<OpenDataTable, Row[]>,
  };
  return { ...data, readme: readmeOf(election, data, options) };
}

/** A table as a CSV file: the schema's columns as the header, in its order. */
export function openDataCsv(data: Pick<OpenData, 'schema' | 'tables'>, table: OpenDataTable): string {
  const columns = data.schema[table];
  return toCsv(
    columns.map((c) => c.name),
    data.tables[table].map((row) => columns.map((c) => row[c.name] ?? null)),
  );
}

/** The file name a download gets: the election and the format version, so that two versions never collide. */
export function openDataFileName(election: string, file: string): string {
  return `${election}-open-data-${OPEN_DATA_VERSION}-${file}`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function exitPollNote(data: Omit<OpenData, 'readme'>, options: OpenDataOptions): string {
  const { closesAt } = options;
  const closes = closesAt === null ? '' : ` (${iso(closesAt)})`;
  if (!data.exitPollPublished)
    return `**The exit-poll answers are withheld in this export.** They are published once the election's last station has closed${closes}, so that no answer can sway a voter still on the way; answers.csv has only its header row. Download the data again after that time.`;
  if (closesAt !== null && options.generatedAt < closesAt)
    return `**This export holds exit-poll answers before the last station closed${closes}.** It was made for the coordinators: do not publish it before then.`;
  return 'The exit-poll answers are included: the last station had closed when this export was made.';
}

function readmeOf(election: Election, data: Omit<OpenData, 'readme'>, options: OpenDataOptions): string {
  const date = data.generatedAt.slice(0, 10);
  const where = options.url ? ` ${options.url}.` : '';
  const lines = [
    `# Open data: ${election.title.en} (${election.id})`,
    '',
    `${election.title.ru} / ${election.title.en}. People counted going in by sobesednik's volunteers outside polling stations abroad, with the queues they reported, the exit poll and the official figures.`,
    '',
    `- Election: \`${election.id}\``,
    `- Dataset format version: ${data.version}`,
    `- Generated: ${data.generatedAt}`,
    `- Licence: ${data.licence}`,
    '',
    exitPollNote(data, options),
    '',
    '## How to cite',
    '',
    `sobesednik volunteers' count, "${election.title.en}" (${election.id}), open data, format version ${data.version}, generated ${date}.${where} Licence: ${data.licence}.`,
    ...(options.url ? [] : ['', 'Add the address where you found the dataset.']),
    '',
    '## Files',
    '',
    "Each table is a CSV file (UTF-8 without a BOM, comma-separated, RFC 4180 quoting, LF line ends, one header row) and the same rows under `tables` in export.json. An empty cell (null in JSON) means what its column says below. Times are UTC; opening hours are local time at the station. No table carries a volunteer's name, label, token, device or location.",
  ];
  for (const table of OPEN_DATA_TABLES) {
    lines.push(
      '',
      `### ${table}.csv`,
      '',
      `${TABLE_MEANING[table]} ${data.tables[table].length} row${data.tables[table].length === 1 ? '' : 's'} in this export.`,
      '',
      '| column | type | meaning | empty cell |',
      '| --- | --- | --- | --- |',
      ...data.schema[table].map(
        (c) => `| ${c.name} | ${c.type} | ${cell(c.meaning)} | ${cell(c.empty ?? 'never empty')} |`,
      ),
    );
  }
  lines.push(
    '',
    '## How the counts are made',
    '',
    "A volunteer counts the people who go in through one door, tap by tap, during a shift, or writes a paper tally of how many went in between two times. Where several volunteers watched the same door at the same time, the bucket's count is the median of theirs. The report's `counted.value` for a station is the sum of its `count` column (up to the rounding to 2 decimals); its coverage is the watched minutes over the opening minutes of every counted door.",
    '',
    '## Changelog',
    '',
    ...OPEN_DATA_CHANGELOG.map((c) => `- ${c.version} (${c.date}): ${c.changes}`),
    '',
  );
  return lines.join('\n');
}

/** The CSV export's files by name: a CSV per table and the README. */
export function openDataCsvFiles(data: OpenData): Record<string, string> {
  const files: Record<string, string> = {};
  for (const table of OPEN_DATA_TABLES) files[`${table}.csv`] = openDataCsv(data, table);
  files['README.md'] = data.readme;
  return files;
}
