import type { Election } from '../../catalogue/election.js';
import { loadElections } from '../../catalogue/load.js';
import { type Counting, createCounting } from '../../count/counting.js';
import { UsageError } from '../command.js';
import { withStore } from '../stats-command.js';

// What the stations and invite commands open: the database, and counting's use cases over it with the catalogue's
// elections, so that an import or an invite follows the same rules as the API's.

let shipped: readonly Election[] | undefined;
/** The elections of content/elections, read alone (the rest of the catalogue costs more than the command). */
export function shippedElections(): readonly Election[] {
  shipped ??= loadElections();
  return shipped;
}

export function withCounting(json: boolean, use: (counting: Counting) => Promise<number>): Promise<number> {
  return withStore(json, async ({ count }) => {
    const counting = createCounting({ storage: count, shipped: shippedElections });
    try {
      return await use(counting);
    } finally {
      counting.close();
    }
  });
}

export function unknownElection(id: string): UsageError {
  return new UsageError(`unknown election '${id}' (add it with: sobesednik count election add FILE.yaml)`);
}

/** The election, or a usage error that says how to add it. */
export async function requireElection(counting: Counting, id: string | undefined): Promise<Election> {
  if (!id) throw new UsageError('which election? give --election ID');
  const election = await counting.election(id);
  if (!election) throw unknownElection(id);
  return election;
}
