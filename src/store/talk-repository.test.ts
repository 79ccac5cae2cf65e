import { describe, expect, it } from 'vitest';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture, practiceSummary as summary } from '../test-support/stores.js';

// Talk's rows on every database the store supports: a user's practice summaries, and the anonymous counters
// and phrasings that carry no user at all.

noticeSkippedPostgres();

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`talk repository on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    it('keeps practice summaries as numbers and returns the most recent, oldest first', async () => {
      const { talk } = await fixture.open();
      for (let i = 1; i <= 5; i++)
        await talk.addPracticeSummary('k', summary({ finishedAt: `2026-03-0${i}T10:00:00.000Z`, turns: i }));
      await talk.addPracticeSummary('other', summary({ turns: 99 }));
      const recent = await talk.practiceSummaries('k', 3);
      expect(recent.map((s) => s.turns)).toEqual([3, 4, 5]);
      expect(recent[2]).toEqual(summary({ finishedAt: '2026-03-05T10:00:00.000Z', turns: 5 }));
    });

    it('counts positions met and practice outcomes per day, without any user, for the statistics', async () => {
      const { talk } = await fixture.open();
      await talk.countPositionsMet(['vote-rigged', 'nato', 'vote-rigged'], '2026-03-10');
      await talk.countPositionsMet(['vote-rigged'], '2026-03-10');
      await talk.countPositionsMet(['nato'], '2026-03-09');
      await talk.countPositionsMet(['nato'], '2026-03-08');
      await talk.countPositionsMet(['tv-says'], '2026-02-01'); // outside a week
      await talk.countPositionsMet([], '2026-03-10');
      for (const outcome of ['opened', 'opened', 'closed'] as const)
        await talk.countPracticeOutcome('mum', outcome, '2026-03-10');
      await talk.countPracticeOutcome('brother', 'limit', '2026-03-04');

      const positions = await talk.positionStats(7);
      expect(positions).toMatchObject({ days: 7, from: '2026-03-04', to: '2026-03-10' });
      expect(positions.positions).toEqual([
        { position: 'nato', total: 3, perDay: { '2026-03-08': 1, '2026-03-09': 1, '2026-03-10': 1 } },
        { position: 'vote-rigged', total: 2, perDay: { '2026-03-10': 2 } },
      ]);
      expect((await talk.positionStats(1)).positions.map((p) => p.position)).toEqual(['vote-rigged', 'nato']);

      const practice = await talk.practiceStats(7);
      expect(practice.personas).toEqual([
        { persona: 'mum', total: 3, outcomes: { opened: 2, closed: 1, stopped: 0, limit: 0 } },
        { persona: 'brother', total: 1, outcomes: { opened: 0, closed: 0, stopped: 0, limit: 1 } },
      ]);
      expect((await fixture.database.query('select * from positions_met'))[0]).not.toHaveProperty('user_key');
    });

    it('keeps shared phrasings with no link to who shared them', async () => {
      const { talk } = await fixture.open();
      await talk.sharePhrasing('  Они там все воруют  ', 'ru', '2026-03-10');
      await talk.sharePhrasing('   ', 'ru', '2026-03-10');
      await talk.sharePhrasing('x'.repeat(5000), 'en', '2026-03-10');
      const shared = await talk.sharedPhrasings();
      expect(shared.map((p) => [p.text.length, p.lang])).toEqual([
        ['Они там все воруют'.length, 'ru'],
        [2000, 'en'],
      ]);
      expect(
        Object.keys((await fixture.database.query('select * from shared_phrasings'))[0]!).sort(),
      ).toEqual(['day', 'id', 'lang', 'text']);
    });

    it('refuses a malformed day rather than splitting the statistics', async () => {
      const { talk } = await fixture.open();
      await expect(talk.countPositionsMet(['a'], '10.03.2026')).rejects.toThrow(/YYYY-MM-DD/);
      expect((await talk.positionStats(30)).positions).toEqual([]);
    });
  });
}
