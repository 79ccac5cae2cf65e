import { describe, expect, it } from 'vitest';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';

// Official results, paper tallies and imported exit-poll answers on every database: a re-import replaces a
// station's rows rather than adding to them, and imports from one source leave the others' answers alone.

noticeSkippedPostgres();

const E = 'test-results';
const answer = (station: string, a: string, respondents: number) => ({
  station,
  bucket: 1_700_000_100_000,
  answer: a,
  gender: '',
  age: -1,
  respondents,
});
const tally = (station: string, count: number) => ({
  station,
  door: 'main',
  volunteer: 'tally:x',
  from: 1_700_000_000_000,
  to: 1_700_000_900_000,
  count,
});

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`count results on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    it('replaces a station official row and tallies on re-import, leaving other stations', async () => {
      const { count } = await fixture.open();
      await count.importOfficial(E, [
        { station: '1', ballots: 10, votes: { a: 9 } },
        { station: '2', ballots: 20, votes: { a: 19 } },
      ]);
      await count.importOfficial(E, [{ station: '1', ballots: 11, votes: { a: 10 } }]);
      expect((await count.official(E)).sort((x, y) => x.station.localeCompare(y.station))).toEqual([
        { station: '1', ballots: 11, votes: { a: 10 } },
        { station: '2', ballots: 20, votes: { a: 19 } },
      ]);

      await count.importTallies(E, ['1', '2'], [tally('1', 5), tally('1', 6), tally('2', 7)]);
      await count.importTallies(E, ['1'], [tally('1', 8)]);
      expect((await count.tallies(E)).map((t) => [t.station, t.count]).sort()).toEqual([
        ['1', 8],
        ['2', 7],
      ]);
    });

    it('counts imported answers once however often imported, beside the volunteers’ own', async () => {
      const { count } = await fixture.open();
      const file = [answer('1', 'a', 3), answer('1', 'declined', 1), answer('2', 'a', 2)];
      await count.importAnswers(E, 'voteabroad', ['1', '2'], file);
      await count.importAnswers(E, 'voteabroad', ['1', '2'], file);
      await count.importAnswers(E, 'other', ['1'], [answer('1', 'a', 4)]);
      expect(await count.answerCounts(E)).toEqual({ '1': { a: 7, declined: 1 }, '2': { a: 2 } });
      expect(await count.answerCounts('another')).toEqual({});
    });
  });
}
