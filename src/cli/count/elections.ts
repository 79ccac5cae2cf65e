import type { Election } from '../../catalogue/election.js';
import { loadElections } from '../../catalogue/load.js';
import type { CountStorage } from '../../count/storage.js';
import { UsageError } from '../command.js';

// The elections a command may name: the catalogue's (content/elections) first, then those added with
// `count election add`, as counting looks them up. Read directly rather than through a Counting, which would
// subscribe to the change feed (a LISTEN connection on PostgreSQL) for a command that lives a second.

let shipped: readonly Election[] | undefined;
export function shippedElections(): readonly Election[] {
  shipped ??= loadElections();
  return shipped;
}

export async function findElection(storage: CountStorage, id: string): Promise<Election | undefined> {
  return (
    shippedElections().find((e) => e.id === id) ?? (await storage.addedElections()).find((e) => e.id === id)
  );
}

/** The election, or a usage error that says how to add it. */
export async function requireElection(storage: CountStorage, id: string | undefined): Promise<Election> {
  if (!id) throw new UsageError('which election? give --election ID');
  const election = await findElection(storage, id);
  if (!election)
    throw new UsageError(`unknown election '${id}' (add it with: sobesednik count election add FILE.yaml)`);
  return election;
}
