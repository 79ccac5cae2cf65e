import { existsSync, mkdirSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../app/config.js';
import { createCounting } from '../../count/counting.js';
import { CARDS_PER_PAGE, formSheets } from '../../count/form-sheet.js';
import { createForms, type Forms, MAX_FORMS } from '../../count/forms.js';
import { printJson, UsageError } from '../command.js';
import { withStore } from '../stats-command.js';
import { shippedElections, unknownElection } from './elections.js';
import { publicBase } from './invite.js';

// `count exitpoll codes --election ID --station N --n K [--out DIR] [--json]`: single-use codes for voters' own
// exit-poll forms, printed as A4 pages of QR cards (count/form-sheet.ts). The codes exist in the clear only in
// these files; the database keeps their hashes.

export function withForms(json: boolean, use: (forms: Forms) => Promise<number>): Promise<number> {
  return withStore(json, async ({ count }) => {
    const counting = createCounting({ storage: count, shipped: shippedElections });
    try {
      return await use(createForms({ counting, storage: count }));
    } finally {
      counting.close();
    }
  });
}

export function parseFormCount(value: string | undefined): number {
  if (value === undefined) throw new UsageError(`how many forms? give --n K (1 to ${MAX_FORMS})`);
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_FORMS)
    throw new UsageError(`--n must be a whole number from 1 to ${MAX_FORMS}, not '${value}'`);
  return n;
}

/** `exitpoll-forms-<station>` in the current folder, with what a file name cannot hold replaced. */
export function defaultFormsFolder(station: string): string {
  return `exitpoll-forms-${station.replace(/[^\p{L}\p{N}._-]+/gu, '-')}`;
}

/**
 * A folder that exists or can be made (before any code is made for nothing), and holds no earlier pages:
 * overwriting them would lose their codes. Returns whether it was made here.
 */
function prepareFolder(folder: string): boolean {
  const made = !existsSync(folder);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UsageError(
      `cannot make the folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  if (readdirSync(folder).some((file) => /^forms-\d+\.svg$/.test(file)))
    throw new UsageError(
      `${folder} already holds forms-*.svg pages, whose codes exist nowhere else; print them or move them, or give another --out`,
    );
  return made;
}

export async function exitpollCodes(
  forms: Forms,
  config: Config,
  options: { election?: string; station?: string; n?: string; out?: string; json: boolean },
): Promise<number> {
  const n = parseFormCount(options.n);
  if (!options.election) throw new UsageError('which election? give --election ID');
  const { election, station } = options;
  if (!station) throw new UsageError('which station? give --station N');
  const folder = path.resolve(options.out ?? defaultFormsFolder(station));
  const madeFolder = prepareFolder(folder);
  const made = await forms.make({ election, station, n, base: publicBase(config) });
  if (!made.ok) {
    if (madeFolder) rmdirSync(folder);
    if (made.reason === 'no-election') throw unknownElection(election);
    throw new UsageError(
      `${election} has no station '${station}' (see: sobesednik count stations --election ${election})`,
    );
  }
  const sheets = formSheets({ station, cards: made.codes });
  const width = Math.max(2, String(sheets.length).length);
  const pages = sheets.map((svg, i) => {
    const file = path.join(folder, `forms-${String(i + 1).padStart(width, '0')}.svg`);
    writeFileSync(file, svg);
    return file;
  });
  if (options.json) {
    printJson({ codes: made.codes, pages });
    return 0;
  }
  const expires = new Date(made.expiresAt).toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    `${n} single-use exit-poll form${n === 1 ? '' : 's'} for station ${station} of ${election}, valid until ${expires} UTC,`,
    `on ${pages.length} A4 page${pages.length === 1 ? '' : 's'} (${CARDS_PER_PAGE} cards a page) in ${folder}:`,
    ...pages.map((page) => `  ${path.basename(page)}`),
    '',
    'Print at 100% (actual size) and cut along the dashed lines. A voter scans a card and answers on their own',
    'phone; each card works once. The codes are not stored in the clear: these pages are the only copy.',
  ];
  if (!config.PUBLIC_URL)
    lines.push(
      'PUBLIC_URL is not set: the QR codes point to this machine, which voters’ phones may not reach.',
    );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
