// A small seeded generator (mulberry32) whose whole state is one 32-bit number kept in the dialogue state: the
// same seed and the same messages replay the same conversation, and "try again" rewinds it exactly.

export interface Draw {
  value: number;
  rng: number;
}

/** A number in [0, 1) and the generator's next state. */
export function next(rng: number): Draw {
  const state = (rng + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, rng: state };
}

/** One item picked at random, and the generator's next state. */
export function pick<T>(items: readonly T[], rng: number): { item: T; rng: number } {
  if (items.length === 0) throw new Error('pick from an empty list');
  const draw = next(rng);
  return { item: items[Math.floor(draw.value * items.length)] as T, rng: draw.rng };
}
