import { mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OPEN_DATA_TABLES, type OpenData, openDataCsvFiles } from '../../count/open-data.js';
import { printJson, UsageError } from '../command.js';
import { unknownElection } from './elections.js';
import { reason } from './read-file.js';
import type { ResultsContext } from './results.js';

// `count export`: the open data as files a researcher downloads, or one JSON object on stdout. A folder is written
// whole or not at all: the files go into a temporary folder beside it, which is renamed into place at the end.

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const JSON_FILE = 'export.json';

/** Every name an export folder may hold: only such a folder is replaced, so --replace never deletes other work. */
function isExportFolder(entries: readonly string[]): boolean {
  const ours = new Set([JSON_FILE, 'README.md', ...OPEN_DATA_TABLES.map((t) => `${t}.csv`)]);
  return entries.every((name) => ours.has(name));
}

function entriesOf(dir: string): string[] | undefined {
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a folder`);
    return readdirSync(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes `files` as the folder `dir`, all or nothing. A folder already there is refused, unless `replace` is
 * given and it holds nothing but an earlier export's files; then it is swapped out and removed.
 */
export function writeFolder(dir: string, files: Readonly<Record<string, string>>, replace: boolean): void {
  const existing = entriesOf(dir);
  if (existing && !replace)
    throw new UsageError(
      `${dir} already exists; give --replace to replace an earlier export, or another --out`,
    );
  if (existing && !isExportFolder(existing))
    throw new UsageError(
      `${dir} holds files that are not an export's; it is left alone (give another --out)`,
    );
  const parent = path.dirname(path.resolve(dir));
  let temporary: string;
  try {
    temporary = mkdtempSync(path.join(parent, `.${path.basename(dir)}.partial-`));
  } catch (error) {
    throw new UsageError(`cannot write into ${parent}: ${reason(error)}`);
  }
  let old: string | undefined;
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(temporary, name), content);
    if (existing) {
      renameSync(dir, `${temporary}.old`);
      old = `${temporary}.old`;
    }
    renameSync(temporary, dir);
  } catch (error) {
    if (old) renameSync(old, dir);
    rmSync(temporary, { recursive: true, force: true });
    throw new UsageError(`could not write ${dir}: ${reason(error)}; nothing was written`);
  }
  if (old) rmSync(old, { recursive: true, force: true });
}

function describe(data: OpenData, dir: string): string {
  const rows = OPEN_DATA_TABLES.map((t) => `${t} ${data.tables[t].length}`).join(', ');
  const poll = data.exitPollPublished
    ? ''
    : '\nthe exit-poll answers are withheld until the last station closes (see README.md)';
  return `open data of ${data.election} (format ${data.version}) written to ${dir}: ${rows} rows${poll}\n`;
}

export async function exportOpenData(
  context: ResultsContext,
  options: {
    election: string | undefined;
    format: ExportFormat;
    out: string | undefined;
    replace: boolean;
    withExitPoll: boolean;
    json: boolean;
  },
): Promise<number> {
  const election = await context.election(options.election);
  // Open data is for publishing: the exit poll follows the public rule unless the coordinator asks for it.
  const data = await context.results.export(election.id, { privileged: options.withExitPoll });
  if (!data) throw unknownElection(election.id);
  if (options.format === 'json' && options.out === undefined) {
    printJson(data);
    return 0;
  }
  const dir = options.out ?? `${election.id}-open-data`;
  const files =
    options.format === 'json' ? { [JSON_FILE]: `${JSON.stringify(data)}\n` } : openDataCsvFiles(data);
  writeFolder(dir, files, options.replace);
  if (options.json)
    printJson({
      election: data.election,
      version: data.version,
      out: dir,
      files: Object.keys(files),
      exitPollPublished: data.exitPollPublished,
    });
  else process.stdout.write(describe(data, dir));
  return 0;
}
