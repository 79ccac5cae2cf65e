import { decodeCsvText, lineOf, parseRecords } from './csv.js';
import { CLOCK_TIME, type Election } from './election.js';

// The header and the rules are count-spec.md's ("Stations"); the file comes from a coordinator's spreadsheet.
export const STATION_COLUMNS = [
  'station',
  'country',
  'city',
  'address',
  'timezone',
  'lat',
  'lon',
  'days',
  'opens',
  'closes',
] as const;
export type StationColumn = (typeof STATION_COLUMNS)[number];

// 300 stations are expected; the limits only keep a wrong file from costing memory and time.
export const MAX_STATIONS_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_STATION_ROWS = 10_000;

export interface Station {
  station: string;
  country: string;
  city: string;
  address: string | null;
  timezone: string;
  lat: number | null;
  lon: number | null;
  days: string[];
  opens: string;
  closes: string;
}

/** `line` counts from 1 (the header); null, like `column`, where the whole file is at fault. */
export interface StationProblem {
  line: number | null;
  column: StationColumn | null;
  message: string;
}

export type StationsResult = { ok: true; stations: Station[] } | { ok: false; problems: StationProblem[] };

type Fields = Record<StationColumn, string>;
type RowProblems = Array<[StationColumn, string]>;

const COUNTRY_CODE = /^[A-Z]{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * Reads a stations CSV against its election: every station, or every problem with its line and column.
 * Nothing is half-accepted, and bad input gives problems, never an exception.
 */
export function parseStations(file: Uint8Array | string, election: Election): StationsResult {
  const text = decodeCsvText(file, MAX_STATIONS_FILE_BYTES);
  if (typeof text !== 'string') return refuse(text.refused);

  const parsed = parseRecords(text, MAX_STATION_ROWS);
  if (!parsed.ok) return refuse(parsed.message, parsed.line);
  const records = parsed.records;

  const [header, ...rows] = records;
  if (!header) return refuse('the file is empty');
  if (header.record.join(',') !== STATION_COLUMNS.join(',')) {
    const found = header.record.join(',').slice(0, 200);
    return refuse(`expected the header ${STATION_COLUMNS.join(',')}, found ${found}`, 1);
  }
  if (rows.length === 0) return refuse('no stations below the header');
  if (rows.length > MAX_STATION_ROWS) return refuse(`more than ${MAX_STATION_ROWS} stations`);

  const stations: Station[] = [];
  const problems: StationProblem[] = [];
  const lineOfStation = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = lineOf(record, info);
    if (record.length !== STATION_COLUMNS.length) {
      const message = `expected ${STATION_COLUMNS.length} fields, found ${record.length}`;
      problems.push({ line, column: null, message });
      continue;
    }
    const fields = Object.fromEntries(STATION_COLUMNS.map((name, i) => [name, record[i] ?? ''])) as Fields;
    const { station, rowProblems } = readStation(fields, election);
    const earlierLine = lineOfStation.get(fields.station);
    if (earlierLine !== undefined) {
      rowProblems.push(['station', `${fields.station} is already on line ${earlierLine}`]);
    } else if (fields.station) {
      lineOfStation.set(fields.station, line);
    }
    for (const [column, message] of rowProblems) problems.push({ line, column, message });
    if (rowProblems.length === 0) stations.push(station);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, stations };
}

function refuse(message: string, line: number | null = null): StationsResult {
  return { ok: false, problems: [{ line, column: null, message }] };
}

function readStation(fields: Fields, election: Election): { station: Station; rowProblems: RowProblems } {
  const rowProblems: RowProblems = [];
  const problem = (column: StationColumn, message: string) => rowProblems.push([column, message]);

  for (const column of ['station', 'country', 'city', 'timezone'] as const) {
    if (!fields[column]) problem(column, 'is required');
  }
  if (fields.country && !isCountryCode(fields.country)) {
    problem('country', `expected an ISO 3166-1 alpha-2 code such as RS, found ${fields.country}`);
  }
  if (fields.timezone && !isTimeZone(fields.timezone)) {
    problem('timezone', `expected an IANA time zone such as Europe/Belgrade, found ${fields.timezone}`);
  }

  const lat = readCoordinate(fields.lat, 90);
  const lon = readCoordinate(fields.lon, 180);
  if (Number.isNaN(lat)) problem('lat', `expected a latitude from -90 to 90, found ${fields.lat}`);
  if (Number.isNaN(lon)) problem('lon', `expected a longitude from -180 to 180, found ${fields.lon}`);
  if ((lat === null) !== (lon === null)) problem(lat === null ? 'lat' : 'lon', 'lat and lon go together');

  const days = fields.days ? readDays(fields.days, election, problem) : election.days;

  const opens = fields.opens || election.hours.opens;
  const closes = fields.closes || election.hours.closes;
  if (!CLOCK_TIME.test(opens)) problem('opens', `expected HH:MM, found ${opens}`);
  if (!CLOCK_TIME.test(closes)) problem('closes', `expected HH:MM, found ${closes}`);
  else if (CLOCK_TIME.test(opens) && closes <= opens)
    problem('closes', `expected a time after opens (${opens})`);

  const station: Station = {
    station: fields.station,
    country: fields.country,
    city: fields.city,
    address: fields.address || null,
    timezone: fields.timezone,
    lat,
    lon,
    days,
    opens,
    closes,
  };
  return { station, rowProblems };
}

function isCountryCode(code: string): boolean {
  // Intl knows the assigned codes: it echoes an unassigned one (XX) and calls ZZ "Unknown Region".
  if (!COUNTRY_CODE.test(code)) return false;
  const name = regionNames.of(code);
  return name !== code && name !== 'Unknown Region';
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** null when the field is empty, NaN when it is not a number within ±limit. */
function readCoordinate(field: string, limit: number): number | null {
  if (!field) return null;
  const value = DECIMAL.test(field) ? Number(field) : Number.NaN;
  return Math.abs(value) <= limit ? value : Number.NaN;
}

function readDays(
  field: string,
  election: Election,
  problem: (column: 'days', message: string) => void,
): string[] {
  // A trailing `;` leaves an empty piece, which is no day at all.
  const listed = field
    .split(';')
    .map((day) => day.trim())
    .filter(Boolean);
  for (const day of listed) {
    if (!election.days.includes(day)) {
      problem('days', `${day} is not a day of ${election.id} (${election.days.join(', ')})`);
    }
  }
  if (listed.length === 0) problem('days', `expected days separated by ; such as ${election.days.join(';')}`);
  if (new Set(listed).size !== listed.length) problem('days', 'a day is listed twice');
  return election.days.filter((day) => listed.includes(day));
}
