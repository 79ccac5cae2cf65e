import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCounting } from '../count/counting.js';
import { createReviews } from '../count/reviews.js';
import { openElection, testStation } from '../test-support/count.js';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';

// The exclusion log on every database: excluding a volunteer and including them again each add a line with who
// and when, nothing of their data is deleted, and the live figures follow at once.

noticeSkippedPostgres();

const NOW = Date.parse('2026-03-10T12:00:00Z');
const election = openElection('test-review', NOW);
const entry = (minutesAgo: number) => ({
  id: randomUUID(),
  kind: 'entry',
  at: new Date(NOW - minutesAgo * 60_000).toISOString(),
  door: 'main',
});

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`count exclusions on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    it('logs excluding and including again with who and when, keeps the data, and the live count follows', async () => {
      const store = await fixture.open();
      await store.count.saveElection(election);
      await store.count.importStations(election.id, [testStation(election, '8267')]);
      let clock = NOW;
      const counting = createCounting({ storage: store.count, shipped: () => [], now: () => clock });
      const reviews = createReviews({ counting, storage: store.count, now: () => clock });
      const join = async (role: 'volunteer' | 'coordinator') => {
        const [code = ''] = await store.count.createInvites({
          election: election.id,
          station: '8267',
          role,
          expiresAt: NOW + 86_400_000,
          n: 1,
        });
        const joined = await counting.join(code);
        if (!joined.ok) throw new Error(joined.reason);
        return joined.joined;
      };
      const coordinator = await join('coordinator');
      const volunteer = await join('volunteer');
      await counting.record(coordinator, { events: [entry(50), entry(49)] });
      await counting.record(volunteer, { events: [entry(20), entry(19), entry(18)] });
      const live = async () => (await counting.liveStation(election.id, '8267'))?.counted.value;
      expect(await live()).toBe(5);

      clock = NOW + 60_000;
      const excluded = await reviews.setExcluded({
        election: election.id,
        station: '8267',
        volunteer: volunteer.volunteer,
        excluded: true,
        by: `coordinator:${coordinator.volunteer}`,
      });
      expect(excluded).toMatchObject({ ok: true, volunteer: { label: 'B', excluded: true, counted: 3 } });
      // The change notice dropped the cached figure: the public count is the coordinator's two.
      expect(await live()).toBe(2);
      // Excluding again changes nothing and logs nothing.
      await reviews.setExcluded({
        election: election.id,
        station: '8267',
        volunteer: volunteer.volunteer,
        excluded: true,
        by: 'admin',
      });

      clock = NOW + 120_000;
      const included = await reviews.setExcluded({
        election: election.id,
        station: '8267',
        volunteer: volunteer.volunteer,
        excluded: false,
        by: 'admin (cli)',
      });
      expect(included.ok && included.log).toEqual([
        {
          volunteer: volunteer.volunteer,
          label: 'B',
          excluded: true,
          by: 'coordinator',
          byLabel: 'A',
          at: '2026-03-10T12:01:00.000Z',
        },
        {
          volunteer: volunteer.volunteer,
          label: 'B',
          excluded: false,
          by: 'admin (cli)',
          byLabel: null,
          at: '2026-03-10T12:02:00.000Z',
        },
      ]);
      expect(await live()).toBe(5);
      expect(await store.count.exclusions(election.id)).toEqual([
        {
          station: '8267',
          volunteer: volunteer.volunteer,
          excluded: true,
          by: `coordinator:${coordinator.volunteer}`,
          at: NOW + 60_000,
        },
        {
          station: '8267',
          volunteer: volunteer.volunteer,
          excluded: false,
          by: 'admin (cli)',
          at: NOW + 120_000,
        },
      ]);
      // Every event is still stored, whoever was excluded when.
      const { events } = await store.count.stationEvents(election.id, '8267');
      expect(events.filter((e) => e.volunteer === volunteer.volunteer)).toHaveLength(3);

      // Only someone with data at this station can be excluded there.
      expect(
        await reviews.setExcluded({
          election: election.id,
          station: '8267',
          volunteer: 'nobody',
          excluded: true,
          by: 'admin',
        }),
      ).toEqual({ ok: false, reason: 'no-volunteer' });
      expect(await store.count.exclusions(election.id, '8267')).toHaveLength(2);
      expect(await store.count.exclusions(election.id, '9999')).toEqual([]);
      counting.close();
    });
  });
}
