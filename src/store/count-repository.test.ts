import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Election } from '../catalogue/election.js';
import type { Station } from '../catalogue/stations.js';
import type { TapRun } from '../count/counted.js';
import { counting as countedEvents, createCounting } from '../count/counting.js';
import { testStation } from '../test-support/count.js';
import { noticeSkippedPostgres, testDialects } from '../test-support/databases.js';
import { storeFixture } from '../test-support/stores.js';

// Count's rows on every database: invites used once, events stored once whatever the retries, exit-poll answers
// kept without their volunteer, and every instance told of a change another instance committed.

noticeSkippedPostgres();

const election: Election = {
  id: 'test-2026',
  kind: 'presidential',
  title: { ru: 'Тестовые выборы', en: 'Test election' },
  days: ['2026-03-10', '2026-03-11'],
  hours: { opens: '08:00', closes: '20:00' },
  answers: [
    { id: 'a', ru: 'А', en: 'A' },
    { id: 'invalid', ru: 'Недействительный', en: 'Invalid' },
    { id: 'removed', ru: 'Унесён', en: 'Removed' },
    { id: 'declined', ru: 'Отказ', en: 'Declined' },
  ],
  sources: [{ publisher: 'Test', title: 'Test', year: 2026, url: 'https://example.org/' }],
};

const station = (number: string, overrides: Partial<Station> = {}) =>
  testStation(election, number, overrides);

const NOW = Date.parse('2026-03-10T12:00:00Z');
const entry = (at = '2026-03-10T10:00:00Z', door = 'main') => ({ id: randomUUID(), kind: 'entry', at, door });

