import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Election, parseElection } from '../catalogue/election.js';
import type { Station } from '../catalogue/stations.js';
import { BUCKET_MS } from '../count/buckets.js';
import { newCode, normaliseCode } from '../count/codes.js';
import type { TapRun } from '../count/counted.js';
import type { StoredEvent } from '../count/events.js';
import type { ExclusionActor, ExclusionRow } from '../count/exclusions.js';
import {
  AWAITED_REPLIES,
  type CountedRows,
  type CountStorage,
  type FormCodeState,
  type OfficialRow,
  type StationEvents,
  type UserLink,
  VOLUNTEER_ROLES,
  VOLUNTEERS_SOURCE,
  type Volunteer,
  type VolunteerRole,
} from '../count/storage.js';
import type { ChangeFeed } from './change-feed.js';
import type { CountTables } from './count-tables.js';
import type { Dialect } from './part.js';
import { guarded, type RepositoryOptions } from './repository.js';

// Count's rows (CountStorage). Codes and tokens are random and long, so a plain SHA-256 is enough to keep them
// useless to whoever reads the database; the clear text exists only in the answer that hands it out.

export type CountRepository = CountStorage;

const INSERT_CHUNK = 200;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

const asNumber = (value: number | string): number => Number(value);

function toStation(row: CountTables['count_stations']): Station {
  return {
    station: row.station,
    country: row.country,
    city: row.city,
    address: row.address,
    timezone: row.timezone,
    lat: row.lat === null ? null : Number(row.lat),
    lon: row.lon === null ? null : Number(row.lon),
    days: JSON.parse(row.days) as string[],
    opens: row.opens,
    closes: row.closes,
  };
}

function toVolunteer(
  row: Pick<CountTables['count_volunteers'], 'volunteer' | 'election' | 'station' | 'role'>,
) {
  const role = (VOLUNTEER_ROLES as readonly string[]).includes(row.role)
    ? (row.role as VolunteerRole)
    : 'volunteer';
  return { volunteer: row.volunteer, election: row.election, station: row.station, role };
}

