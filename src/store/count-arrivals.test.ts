import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCounting } from '../count/counting.js';
import { setUpElection } from '../test-support/count.js';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';

// A station's arrivals chart on every database, at the turn of a quarter hour: a volunteer on an open shift is
// watching the quarter just begun, so it must come as counted (0 so far), never as one nobody watched.

noticeSkippedPostgres();

const NOW = Date.parse('2026-03-10T12:14:59Z');
const ELECTION = 'test-arrivals';
const event = (kind: string, at: number) => ({
  id: randomUUID(),
  kind,
  at: new Date(at).toISOString(),
  door: 'main',
});

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`a station's arrivals on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    it('has the quarter hours begun so far, the one just begun counted at once, and none to come', async () => {
      const store = await fixture.open();
      const { invite } = await setUpElection(store, { id: ELECTION, now: NOW });
      let clock = NOW;
      const counting = createCounting({ storage: store.count, shipped: () => [], now: () => clock });
      const joined = await counting.join(await invite('8267'));
      if (!joined.ok) throw new Error(joined.reason);
      const shiftStart = Date.parse('2026-03-10T11:00:00Z');
      await counting.record(joined.joined, {
        events: [event('shift-start', shiftStart), event('entry', NOW - 60_000)],
      });
      const chart = async () =>
        ((await counting.arrivals(ELECTION, '8267'))?.buckets ?? []).map((b) => ({
          from: Date.parse(b.from),
          count: b.count,
        }));

      const before = await chart();
      expect(before.at(-1)).toEqual({ from: Date.parse('2026-03-10T12:00:00Z'), count: 1 });
      expect(before.filter((b) => b.from >= shiftStart).map((b) => b.count)).toEqual([0, 0, 0, 0, 1]);

      // Two seconds later, well inside the cache's life, a new quarter hour has begun.
      clock = NOW + 2000;
      const after = await chart();
      expect(after.at(-1)).toEqual({ from: Date.parse('2026-03-10T12:15:00Z'), count: 0 });
      expect(after.length).toBe(before.length + 1);
      expect(after.every((b) => b.from <= clock)).toBe(true);
      // Yesterday's opening hours (96 quarter hours) and today's from 00:00 to 12:15 (50), and no more.
      expect(after.length).toBe(96 + 50);
      counting.close();
    });
  });
}
