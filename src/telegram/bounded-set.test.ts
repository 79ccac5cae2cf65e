import { describe, expect, it } from 'vitest';
import { BoundedSet } from './bounded-set.js';

describe('BoundedSet', () => {
  it('says whether a value is new, and forgets the oldest beyond its capacity', () => {
    const set = new BoundedSet<number>(3);
    expect([1, 2, 3].map((n) => set.add(n))).toEqual([true, true, true]);
    expect(set.add(2)).toBe(false);
    expect(set.add(4)).toBe(true);
    expect(set.size).toBe(3);
    expect(set.has(1)).toBe(false);
    expect(set.add(1), 'forgotten, so new again').toBe(true);
    expect(() => new BoundedSet(0)).toThrow(RangeError);
  });
});