/** A form code's station, or why it opens no form (read inside or outside a transaction). */
async function formCodeState(db: Kysely<CountTables>, codeHash: string, now: number): Promise<FormCodeState> {
  const row = await db
    .selectFrom('count_form_codes')
    .select(['election', 'station', 'expires_at', 'used'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used) return { ok: false, reason: 'used' };
  if (asNumber(row.expires_at) <= now) return { ok: false, reason: 'expired' };
  return { ok: true, election: row.election, station: row.station };
}

/**
 * A stored event as the domain reads it. Columns a query left out read as null (or not flagged); an exit-poll
 * answer's own row is in count_answers, so an event never carries one.
 */
function toEvent(
  row: Pick<CountTables['count_events'], 'id' | 'volunteer' | 'kind' | 'at'> &
    Partial<Pick<CountTables['count_events'], 'door' | 'people' | 'wait_minutes' | 'target' | 'flagged'>>,
): StationEvents['events'][number] {
  return {
    id: row.id,
    volunteer: row.volunteer,
    kind: row.kind as StoredEvent['kind'],
    at: asNumber(row.at),
    door: row.door ?? null,
    people: row.people ?? null,
    waitMinutes: row.wait_minutes ?? null,
    target: row.target ?? null,
    answer: null,
    gender: null,
    age: null,
    flagged: row.flagged === 1,
  };
}

export const stationKey = (election: string, station: string) => `${election}\n${station}`;

export function createCountRepository(
  db: Kysely<CountTables>,
  options: RepositoryOptions & { feed: ChangeFeed; dialect: Dialect },
): CountRepository {
  const guard = guarded(options.explain);
  const { feed } = options;

  const linkOf = (userKey: string) =>
    db
      .selectFrom('count_user_links')
      .innerJoin('count_volunteers', 'count_volunteers.volunteer', 'count_user_links.volunteer')
      .select([
        'count_volunteers.volunteer',
        'count_volunteers.election',
        'count_volunteers.station',
        'count_volunteers.role',
        'count_user_links.door',
        'count_user_links.awaiting',
        'count_user_links.awaiting_until',
      ])
      .where('count_user_links.user_key', '=', userKey)
      .executeTakeFirst();

  return {
    saveElection: (election) =>
      guard(async () => {
        const row = {
          id: election.id,
          body: JSON.stringify(election),
          added_at: options.now().toISOString(),
        };
        await db
          .insertInto('count_elections')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet({ body: row.body, added_at: row.added_at }))
          .execute();
      }),

    addedElections: () =>
      guard(async () => {
        const rows = await db.selectFrom('count_elections').select('body').orderBy('id').execute();
        const elections: Election[] = [];
        // A row that no longer passes the schema (a later version's) is left out rather than trusted.
        for (const { body } of rows) {
          const parsed = parseElection(JSON.parse(body));
          if (parsed.ok) elections.push(parsed.election);
        }
        return elections;
      }),

    importStations: (election, stations) =>
      guard(() =>
        db.transaction().execute(async (trx) => {
          const existing = new Set(
            (
              await trx
                .selectFrom('count_stations')
                .select('station')
                .where('election', '=', election)
                .execute()
            ).map((r) => r.station),
          );
          let added = 0;
          for (const s of stations) {
            const row = {
              election,
              station: s.station,
              country: s.country,
              city: s.city,
              address: s.address,
              timezone: s.timezone,
              lat: s.lat,
              lon: s.lon,
              days: JSON.stringify(s.days),
              opens: s.opens,
              closes: s.closes,
            };
            const { election: _e, station: _s, ...changes } = row;
            await trx
              .insertInto('count_stations')
              .values(row)
              .onConflict((oc) => oc.columns(['election', 'station']).doUpdateSet(changes))
              .execute();
            if (!existing.has(s.station)) added++;
          }
          return { added, updated: stations.length - added };
        }),
      ),

    stations: (election) =>
      guard(async () => {
        const rows = await db
          .selectFrom('count_stations')
          .selectAll()
          .where('election', '=', election)
          .execute();
        return rows
          .map(toStation)
          .sort((a, b) => a.station.localeCompare(b.station, 'en', { numeric: true }));
      }),

    createInvites: ({ election, station, role, expiresAt, n }) =>
      guard(async () => {
        const codes = Array.from({ length: n }, newCode);
        await db
          .insertInto('count_invites')
          .values(
            codes.map((code) => ({
              code_hash: hashSecret(code),
              election,
              station,
              role,
              expires_at: expiresAt,
              used: 0,
            })),
          )
          .execute();
        return codes;
      }),

    redeemInvite: (code, now) =>
      guard(() =>
        db.transaction().execute(async (trx) => {
          const codeHash = hashSecret(normaliseCode(code));
          // Marking it used first, conditionally, makes two simultaneous uses of one code let only one through.
          const used = await trx
            .updateTable('count_invites')
            .set({ used: 1 })
            .where('code_hash', '=', codeHash)
            .where('used', '=', 0)
            .where('expires_at', '>', now)
            .executeTakeFirst();
          if (used.numUpdatedRows === 0n) {
            const invite = await trx
              .selectFrom('count_invites')
              .select(['used', 'expires_at'])
              .where('code_hash', '=', codeHash)
              .executeTakeFirst();
            if (!invite) return { ok: false as const, reason: 'unknown' as const };
            return { ok: false as const, reason: invite.used ? ('used' as const) : ('expired' as const) };
          }
          const invite = await trx
            .selectFrom('count_invites')
            .select(['election', 'station', 'role'])
            .where('code_hash', '=', codeHash)
            .executeTakeFirstOrThrow();
          const token = randomBytes(32).toString('base64url');
          const volunteer = { volunteer: randomBytes(12).toString('base64url'), ...invite };
          await trx
            .insertInto('count_volunteers')
            .values({ ...volunteer, token_hash: hashSecret(token), joined_at: now })
            .execute();
          return { ok: true as const, joined: { ...toVolunteer(volunteer), token } };
        }),
      ),

    createFormCodes: ({ election, station, expiresAt, n }) =>
      guard(async () => {
        const codes = Array.from({ length: n }, newCode);
        for (let i = 0; i < codes.length; i += INSERT_CHUNK)
          await db
            .insertInto('count_form_codes')
            .values(
              codes.slice(i, i + INSERT_CHUNK).map((code) => ({
                code_hash: hashSecret(code),
                election,
                station,
                expires_at: expiresAt,
                used: 0,
              })),
            )
            .execute();
        return codes;
      }),

    formCode: (code, now) => guard(() => formCodeState(db, hashSecret(normaliseCode(code)), now)),

    answerForm: ({ code, answer, bucket, now }) =>
      guard(() =>
        db.transaction().execute(async (trx) => {
          const codeHash = hashSecret(normaliseCode(code));
          // Used up first, conditionally: of two answers sent at once with one code, only one gets through.
          const used = await trx
            .updateTable('count_form_codes')
            .set({ used: 1 })
            .where('code_hash', '=', codeHash)
            .where('used', '=', 0)
            .where('expires_at', '>', now)
            .executeTakeFirst();
          if (used.numUpdatedRows === 0n) return formCodeState(trx, codeHash, now);
          const { election, station } = await trx
            .selectFrom('count_form_codes')
            .select(['election', 'station'])
            .where('code_hash', '=', codeHash)
            .executeTakeFirstOrThrow();
          // Kept as the volunteers' answers are: a count per station, bucket and answer, and nothing else.
          await trx
            .insertInto('count_answers')
            .values({ election, station, bucket, answer, gender: '', age: -1, respondents: 1 })
            .onConflict((oc) =>
              oc
                .columns(['election', 'station', 'bucket', 'answer', 'gender', 'age'])
                .doUpdateSet((eb) => ({ respondents: eb('count_answers.respondents', '+', 1) })),
            )
            .execute();
          return { ok: true as const, election, station };
        }),
      ),

    volunteerByToken: (token) =>
      guard(async () => {
        const row = await db
          .selectFrom('count_volunteers')
          .select(['volunteer', 'election', 'station', 'role'])
          .where('token_hash', '=', hashSecret(token))
          .executeTakeFirst();
        return row ? toVolunteer(row) : undefined;
      }),

    linkUser: (userKey, volunteer) =>
      guard(async () => {
        // Joining again (another station, another election) starts with no door and no reply awaited.
        const fresh = { volunteer, linked_at: options.now().toISOString(), door: null, awaiting: null };
        await db
          .insertInto('count_user_links')
          .values({ user_key: userKey, ...fresh, awaiting_until: null })
          .onConflict((oc) => oc.column('user_key').doUpdateSet({ ...fresh, awaiting_until: null }))
          .execute();
      }),

    volunteerByUser: (userKey) =>
      guard(async () => {
        const row = await linkOf(userKey);
        return row ? toVolunteer(row) : undefined;
      }),

    userLink: (userKey) =>
      guard(async (): Promise<UserLink | undefined> => {
        const row = await linkOf(userKey);
        if (!row) return undefined;
        const kind = AWAITED_REPLIES.find((k) => k === row.awaiting);
        const until = row.awaiting_until === null ? null : asNumber(row.awaiting_until);
        return {
          volunteer: toVolunteer(row),
          door: row.door,
          awaiting: kind === undefined || until === null ? null : { kind, until },
        };
      }),

    updateUserLink: (userKey, changes) =>
      guard(async () => {
        const set = {
          ...(changes.door === undefined ? {} : { door: changes.door }),
          ...(changes.awaiting === undefined
            ? {}
            : { awaiting: changes.awaiting?.kind ?? null, awaiting_until: changes.awaiting?.until ?? null }),
        };
        if (Object.keys(set).length === 0) return;
        await db.updateTable('count_user_links').set(set).where('user_key', '=', userKey).execute();
      }),

    addEvents: (volunteer: Volunteer, events: readonly StoredEvent[], receivedAt: number) =>
      guard(async () => {
        const payload = stationKey(volunteer.election, volunteer.station);
        const accepted = await db.transaction().execute(async (trx) => {
          const row = (e: StoredEvent) => ({
            id: e.id,
            election: volunteer.election,
            station: volunteer.station,
            volunteer: volunteer.volunteer,
            kind: e.kind,
            // An exit-poll answer's time is kept only to its bucket, like the answer itself.
            at: e.kind === 'exitpoll' ? e.at - (e.at % BUCKET_MS) : e.at,
            door: e.door,
            people: e.people,
            wait_minutes: e.waitMinutes,
            target: e.target,
            flagged: e.flagged ? 1 : 0,
            received_at: receivedAt,
          });
          let inserted = 0;
          const plain = events.filter((e) => e.kind !== 'exitpoll');
          for (let i = 0; i < plain.length; i += INSERT_CHUNK) {
            const result = await trx
              .insertInto('count_events')
              .values(plain.slice(i, i + INSERT_CHUNK).map(row))
              .onConflict((oc) => oc.column('id').doNothing())
              .executeTakeFirst();
            inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
          }
          // An answer is added to its bucket's count only when its event is new, so a retry adds nothing.
          for (const e of events.filter((e) => e.kind === 'exitpoll')) {
            const result = await trx
              .insertInto('count_events')
              .values(row(e))
              .onConflict((oc) => oc.column('id').doNothing())
              .executeTakeFirst();
            if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
            inserted++;
            await trx
              .insertInto('count_answers')
              .values({
                election: volunteer.election,
                station: volunteer.station,
                bucket: e.at - (e.at % BUCKET_MS),
                answer: e.answer ?? '',
                gender: e.gender ?? '',
                age: e.age ?? -1,
                respondents: 1,
              })
              .onConflict((oc) =>
                oc
                  .columns(['election', 'station', 'bucket', 'answer', 'gender', 'age'])
                  .doUpdateSet((eb) => ({ respondents: eb('count_answers.respondents', '+', 1) })),
              )
              .execute();
          }
          if (inserted > 0) await feed.inTransaction(trx as unknown as Kysely<unknown>, payload);
          return inserted;
        });
        if (accepted > 0) feed.afterCommit(payload);
        return { accepted, duplicates: events.length - accepted };
      }),

    stationEvents: (election, station) =>
      guard(async (): Promise<StationEvents> => {
        const rows = await db
          .selectFrom('count_events')
          .selectAll()
          .where('election', '=', election)
          .where('station', '=', station)
          // In the order they happened: a volunteer's shifts and undos are read in this order.
          .orderBy('at')
          .orderBy('received_at')
          .execute();
        let receivedAt: number | null = null;
        const events = rows.map((r) => {
          const received = asNumber(r.received_at);
          if (receivedAt === null || received > receivedAt) receivedAt = received;
          return toEvent(r);
        });
        return { events, receivedAt };
      }),

    countedRows: (election) =>
      guard(async () => {
        const byStation = new Map<string, CountedRows>();
        const rowsOf = (station: string) => {
          const found = byStation.get(station) ?? { taps: [], shiftEvents: [] };
          byStation.set(station, found);
          return found;
        };
        // One row per volunteer and door with every tap time joined, read from an index that holds just these.
        const times =
          options.dialect === 'postgres'
            ? sql<string>`string_agg(cast(at as text), ',')`
            : sql<string>`group_concat(at)`;
        const runs = await db
          .selectFrom('count_events')
          .select(['station', 'volunteer', 'door', times.as('times')])
          .where('election', '=', election)
          .where('kind', '=', 'entry')
          .where('flagged', '=', 0)
          .groupBy(['station', 'volunteer', 'door'])
          .execute();
        const runOf = new Map<string, TapRun>();
        const keyOf = (r: { station: string; volunteer: string; door: string | null }) =>
          `${r.station}\n${r.volunteer}\n${r.door ?? 'main'}`;
        for (const r of runs) {
          const key = keyOf(r);
          const at = r.times.split(',').map(Number);
          const run = runOf.get(key);
          if (run) run.at.push(...at);
          else {
            const made = { volunteer: r.volunteer, door: r.door ?? 'main', at };
            runOf.set(key, made);
            rowsOf(r.station).taps.push(made);
          }
        }

        // Undos are few: an entry a volunteer took back leaves their run by its time.
        const undos = await db
          .selectFrom('count_events')
          .select(['volunteer', 'target'])
          .where('election', '=', election)
          .where('kind', '=', 'undo')
          .execute();
        const undone = new Set(undos.map((u) => `${u.volunteer}\n${u.target}`));
        const undoneEntries = await db
          .selectFrom('count_events as undo')
          .innerJoin('count_events as entry', (join) =>
            join.onRef('entry.id', '=', 'undo.target').onRef('entry.volunteer', '=', 'undo.volunteer'),
          )
          .select(['entry.station', 'entry.volunteer', 'entry.door', 'entry.at'])
          .distinct()
          .where('undo.election', '=', election)
          .where('undo.kind', '=', 'undo')
          .where('entry.kind', '=', 'entry')
          .where('entry.flagged', '=', 0)
          .execute();
        for (const entry of undoneEntries) {
          const run = runOf.get(keyOf(entry));
          const index = run?.at.indexOf(asNumber(entry.at)) ?? -1;
          if (index >= 0) run?.at.splice(index, 1);
        }

        const shifts = await db
          .selectFrom('count_events')
          .select(['id', 'station', 'volunteer', 'kind', 'at', 'door'])
          .where('election', '=', election)
          .where('kind', 'in', ['shift-start', 'shift-end'])
          .execute();
        for (const r of shifts) {
          if (undone.has(`${r.volunteer}\n${r.id}`)) continue;
          rowsOf(r.station).shiftEvents.push(toEvent(r));
        }
        return byStation;
      }),

    importOfficial: (election, rows) =>
      guard(async () => {
        await db.transaction().execute(async (trx) => {
          for (const row of rows) {
            const values = { ballots: row.ballots, votes: JSON.stringify(row.votes) };
            await trx
              .insertInto('count_official')
              .values({ election, station: row.station, ...values })
              .onConflict((oc) => oc.columns(['election', 'station']).doUpdateSet(values))
              .execute();
          }
        });
      }),

    official: (election) =>
      guard(async () => {
        const rows = await db
          .selectFrom('count_official')
          .selectAll()
          .where('election', '=', election)
          .execute();
        return rows.map(
          (r): OfficialRow => ({
            station: r.station,
            ballots: Number(r.ballots),
            votes: JSON.parse(r.votes) as Record<string, number>,
          }),
        );
      }),

    importTallies: (election, stations, tallies) =>
      guard(async () => {
        await db.transaction().execute(async (trx) => {
          for (let i = 0; i < stations.length; i += INSERT_CHUNK)
            await trx
              .deleteFrom('count_tallies')
              .where('election', '=', election)
              .where('station', 'in', stations.slice(i, i + INSERT_CHUNK))
              .execute();
          for (let i = 0; i < tallies.length; i += INSERT_CHUNK)
            await trx
              .insertInto('count_tallies')
              .values(
                tallies.slice(i, i + INSERT_CHUNK).map((t) => ({
                  election,
                  station: t.station,
                  door: t.door,
                  volunteer: t.volunteer,
                  from_at: t.from,
                  to_at: t.to,
                  count: t.count,
                })),
              )
              .execute();
        });
      }),

    tallies: (election) =>
      guard(async () => {
        const rows = await db
          .selectFrom('count_tallies')
          .selectAll()
          .where('election', '=', election)
          .execute();
        return rows.map((r) => ({
          station: r.station,
          door: r.door,
          volunteer: r.volunteer,
          from: asNumber(r.from_at),
          to: asNumber(r.to_at),
          count: Number(r.count),
        }));
      }),

    importAnswers: (election, source, stations, answers) =>
      guard(async () => {
        await db.transaction().execute(async (trx) => {
          for (let i = 0; i < stations.length; i += INSERT_CHUNK)
            await trx
              .deleteFrom('count_imported_answers')
              .where('election', '=', election)
              .where('source', '=', source)
              .where('station', 'in', stations.slice(i, i + INSERT_CHUNK))
              .execute();
          for (let i = 0; i < answers.length; i += INSERT_CHUNK)
            await trx
              .insertInto('count_imported_answers')
              .values(answers.slice(i, i + INSERT_CHUNK).map((a) => ({ election, source, ...a })))
              .execute();
        });
      }),

    answerCounts: (election) =>
      guard(async () => {
        const counts: Record<string, Record<string, number>> = {};
        for (const table of ['count_answers', 'count_imported_answers'] as const) {
          const rows = await db
            .selectFrom(table)
            .select(['station', 'answer', (eb) => eb.fn.sum<number | string>('respondents').as('n')])
            .where('election', '=', election)
            .groupBy(['station', 'answer'])
            .execute();
          for (const { station, answer, n } of rows) {
            const byAnswer = counts[station] ?? {};
            counts[station] = byAnswer;
            byAnswer[answer] = (byAnswer[answer] ?? 0) + Number(n);
          }
        }
        return counts;
      }),

    answerRows: (election) =>
      guard(async () => {
        const volunteers = await db
          .selectFrom('count_answers')
          .select(['station', 'bucket', 'answer', (eb) => eb.fn.sum<number | string>('respondents').as('n')])
          .where('election', '=', election)
          .groupBy(['station', 'bucket', 'answer'])
          .execute();
        const imported = await db
          .selectFrom('count_imported_answers')
          .select([
            'station',
            'bucket',
            'answer',
            'source',
            (eb) => eb.fn.sum<number | string>('respondents').as('n'),
          ])
          .where('election', '=', election)
          .groupBy(['station', 'bucket', 'answer', 'source'])
          .execute();
        return [...volunteers.map((r) => ({ ...r, source: VOLUNTEERS_SOURCE })), ...imported].map(
          ({ station, bucket, answer, source, n }) => ({
            station,
            bucket: asNumber(bucket),
            answer,
            source,
            respondents: Number(n),
          }),
        );
      }),

    addExclusion: (election, row) =>
      guard(async () => {
        const payload = stationKey(election, row.station);
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('count_exclusions')
            .values({
              election,
              station: row.station,
              volunteer: row.volunteer,
              excluded: row.excluded ? 1 : 0,
              by: row.by,
              at: row.at,
            })
            .execute();
          await feed.inTransaction(trx as unknown as Kysely<unknown>, payload);
        });
        feed.afterCommit(payload);
      }),

    exclusions: (election, station) =>
      guard(async () => {
        let query = db
          .selectFrom('count_exclusions')
          .select(['station', 'volunteer', 'excluded', 'by', 'at'])
          .where('election', '=', election);
        if (station !== undefined) query = query.where('station', '=', station);
        const rows = await query.orderBy('id').execute();
        return rows.map(
          (r): ExclusionRow => ({
            station: r.station,
            volunteer: r.volunteer,
            excluded: r.excluded === 1,
            by: r.by as ExclusionActor,
            at: asNumber(r.at),
          }),
        );
      }),

    queueEvents: (election) =>
      guard(async () => {
        const rows = await db
          .selectFrom('count_events')
          .select(['id', 'station', 'volunteer', 'kind', 'at', 'people', 'wait_minutes', 'target', 'flagged'])
          .where('election', '=', election)
          .where('kind', 'in', ['queue', 'undo'])
          .orderBy('at')
          .orderBy('received_at')
          .execute();
        const byStation = new Map<string, StationEvents['events']>();
        for (const r of rows) {
          const list = byStation.get(r.station) ?? [];
          byStation.set(r.station, list);
          list.push(toEvent(r));
        }
        return byStation;
      }),

    onStationChanged(listener) {
      return feed.subscribe((payload) => {
        if (payload === '*') return listener('*', '*');
        const [election, station] = payload.split('\n');
        if (election !== undefined && station !== undefined) listener(election, station);
      });
    },
  };
}