for (const dialect of testDialects()) {
  describe.skipIf(!dialect.available)(`count repository on ${dialect.name}`, () => {
    const fixture = storeFixture(dialect);

    async function joined(stations = ['8267']) {
      const store = await fixture.open();
      await store.count.importStations(
        election.id,
        stations.map((s) => station(s)),
      );
      const counting = createCounting({ storage: store.count, shipped: () => [election], now: () => NOW });
      const [code = ''] = await store.count.createInvites({
        election: election.id,
        station: stations[0] ?? '',
        role: 'volunteer',
        expiresAt: NOW + 86_400_000,
        n: 1,
      });
      const result = await counting.join(code);
      if (!result.ok) throw new Error(result.reason);
      return { store, counting, volunteer: result.joined, code };
    }

    it('lets an invite code be used once, and keeps only its hash', async () => {
      const { store, counting, volunteer, code } = await joined();
      expect(volunteer).toMatchObject({ election: election.id, station: '8267', role: 'volunteer' });
      expect(await counting.volunteerByToken(volunteer.token)).toMatchObject({
        volunteer: volunteer.volunteer,
      });
      expect(await counting.volunteerByToken('nonsense')).toBeUndefined();
      expect(await counting.join(code)).toEqual({ ok: false, reason: 'used' });
      expect(await counting.join('no-such-code')).toEqual({ ok: false, reason: 'unknown' });
      const [expired = ''] = await store.count.createInvites({
        election: election.id,
        station: '8267',
        role: 'coordinator',
        expiresAt: NOW - 1,
        n: 1,
      });
      expect(await counting.join(expired)).toEqual({ ok: false, reason: 'expired' });
      // A code typed from paper, with capitals and dashes, still works.
      const [typed = ''] = await store.count.createInvites({
        election: election.id,
        station: '8267',
        role: 'volunteer',
        expiresAt: NOW + 1000,
        n: 1,
      });
      const spaced = typed.toUpperCase().replace(/(.{4})(?!$)/g, '$1-');
      expect((await counting.join(spaced)).ok).toBe(true);

      const dump = JSON.stringify([
        await fixture.database.query('select * from count_invites'),
        await fixture.database.query('select * from count_volunteers'),
      ]);
      for (const secret of [code, expired, typed, volunteer.token]) expect(dump).not.toContain(secret);
    });

    it('stores a batch once however often it is sent, and counts what the volunteer tapped', async () => {
      const { counting, volunteer } = await joined();
      const taps = [
        entry('2026-03-10T10:00:00Z'),
        entry('2026-03-10T10:05:00Z'),
        entry('2026-03-10T10:20:00Z'),
      ];
      const undo = { id: randomUUID(), kind: 'undo', target: taps[2]?.id };
      expect(await counting.record(volunteer, { events: [...taps, undo] })).toEqual({
        ok: true,
        accepted: 4,
        duplicates: 0,
      });
      // The phone did not hear the answer and sends the same batch again, with one new tap.
      const again = await counting.record(volunteer, {
        events: [...taps, undo, entry('2026-03-10T10:30:00Z')],
      });
      expect(again).toEqual({ ok: true, accepted: 1, duplicates: 4 });
      const running = await counting.running(volunteer);
      expect(running.mine).toBe(3);
      expect(running.station).toBe(3);
      const live = await counting.live(election.id);
      expect(live?.totals.counted).toBe(3);
      expect(live?.stations[0]).toMatchObject({ station: '8267', country: 'RS', counted: { value: 3 } });
    });

    it("reads the report's taps in bulk exactly as the live count reads them one station at a time", async () => {
      const { store, counting, volunteer } = await joined();
      const [code = ''] = await store.count.createInvites({
        election: election.id,
        station: '8267',
        role: 'volunteer',
        expiresAt: NOW + 86_400_000,
        n: 1,
      });
      const other = await counting.join(code);
      if (!other.ok) throw new Error(other.reason);
      const mine = [
        entry('2026-03-10T10:00:00Z'),
        entry('2026-03-10T10:01:00Z'),
        entry('2026-03-10T10:02:00Z', 'side'),
      ];
      const start = { id: randomUUID(), kind: 'shift-start', at: '2026-03-10T09:00:00Z', door: 'main' };
      const end = { id: randomUUID(), kind: 'shift-end', at: '2026-03-10T11:00:00Z', door: 'main' };
      await counting.record(volunteer, {
        events: [
          ...mine,
          start,
          end,
          entry('2026-03-10T03:00:00Z'), // out of hours: flagged
          { id: randomUUID(), kind: 'undo', target: mine[1]?.id },
          { id: randomUUID(), kind: 'undo', target: end.id },
        ],
      });
      // Another volunteer cannot take back this one's tap.
      await counting.record(other.joined, {
        events: [entry('2026-03-10T10:03:00Z'), { id: randomUUID(), kind: 'undo', target: mine[0]?.id }],
      });

      const bulk = (await store.count.countedRows(election.id)).get('8267');
      const { events } = await store.count.stationEvents(election.id, '8267');
      const one = countedEvents(events, NOW);
      const sorted = (runs: TapRun[]) =>
        runs
          .map((r) => ({ ...r, at: [...r.at].sort() }))
          .sort((a, b) => (a.volunteer + a.door).localeCompare(b.volunteer + b.door));
      expect(sorted(bulk?.taps ?? [])).toEqual(sorted(one.taps));
      expect(sorted(bulk?.taps ?? []).flatMap((r) => r.at)).toHaveLength(3);
      expect(countedEvents(bulk?.shiftEvents ?? [], NOW).shifts).toEqual(one.shifts);
      // The undone end leaves the shift open until now.
      expect(one.shifts).toEqual([
        { volunteer: volunteer.volunteer, door: 'main', from: Date.parse(start.at), to: NOW },
      ]);
    });

    it('refuses a batch with one malformed event whole, naming it', async () => {
      const { counting, volunteer } = await joined();
      const bad = { id: randomUUID(), kind: 'entry', at: '2026-03-10 10:00' };
      const result = await counting.record(volunteer, { events: [entry(), bad] });
      expect(result).toMatchObject({ ok: false, index: 1 });
      expect(!result.ok && result.error).toMatch(/event 1 .*at: expected an ISO-8601 time with an offset/);
      const future = await counting.record(volunteer, { events: [entry('2026-03-10T13:00:00Z')] });
      expect(!future.ok && future.error).toMatch(/in the future/);
      expect((await counting.running(volunteer)).mine).toBe(0);
    });

    it('keeps taps outside the hours and faster than a person taps, but does not count them', async () => {
      const { counting, volunteer, store } = await joined();
      const burst = Array.from({ length: 15 }, (_, i) =>
        entry(`2026-03-10T11:00:00.${String(i * 10).padStart(3, '0')}Z`),
      );
      const night = entry('2026-03-10T03:00:00Z');
      expect(await counting.record(volunteer, { events: [...burst, night] })).toMatchObject({ accepted: 16 });
      expect((await counting.running(volunteer)).mine).toBe(10);
      const { events } = await store.count.stationEvents(election.id, '8267');
      expect(events.filter((e) => e.flagged)).toHaveLength(6);
    });

    it('keeps an exit-poll answer as station, bucket and answer only, once', async () => {
      const { counting, volunteer } = await joined();
      const answer = { id: randomUUID(), kind: 'exitpoll', at: '2026-03-10T10:07:31Z', answer: 'a', age: 40 };
      await counting.record(volunteer, { events: [answer] });
      await counting.record(volunteer, { events: [answer] });
      const rows = await fixture.database.query('select * from count_answers');
      expect(rows).toEqual([
        expect.objectContaining({ station: '8267', answer: 'a', age: 40, respondents: 1 }),
      ]);
      expect(Number((rows[0] as { bucket: string }).bucket)).toBe(Date.parse('2026-03-10T10:00:00Z'));
      expect(JSON.stringify(rows)).not.toContain(volunteer.volunteer);
      const unknown = await counting.record(volunteer, {
        events: [{ ...answer, id: randomUUID(), answer: 'zz' }],
      });
      expect(unknown.ok).toBe(false);
    });

    it('reads the latest queue and keeps an open shift covering the time up to now', async () => {
      const { counting, volunteer } = await joined();
      await counting.record(volunteer, {
        events: [
          { id: randomUUID(), kind: 'shift-start', at: '2026-03-10T10:00:00Z', door: 'main' },
          entry('2026-03-10T10:01:00Z'),
          { id: randomUUID(), kind: 'queue', at: '2026-03-10T11:00:00Z', people: 300, waitMinutes: 90 },
          { id: randomUUID(), kind: 'queue', at: '2026-03-10T10:00:00Z', people: 100, waitMinutes: 30 },
        ],
      });
      const live = await counting.liveStation(election.id, '8267');
      expect(live?.queue).toEqual({ people: 300, waitMinutes: 90, at: '2026-03-10T11:00:00.000Z' });
      // Two hours watched of 24 opening hours (two days of 12).
      expect(live?.counted.coverage).toBeCloseTo(2 / 24);
      expect((await counting.running(volunteer)).shiftDoor).toBe('main');
    });

    it('imports stations by number, updating those it has', async () => {
      const store = await fixture.open();
      expect(await store.count.importStations(election.id, [station('10'), station('9')])).toEqual({
        added: 2,
        updated: 0,
      });
      expect(
        await store.count.importStations(election.id, [station('9', { city: 'Novi Sad' }), station('11')]),
      ).toEqual({ added: 1, updated: 1 });
      const stations = await store.count.stations(election.id);
      expect(stations.map((s) => [s.station, s.city])).toEqual([
        ['9', 'Novi Sad'],
        ['10', 'Belgrade'],
        ['11', 'Belgrade'],
      ]);
      await store.count.saveElection(election);
      expect(await store.count.addedElections()).toEqual([election]);
    });

    it('tells every instance on the database of a committed change', async () => {
      const { counting, volunteer } = await joined();
      const other = await fixture.open();
      const heard = new Promise<[string, string]>((resolve) =>
        other.count.onStationChanged((e, s) => resolve([e, s])),
      );
      // Let the other instance's LISTEN connection open before the change is sent.
      await new Promise((resolve) => setTimeout(resolve, dialect.name === 'postgres' ? 300 : 0));
      await counting.record(volunteer, { events: [entry()] });
      if (dialect.name === 'sqlite') {
        // SQLite serves one process: the instance that wrote is the one told.
        const own = new Promise((resolve) => counting.watch(election.id, resolve));
        await counting.record(volunteer, { events: [entry()] });
        expect(await own).toMatchObject({ station: '8267', counted: { value: 2 } });
      } else expect(await heard).toEqual([election.id, '8267']);
    });

    it("forgets a bot user's link but keeps what was counted", async () => {
      const { store, counting, volunteer } = await joined();
      await store.count.linkUser('user-key', volunteer.volunteer);
      expect(await store.count.volunteerByUser('user-key')).toMatchObject({ station: '8267' });
      await counting.record(volunteer, { events: [entry()] });
      await store.users.forgetUser('user-key');
      expect(await store.count.volunteerByUser('user-key')).toBeUndefined();
      expect((await counting.running(volunteer)).mine).toBe(1);
    });

    it("keeps a bot user's door and awaited reply with the link, and starts afresh on joining again", async () => {
      const { store, volunteer } = await joined();
      await store.count.linkUser('user-key', volunteer.volunteer);
      expect(await store.count.userLink('user-key')).toMatchObject({ door: null, awaiting: null });
      const until = NOW + 600_000;
      await store.count.updateUserLink('user-key', { door: 'северный', awaiting: { kind: 'queue', until } });
      // Another instance (another store on the same database) reads what this one wrote.
      const other = await fixture.open();
      expect(await other.count.userLink('user-key')).toEqual({
        volunteer: {
          volunteer: volunteer.volunteer,
          election: election.id,
          station: '8267',
          role: 'volunteer',
        },
        door: 'северный',
        awaiting: { kind: 'queue', until },
      });
      await other.count.updateUserLink('user-key', { awaiting: null });
      expect(await store.count.userLink('user-key')).toMatchObject({ door: 'северный', awaiting: null });
      await store.count.updateUserLink('nobody', { door: 'x' });
      expect(await store.count.userLink('nobody')).toBeUndefined();
      await store.count.linkUser('user-key', volunteer.volunteer);
      expect(await store.count.userLink('user-key')).toMatchObject({ door: null, awaiting: null });
    });
  });
}
