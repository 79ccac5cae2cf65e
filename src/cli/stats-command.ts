import { PRACTICE_OUTCOMES } from '../dialogue/storage.js';
import { databaseUrlFromEnv } from '../store/config.js';
import { openStore, type Store } from '../store/open-store.js';
import { StoreError } from '../store/store-error.js';
import { type Command, fail, parse, printJson, UsageError } from './command.js';

/** Opens DATABASE_URL for one command and closes it after; a database problem is one line, exit 1. */
export async function withStore(json: boolean, use: (store: Store) => Promise<number>): Promise<number> {
  let store: Store;
  try {
    store = await openStore(databaseUrlFromEnv(process.env));
  } catch (error) {
    if (error instanceof StoreError) return fail(error.message, json);
    throw error;
  }
  try {
    return await use(store);
  } catch (error) {
    if (error instanceof StoreError) return fail(error.message, json);
    throw error;
  } finally {
    await store.close();
  }
}

const MAX_DAYS = 3660;

function parseDays(value: string | undefined): number {
  if (value === undefined) return 30;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new UsageError(`--days must be a whole number from 1 to ${MAX_DAYS}, not '${value}'`);
  return days;
}

/** Rows of cells as aligned columns; numbers right-aligned, the first column left-aligned. */
export function table(rows: (string | number)[][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, String(cell).length);
  return rows.map((row) =>
    row
      .map((cell, i) =>
        typeof cell === 'number' ? String(cell).padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats [--days N] [--json]',
  summary: 'positions met and practice outcomes per persona, from anonymous daily counts (default 30 days)',
  async run(argv) {
    const { values } = parse(argv, { days: { type: 'string' }, json: { type: 'boolean' } });
    const days = parseDays(values.days);
    const json = values.json === true;
    return withStore(json, async ({ talk }) => {
      const met = await talk.positionStats(days);
      const practice = await talk.practiceStats(days);
      if (json) {
        printJson({
          days,
          from: met.from,
          to: met.to,
          positions: met.positions.map((p) => ({ id: p.position, total: p.total, perDay: p.perDay })),
          practice: practice.personas,
        });
        return 0;
      }
      const lines = [
        `Last ${days} day${days === 1 ? '' : 's'}, ${met.from} … ${met.to} (anonymous daily counts)`,
        '',
      ];
      lines.push('Positions met, most often first:');
      if (met.positions.length === 0) lines.push('  none yet');
      else {
        const rows = met.positions.map((p) => [
          p.position,
          p.total,
          Object.entries(p.perDay)
            .map(([day, count]) => `${day.slice(5)}: ${count}`)
            .join('  '),
        ]);
        lines.push(...table([['position', 'total', 'per day (MM-DD: count)'], ...rows]).map((l) => `  ${l}`));
      }
      lines.push('', 'Practice outcomes per persona:');
      if (practice.personas.length === 0) lines.push('  none yet');
      else {
        const rows = practice.personas.map((p) => [
          p.persona,
          p.total,
          ...PRACTICE_OUTCOMES.map((o) => p.outcomes[o]),
        ]);
        lines.push(...table([['persona', 'total', ...PRACTICE_OUTCOMES], ...rows]).map((l) => `  ${l}`));
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    });
  },
};
