import { CsvError, type InfoRecord, parse } from 'csv-parse/sync';

// The reading every results file shares (official results, paper tallies, Vote Abroad's exit poll): UTF-8 with or
// without a BOM, RFC 4180 quoting, one header row, and problems named by line and column rather than thrown.

/** `line` counts from 1 (the header); null, like `column`, where the whole file is at fault. */
export interface FileProblem {
  line: number | null;
  column: string | null;
  message: string;
}

export interface CsvRow {
  line: number;
  /** The fields by the header's names. */
  fields: Record<string, string>;
}

export type CsvTable =
  | { ok: true; header: string[]; rows: CsvRow[] }
  | { ok: false; problems: FileProblem[] };

export function refuseFile(
  message: string,
  line: number | null = null,
): { ok: false; problems: FileProblem[] } {
  return { ok: false, problems: [{ line, column: null, message }] };
}

export interface CsvRecord {
  record: string[];
  info: InfoRecord;
}

/**
 * The records of a decoded CSV text, at most `maxRows` + 2 of them (the header, and one to tell that there are
 * too many), or why the text is not CSV, with the line where that shows.
 */
export function parseRecords(
  text: string,
  maxRows: number,
): { ok: true; records: CsvRecord[] } | { ok: false; message: string; line: number | null } {
  let lastRecordEnd = 0;
  try {
    // csv-parse's types do not follow `info: true`, which wraps each record with where it was read.
    const records = parse(text, {
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A spreadsheet's export often ends with rows of bare commas.
      skip_records_with_empty_values: true,
      to: maxRows + 2,
      on_record: (record, { lines }) => {
        lastRecordEnd = lines;
        return record;
      },
    }) as unknown as CsvRecord[];
    return { ok: true, records };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse finds an unclosed quote at the end of the file; it opened on the row after the last whole one.
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lastRecordEnd + 1 : error.lines;
    return { ok: false, message: csvSyntaxMessage(error), line: typeof line === 'number' ? line : null };
  }
}

/** The line a record starts on: csv-parse gives the one it ends on, and a quoted field may span several. */
export function lineOf(record: readonly string[], info: InfoRecord): number {
  return info.lines - record.reduce((breaks, field) => breaks + field.split('\n').length - 1, 0);
}

/** Every row of a CSV by its header, or the problem that keeps the file from being read at all. */
export function readCsv(file: Uint8Array | string, limits: { maxBytes: number; maxRows: number }): CsvTable {
  const text = decodeCsvText(file, limits.maxBytes);
  if (typeof text !== 'string') return refuseFile(text.refused);

  const parsed = parseRecords(text, limits.maxRows);
  if (!parsed.ok) return refuseFile(parsed.message, parsed.line);
  const records = parsed.records;

  const [header, ...body] = records;
  if (!header) return refuseFile('the file is empty');
  if (body.length === 0) return refuseFile('no rows below the header');
  if (body.length > limits.maxRows) return refuseFile(`more than ${limits.maxRows} rows`);
  const names = header.record;
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return refuseFile(`the column ${name} is in the header twice`, 1);
    seen.add(name);
  }

  const rows: CsvRow[] = [];
  const problems: FileProblem[] = [];
  for (const { record, info } of body) {
    const line = lineOf(record, info);
    if (record.length !== names.length) {
      problems.push({
        line,
        column: null,
        message: `expected ${names.length} fields, found ${record.length}`,
      });
      continue;
    }
    rows.push({ line, fields: Object.fromEntries(names.map((name, i) => [name, record[i] ?? ''])) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, header: names, rows };
}

/** A whole number ≥ 0 written plainly (no sign, no decimals), or null. */
export function readCount(field: string): number | null {
  return /^\d{1,9}$/.test(field) ? Number(field) : null;
}

/** The text of a file, or why it is not a CSV text worth parsing; checked cheapest first. */
export function decodeCsvText(file: Uint8Array | string, maxBytes: number): string | { refused: string } {
  const tooBig = typeof file === 'string' && file.length > maxBytes;
  const bytes =
    typeof file === 'string' ? (tooBig ? new Uint8Array() : new TextEncoder().encode(file)) : file;
  if (tooBig || bytes.length > maxBytes)
    return { refused: `the file is larger than ${maxBytes / 1024 / 1024} MB` };
  if (bytes.includes(0)) return { refused: 'the file is binary (it holds NUL bytes), not a CSV text' };
  let text: string;
  try {
    // The decoder drops a leading BOM, as Excel writes one into "CSV UTF-8".
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { refused: 'the file is not UTF-8 text' };
  }
  if (text.trim() === '') return { refused: 'the file is empty' };
  // csv-parse counts a CRLF inside a quoted field as two lines; with LF alone its line numbers are right.
  return text.replace(/\r\n?/g, '\n');
}

export function csvSyntaxMessage(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field on this line is never closed';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote inside a field must be doubled ("")';
  return error.message;
}
