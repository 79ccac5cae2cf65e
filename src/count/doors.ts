import { DEFAULT_DOOR, type StoredEvent } from './events.js';

// The doors a station's volunteers have counted at, for a volunteer choosing theirs: the main door, which every
// station has, then the others, the most recently used first.

export function stationDoors(events: readonly Pick<StoredEvent, 'door' | 'at'>[]): string[] {
  const latest = new Map<string, number>();
  for (const { door, at } of events)
    if (door !== null && door !== DEFAULT_DOOR) latest.set(door, Math.max(latest.get(door) ?? at, at));
  const others = [...latest].sort((a, b) => b[1] - a[1]).map(([door]) => door);
  return [DEFAULT_DOOR, ...others];
}
