import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight.js';

describe('InFlight', () => {
  it('drains only when everything in flight has settled, including work started while draining', async () => {
    const inFlight = new InFlight();
    const done: string[] = [];
    const later = (name: string, ms: number, fail = false) =>
      new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          done.push(name);
          if (fail) reject(new Error(name));
          else resolve();
        }, ms),
      );
    void inFlight.track(later('a', 20));
    inFlight.track(later('b', 10, true)).catch(() => {});
    const drained = inFlight.drain().then(() => done.push('drained'));
    void inFlight.track(later('c', 40));
    await drained;
    expect(done).toEqual(['b', 'a', 'c', 'drained']);
    expect(inFlight.size).toBe(0);
  });
});
