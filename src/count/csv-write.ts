// Writing CSV for others to read (the open data): RFC 4180 quoting, UTF-8 without a BOM, LF line ends, one header
// row. A field is quoted only when it must be, so plain numbers stay plain for every spreadsheet and parser.

export type CsvCell = string | number | null;

/** One field: empty for null, quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: the header, then a line per row, each ending with LF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
}
