import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCounting } from '../count/counting.js';
import { OPEN_DATA_TABLES, openDataCsv } from '../count/open-data.js';
import { createResults } from '../count/results.js';
import type { Joined } from '../count/storage.js';
import { openElection, testStation } from '../test-support/count.js';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';

// The open data from what volunteers sent and coordinators imported, on every database: queue reports that stand
// (an undone one does not), answers per bucket and source, and not a trace of who counted — no volunteer id,
// token, tally label or its pseudonym, in any table or the README, as JSON or as CSV.

noticeSkippedPostgres();

const DAY_MS = 86_400_000;
// Closed two days ago, so that the public export has the exit poll.
const NOW = Date.now();
const election = openElection('test-open-data', NOW - 2 * DAY_MS);
const day = election.days[1] as string;
const at = (time: string) => `${day}T${time}:00Z`;
const pseudonym = (e: string, label: string) => `pseudonym-${e}-${label.replace(/\s/g, '_')}`;

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`count open data on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    async function setUp() {
      const store = await fixture.open();
      await store.count.saveElection(election);
      await store.count.importStations(election.id, [
        testStation(election, '8267'),
        testStation(election, '8268', { city: 'Novi Sad' }),
      ]);
      const counting = createCounting({ storage: store.count, shipped: () => [], now: () => NOW });
      const results = createResults({ counting, storage: store.count, pseudonym, now: () => NOW });
      const joined: Joined[] = [];
      for (const role of ['volunteer', 'coordinator'] as const) {
        const [code = ''] = await store.count.createInvites({
          election: election.id,
          station: '8267',
          role,
          expiresAt: NOW + DAY_MS,
          n: 1,
        });
        const redeemed = await store.count.redeemInvite(code, NOW - 2 * DAY_MS);
        if (!redeemed.ok) throw new Error(redeemed.reason);
        joined.push(redeemed.joined);
      }
      const send = async (volunteer: Joined, events: Record<string, unknown>[]) => {
        const recorded = await counting.record(volunteer, { events });
        expect(recorded).toMatchObject({ ok: true });
      };
      const [anna, boris] = joined as [Joined, Joined];
      const wrongQueue = randomUUID();
      await send(anna, [
        { id: randomUUID(), kind: 'shift-start', at: at('10:00'), door: 'main' },
        ...['10:01', '10:02', '10:03'].map((t) => ({
          id: randomUUID(),
          kind: 'entry',
          at: at(t),
          door: 'main',
        })),
        { id: randomUUID(), kind: 'shift-end', at: at('10:15'), door: 'main' },
        { id: wrongQueue, kind: 'queue', at: at('10:05'), people: 500, waitMinutes: 600 },
        { id: randomUUID(), kind: 'undo', at: at('10:06'), target: wrongQueue },
        { id: randomUUID(), kind: 'queue', at: at('10:07'), people: 50, waitMinutes: 60 },
        { id: randomUUID(), kind: 'exitpoll', at: at('10:08'), answer: 'a', gender: 'female', age: 34 },
        { id: randomUUID(), kind: 'exitpoll', at: at('10:09'), answer: 'a' },
      ]);
      await send(boris, [
        { id: randomUUID(), kind: 'exitpoll', at: at('10:20'), answer: 'declined' },
        // Boris cannot take back Anna's report.
        { id: randomUUID(), kind: 'undo', at: at('10:21'), target: wrongQueue },
      ]);
      const tallies = [
        'station,door,volunteer,from,to,count',
        `8268,side,Vera Ivanova,${at('11:00')},${at('11:30')},7`,
      ].join('\n');
      expect(await results.importTallies(election.id, tallies)).toMatchObject({ ok: true });
      await store.count.importAnswers(
        election.id,
        'voteabroad',
        ['8268'],
        [
          {
            station: '8268',
            bucket: Date.parse(at('11:00')),
            answer: 'a',
            gender: 'male',
            age: 40,
            respondents: 4,
          },
          {
            station: '8268',
            bucket: Date.parse(at('11:00')),
            answer: 'a',
            gender: '',
            age: -1,
            respondents: 1,
          },
        ],
      );
      return { results, anna, boris };
    }

    it('exports the queue reports that stand and the answers per bucket and source', async () => {
      const { results } = await setUp();
      const data = await results.export(election.id, { privileged: false });
      expect(data?.exitPollPublished).toBe(true);
      expect(data?.tables.queues).toEqual([
        { station: '8267', at: new Date(at('10:07')).toISOString(), people: 50, wait_minutes: 60 },
      ]);
      const bucket = (time: string) => new Date(at(time)).toISOString();
      expect(data?.tables.answers).toEqual([
        { station: '8267', bucket_start: bucket('10:00'), answer: 'a', respondents: 2, source: 'volunteers' },
        {
          station: '8267',
          bucket_start: bucket('10:15'),
          answer: 'declined',
          respondents: 1,
          source: 'volunteers',
        },
        { station: '8268', bucket_start: bucket('11:00'), answer: 'a', respondents: 5, source: 'voteabroad' },
      ]);
      expect(data?.tables.counts.map((r) => [r.station, r.door, r.count, r.volunteers])).toEqual([
        ['8267', 'main', 3, 1],
        ['8268', 'side', 3.5, 1],
        ['8268', 'side', 3.5, 1],
      ]);
      expect(await results.export('no-such', { privileged: false })).toBeUndefined();
    });

    it('carries no volunteer id, token, tally label or pseudonym, as JSON or CSV', async () => {
      const { results, anna, boris } = await setUp();
      const data = await results.export(election.id, { privileged: true });
      if (!data) throw new Error('no export');
      const everything = [
        JSON.stringify(data),
        data.readme,
        ...OPEN_DATA_TABLES.map((table) => openDataCsv(data, table)),
      ].join('\n');
      const secrets = [
        anna.volunteer,
        anna.token,
        boris.volunteer,
        boris.token,
        'Vera',
        'Ivanova',
        pseudonym(election.id, 'Vera Ivanova'),
        'female',
        'male',
      ];
      for (const secret of secrets) expect(everything).not.toContain(secret);
    });
  });
}
