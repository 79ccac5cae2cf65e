import { describe, expect, it } from 'vitest';
import { BUCKET_MS } from '../count/buckets.js';
import { createCounting } from '../count/counting.js';
import { createForms } from '../count/forms.js';
import { openElection, testStation } from '../test-support/count.js';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';
import type { Store } from './open-store.js';

// Voters' self-filled forms on every database: a code answers once, even when two answers race; the answer is
// counted with the station's exit poll; and nothing but the code's hash, its station and a used flag is kept.

noticeSkippedPostgres();

const NOW = Date.parse('2026-03-10T12:07:30Z');
const election = openElection('test-forms', NOW);

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`self-filled forms on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    async function formsOver(store: Store, now = () => NOW) {
      const counting = createCounting({ storage: store.count, shipped: () => [election], now });
      return createForms({ counting, storage: store.count, now });
    }

    async function setUp(n = 3) {
      const store = await fixture.open();
      await store.count.importStations(election.id, [
        testStation(election, '8267'),
        testStation(election, '8300', { city: 'Novi Sad' }),
      ]);
      const forms = await formsOver(store);
      const made = await forms.make({ election: election.id, station: '8267', n, base: 'https://x.org' });
      if (!made.ok) throw new Error(made.reason);
      return { store, forms, codes: made.codes.map((c) => c.code) };
    }

    it('opens a form until it is answered, counts the answer once and refuses the code after', async () => {
      const { store, forms, codes } = await setUp();
      const [code = ''] = codes;
      const opened = await forms.open(code);
      expect(opened).toMatchObject({
        ok: true,
        form: { election: election.id, station: '8267', city: 'Belgrade', title: election.title },
      });
      expect(opened.ok && opened.form.answers.map((a) => a.id)).toEqual([
        'a',
        'invalid',
        'removed',
        'declined',
      ]);

      expect(await forms.answer({ code, answer: 'a' })).toEqual({ ok: true });
      expect(await forms.answer({ code, answer: 'a' })).toEqual({ ok: false, reason: 'used' });
      expect(await forms.open(code)).toEqual({ ok: false, reason: 'used' });
      // Typed from the card, in capitals and with dashes, another code still works.
      const typed = (codes[1] ?? '').toUpperCase().replace(/(.{4})(?!$)/g, '$1-');
      expect(await forms.answer({ code: typed, answer: 'declined' })).toEqual({ ok: true });

      expect(await store.count.answerCounts(election.id)).toEqual({ '8267': { a: 1, declined: 1 } });
      const rows = await fixture.database.query('select * from count_answers');
      // The server's time, rounded down to its quarter of an hour: 12:07:30 is the 12:00 bucket.
      expect(rows.map((r) => Number(r.bucket))).toEqual([NOW - (NOW % BUCKET_MS), NOW - (NOW % BUCKET_MS)]);
      expect(rows.every((r) => r.gender === '' && Number(r.age) === -1)).toBe(true);
    });

    it('refuses a made-up code, an answer the election has not, another station and an expired code', async () => {
      const { store, forms, codes } = await setUp();
      const [code = ''] = codes;
      expect(await forms.open('abcdefghjkmnpqrs')).toEqual({ ok: false, reason: 'unknown' });
      expect(await forms.answer({ code: 'abcdefghjkmnpqrs', answer: 'a' })).toEqual({
        ok: false,
        reason: 'unknown',
      });
      expect(await forms.answer({ code, answer: 'putin' })).toEqual({ ok: false, reason: 'no-such-answer' });
      expect(await forms.answer({ code, answer: 'a', station: '8300' })).toEqual({
        ok: false,
        reason: 'other-station',
      });
      // None of these used the code up.
      expect(await forms.answer({ code, answer: 'a', station: '8267' })).toEqual({ ok: true });

      const later = await formsOver(store, () => NOW + 365 * 86_400_000);
      expect(await later.answer({ code: codes[1] ?? '', answer: 'a' })).toEqual({
        ok: false,
        reason: 'expired',
      });
      expect(await store.count.answerCounts(election.id)).toEqual({ '8267': { a: 1 } });
    });

    it('refuses forms for an unknown election or station, making no code', async () => {
      const { forms } = await setUp(1);
      const base = 'https://x.org';
      expect(await forms.make({ election: 'nope', station: '8267', n: 1, base })).toEqual({
        ok: false,
        reason: 'no-election',
      });
      expect(await forms.make({ election: election.id, station: '1', n: 1, base })).toEqual({
        ok: false,
        reason: 'no-station',
      });
      expect(await fixture.database.query('select * from count_form_codes')).toHaveLength(1);
    });

    it('counts one of four answers sent at once with one code', async () => {
      const { store, forms, codes } = await setUp(1);
      // Two instances on PostgreSQL. Two SQLite connections in one thread would wait on each other's lock
      // synchronously, which two processes do not: on SQLite the race is run within one instance.
      const other = dialect.name === 'postgres' ? await formsOver(await fixture.open()) : forms;
      const code = codes[0] ?? '';
      const results = await Promise.all([
        forms.answer({ code, answer: 'a' }),
        other.answer({ code, answer: 'declined' }),
        forms.answer({ code, answer: 'a' }),
        other.answer({ code, answer: 'invalid' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['used', 'used', 'used']);
      const counts = (await store.count.answerCounts(election.id))['8267'] ?? {};
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
    });

    it('keeps codes only as hashes, with a used flag and no time of use', async () => {
      const { forms, codes } = await setUp(2);
      await forms.answer({ code: codes[0] ?? '', answer: 'a' });
      const rows = await fixture.database.query('select * from count_form_codes');
      expect(Object.keys(rows[0] ?? {}).sort()).toEqual([
        'code_hash',
        'election',
        'expires_at',
        'station',
        'used',
      ]);
      expect(rows.map((r) => Number(r.used)).sort()).toEqual([0, 1]);
      const seized = await fixture.database.seize();
      for (const code of codes) expect(seized).not.toContain(code);
    });
  });
}
