import type { Election } from '../catalogue/election.js';
import { parseStations, type Station, type StationProblem } from '../catalogue/stations.js';
import { BUCKET_MS, type Interval, openingWindows } from './buckets.js';
import { countStation, type Shift, type Tap, type TapRun, tapRuns } from './counted.js';
import { stationDoors } from './doors.js';
import { MAX_TAPS_PER_SECOND, parseBatch, type StoredEvent, toStored } from './events.js';
import { currentExclusions } from './exclusions.js';
import { inviteExpiry } from './invites.js';
import type { CountStorage, RedeemResult, StationEvents, Volunteer, VolunteerRole } from './storage.js';

// Counting's use cases, over the storage interface: joining, recording a volunteer's events, and the live figures
// everyone may see. Nothing here knows HTTP or Telegram; the front ends call it.

/** One station as the live page and the stream show it (count-spec.md, HTTP API). No volunteer anywhere. */
export interface LiveStation {
  station: string;
  country: string;
  city: string;
  /** IANA, so that a page shows the station's own clock times. */
  timezone: string;
  counted: { value: number | null; coverage: number | null };
  queue: { people: number; waitMinutes: number; at: string } | null;
  updatedAt: string | null;
}

export interface Live {
  election: string;
  stations: LiveStation[];
  totals: { counted: number };
}

/** Arrivals per 15-minute bucket and door, for a station's public chart; `count` is null where nobody watched. */
export interface Arrivals {
  station: string;
  buckets: { from: string; to: string; door: string; count: number | null }[];
}

export type RecordResult =
  | { ok: true; accepted: number; duplicates: number }
  | { ok: false; error: string; index: number | null };

export type InviteResult =
  | { ok: true; codes: string[]; expiresAt: number }
  | { ok: false; reason: 'no-election' | 'no-station' };

export type ImportResult =
  | { ok: true; added: number; updated: number }
  | { ok: false; reason: 'no-election' }
  | { ok: false; reason: 'invalid'; problems: StationProblem[] };

/** A volunteer's own running count and their station's, for the counter screens. */
export interface Running {
  mine: number;
  station: number | null;
  /** The volunteer's open shift's door, or null when no shift is open. */
  shiftDoor: string | null;
  /** The id of the volunteer's latest entry that is not undone (what "undo" takes back). */
  lastEntry: string | null;
  /** The doors counted at this station so far, the main one first (doors.ts): what a volunteer chooses from. */
  doors: string[];
  /** Exit-poll answers the volunteer entered (how many only: the store keeps no answer linked to them). */
  answers: number;
}

export interface CountingOptions {
  storage: CountStorage;
  /** The elections shipped in content/ (the catalogue's). */
  shipped: () => readonly Election[];
  now?: () => number;
  /** Pause between two stream updates of one station (the spec's "at most one a second"). */
  coalesceMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
}

export interface Counting {
  election(id: string): Promise<Election | undefined>;
  elections(): Promise<Election[]>;
  stations(election: string): Promise<Station[]>;
  /** Reads a stations CSV against its election and imports it whole, or nothing of it. */
  importStations(election: string, file: Uint8Array | string): Promise<ImportResult>;
  /** Makes `n` single-use codes for a station, expiring as every front end's do (invites.ts). */
  invite(input: { election: string; station: string; role: VolunteerRole; n: number }): Promise<InviteResult>;
  join(code: string): Promise<RedeemResult>;
  volunteerByToken(token: string): Promise<Volunteer | undefined>;
  /** Validates a batch as the API received it and stores it whole, or refuses it whole. */
  record(volunteer: Volunteer, body: unknown): Promise<RecordResult>;
  running(volunteer: Volunteer): Promise<Running>;
  live(election: string): Promise<Live | undefined>;
  liveStation(election: string, station: string): Promise<LiveStation | undefined>;
  arrivals(election: string, station: string): Promise<Arrivals | undefined>;
  /**
   * Calls `listener` with a station's figures when they change, at most once per `coalesceMs` per station, in
   * this instance whichever instance stored the events. Returns the unsubscribe.
   */
  watch(election: string, listener: (station: LiveStation) => void): () => void;
  /**
   * A change this instance made outside `record` (an exclusion): its figures are worked out afresh at once and
   * sent to watchers, without waiting for PostgreSQL's notice of it to come back.
   */
  stationChanged(election: string, station: string): void;
  close(): void;
}

/** How long station lists and elections are trusted before being read again (another instance may import). */
const CACHE_MS = 10_000;

export function createCounting(options: CountingOptions): Counting {
  const { storage, shipped } = options;
  const now = options.now ?? Date.now;
  const coalesceMs = options.coalesceMs ?? 1000;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms).unref());

  const stationLists = new Map<string, { at: number; stations: Map<string, Station> }>();
  const liveCache = new Map<string, LiveStation>();
  // An open shift covers more of the chart as time passes, so cached arrivals also age out without a change, and
  // at once when a new quarter hour begins.
  const arrivalsCache = new Map<string, { at: number; nextBucket: number; arrivals: Arrivals }>();
  const watchers = new Map<string, Set<(station: LiveStation) => void>>();
  const pending = new Map<string, { due: boolean; timer: boolean }>();
  let added: { at: number; list: Election[] } | undefined;

  async function elections(): Promise<Election[]> {
    if (!added || now() - added.at > CACHE_MS) added = { at: now(), list: await storage.addedElections() };
    const ids = new Set(shipped().map((e) => e.id));
    return [...shipped(), ...added.list.filter((e) => !ids.has(e.id))];
  }

  async function election(id: string): Promise<Election | undefined> {
    // Every batch a volunteer sends looks its election up: the cached list answers, and only a miss reads again.
    const found = shipped().find((e) => e.id === id) ?? added?.list.find((e) => e.id === id);
    if (found) return found;
    added = undefined; // an election added a moment ago by a coordinator must be found
    return (await elections()).find((e) => e.id === id);
  }

  async function stationMap(electionId: string): Promise<Map<string, Station>> {
    const cached = stationLists.get(electionId);
    if (cached && now() - cached.at < CACHE_MS) return cached.stations;
    const list = await storage.stations(electionId);
    const stations = new Map(list.map((s) => [s.station, s]));
    stationLists.set(electionId, { at: now(), stations });
    return stations;
  }

  // Opening windows go through Intl for each day's time zone offset: worked out once per station as read (a
  // re-import makes new station objects), not for every batch.
  const windowsCache = new WeakMap<Station, Interval[]>();
  async function windowsOf(electionId: string, station: string): Promise<Interval[]> {
    const found = (await stationMap(electionId)).get(station);
    if (!found) return [];
    let windows = windowsCache.get(found);
    if (!windows) {
      windows = openingWindows(found);
      windowsCache.set(found, windows);
    }
    return windows;
  }

  /** A station's events less those of volunteers a coordinator excluded: what the public figures count. */
  async function publishedEvents(electionId: string, stationId: string): Promise<StationEvents> {
    const [{ events, receivedAt }, log] = await Promise.all([
      storage.stationEvents(electionId, stationId),
      storage.exclusions(electionId, stationId),
    ]);
    const excluded = currentExclusions(log).get(stationId);
    return { events: excluded ? events.filter((e) => !excluded.has(e.volunteer)) : events, receivedAt };
  }

  async function compute(electionId: string, station: Station): Promise<LiveStation> {
    const { events, receivedAt } = await publishedEvents(electionId, station.station);
    const windows = openingWindows(station);
    const { taps, shifts } = counting(events, now());
    const { counted } = countStation({ windows, taps, shifts, tallies: [] });
    let queue: LiveStation['queue'] = null;
    let queueAt = Number.NEGATIVE_INFINITY;
    for (const e of events)
      if (e.kind === 'queue' && !e.flagged && e.at > queueAt && e.people !== null && e.waitMinutes !== null) {
        queueAt = e.at;
        queue = { people: e.people, waitMinutes: e.waitMinutes, at: new Date(e.at).toISOString() };
      }
    return {
      station: station.station,
      country: station.country,
      city: station.city,
      timezone: station.timezone,
      counted: { value: counted.value, coverage: counted.coverage },
      queue,
      updatedAt: receivedAt === null ? null : new Date(receivedAt).toISOString(),
    };
  }

  async function liveStation(electionId: string, stationId: string): Promise<LiveStation | undefined> {
    const key = `${electionId}\n${stationId}`;
    const cached = liveCache.get(key);
    if (cached) return cached;
    const station = (await stationMap(electionId)).get(stationId);
    if (!station) return undefined;
    const live = await compute(electionId, station);
    liveCache.set(key, live);
    return live;
  }

  async function publish(electionId: string, stationId: string): Promise<void> {
    const listeners = watchers.get(electionId);
    if (!listeners?.size) return;
    const live = await liveStation(electionId, stationId);
    if (live) for (const listener of listeners) listener(live);
  }

  // A change drops the cached figures at once (the next read is fresh) and is sent to watchers at most once per
  // coalesceMs per station: the first change goes out now, later ones in the same second once it is over.
  function changed(electionId: string, stationId: string): void {
    // Changes may have been missed (a dropped connection to the database): nothing cached can be trusted.
    if (electionId === '*') {
      liveCache.clear();
      arrivalsCache.clear();
      return;
    }
    const key = `${electionId}\n${stationId}`;
    liveCache.delete(key);
    arrivalsCache.delete(key);
    if (!watchers.get(electionId)?.size) return;
    const state = pending.get(key);
    if (state?.timer) {
      state.due = true;
      return;
    }
    const flush = () => {
      const current = pending.get(key);
      if (current?.due) {
        current.due = false;
        void publish(electionId, stationId).catch(() => {});
        setTimer(flush, coalesceMs);
      } else pending.delete(key);
    };
    pending.set(key, { due: false, timer: true });
    void publish(electionId, stationId).catch(() => {});
    setTimer(flush, coalesceMs);
  }
  const unsubscribe = storage.onStationChanged(changed);

  /** Forgets what was read of an election's stations, so that an import shows at once in this instance. */
  function forgetStations(electionId: string): void {
    stationLists.delete(electionId);
    const prefix = `${electionId}\n`;
    for (const cache of [liveCache, arrivalsCache])
      for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
  }

  return {
    election,
    elections,
    stations: async (electionId) => [...(await stationMap(electionId)).values()],

    async importStations(electionId, file) {
      const found = await election(electionId);
      if (!found) return { ok: false, reason: 'no-election' };
      const parsed = parseStations(file, found);
      if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
      const { added, updated } = await storage.importStations(electionId, parsed.stations);
      forgetStations(electionId);
      return { ok: true, added, updated };
    },

    async invite({ election: electionId, station, role, n }) {
      const found = await election(electionId);
      if (!found) return { ok: false, reason: 'no-election' };
      // A station imported a moment ago (by the CLI, or another instance) must be found: a miss reads again.
      if (!(await stationMap(electionId)).has(station)) {
        stationLists.delete(electionId);
        if (!(await stationMap(electionId)).has(station)) return { ok: false, reason: 'no-station' };
      }
      const expiresAt = inviteExpiry(found, now());
      const codes = await storage.createInvites({ election: electionId, station, role, expiresAt, n });
      return { ok: true, codes, expiresAt };
    },
    join: (code) => storage.redeemInvite(code, now()),
    volunteerByToken: (token) => storage.volunteerByToken(token),

    async record(volunteer, body) {
      const found = await election(volunteer.election);
      const answers = found?.answers.map((a) => a.id) ?? [];
      const received = now();
      const batch = parseBatch(body, received, answers);
      if (!batch.ok) return batch;
      const windows = await windowsOf(volunteer.election, volunteer.station);
      const stored = batch.events.map((event): StoredEvent => {
        const base = toStored(event, received);
        const outOfHours =
          (base.kind === 'entry' || base.kind === 'queue' || base.kind === 'exitpoll') &&
          !nearOpeningHours(windows, base.at);
        return { ...base, flagged: outOfHours };
      });
      flagTooFast(stored);
      const { accepted, duplicates } = await storage.addEvents(volunteer, stored, received);
      if (accepted > 0) {
        // This instance knows its own change now; PostgreSQL's notice of it comes back a moment later, and a
        // counter read in between (the bot's, right after a tap) must not show the station's total before it.
        const key = `${volunteer.election}\n${volunteer.station}`;
        liveCache.delete(key);
        arrivalsCache.delete(key);
      }
      return { ok: true, accepted, duplicates };
    },

    async running(volunteer) {
      const { events } = await storage.stationEvents(volunteer.election, volunteer.station);
      const mineEvents = events.filter((e) => e.volunteer === volunteer.volunteer);
      const { taps } = counting(mineEvents, now());
      const undone = undoneIds(mineEvents);
      const lastEntry = mineEvents.findLast((e) => e.kind === 'entry' && !undone.has(e.id))?.id ?? null;
      const live = await liveStation(volunteer.election, volunteer.station);
      let shiftDoor: string | null = null;
      for (const e of mineEvents)
        if (e.kind === 'shift-start') shiftDoor = e.door;
        else if (e.kind === 'shift-end' && e.door === shiftDoor) shiftDoor = null;
      return {
        mine: taps.reduce((sum, run) => sum + run.at.length, 0),
        station: live?.counted.value === null || !live ? null : Math.round(live.counted.value),
        shiftDoor,
        lastEntry,
        doors: stationDoors(events),
        answers: mineEvents.filter((e) => e.kind === 'exitpoll').length,
      };
    },

    async live(electionId) {
      const found = await election(electionId);
      if (!found) return undefined;
      const stations: LiveStation[] = [];
      for (const station of (await stationMap(electionId)).keys()) {
        const live = await liveStation(electionId, station);
        if (live) stations.push(live);
      }
      const counted = stations.reduce((sum, s) => sum + (s.counted.value ?? 0), 0);
      return { election: electionId, stations, totals: { counted: Math.round(counted) } };
    },
    liveStation,

    async arrivals(electionId, stationId) {
      const key = `${electionId}\n${stationId}`;
      const cached = arrivalsCache.get(key);
      if (cached && now() - cached.at < CACHE_MS && now() < cached.nextBucket) return cached.arrivals;
      const station = (await stationMap(electionId)).get(stationId);
      if (!station) return undefined;
      const at = now();
      const { events } = await publishedEvents(electionId, stationId);
      const { buckets } = countStation({
        windows: openingWindows(station),
        ...counting(events, at),
        tallies: [],
      });
      // Quarter hours still to come are left off: nobody has watched them yet, and a chart drawn a moment later
      // must not show the quarter just begun as one nobody counted.
      const begun = buckets.filter((b) => b.from <= at);
      const arrivals: Arrivals = {
        station: stationId,
        buckets: begun.map((b) => ({
          from: new Date(b.from).toISOString(),
          to: new Date(b.to).toISOString(),
          door: b.door,
          count: b.count,
        })),
      };
      const nextBucket = buckets.find((b) => b.from > at)?.from ?? Number.POSITIVE_INFINITY;
      arrivalsCache.set(key, { at, nextBucket, arrivals });
      return arrivals;
    },

    watch(electionId, listener) {
      const set = watchers.get(electionId) ?? new Set();
      watchers.set(electionId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) watchers.delete(electionId);
      };
    },
    stationChanged: changed,
    close: unsubscribe,
  };
}

/** Within the opening hours or a bucket either side of them; an event further out is kept but flagged. */
export function nearOpeningHours(windows: readonly Interval[], at: number): boolean {
  return windows.some((w) => w.from - BUCKET_MS <= at && at < w.to + BUCKET_MS);
}

/** More taps in one second than a person makes are kept for the record but not counted. */
function flagTooFast(events: StoredEvent[]): void {
  const entries = events.filter((e) => e.kind === 'entry' && !e.flagged).sort((a, b) => a.at - b.at);
  let first = 0;
  for (const [i, entry] of entries.entries()) {
    while ((entries[first]?.at ?? entry.at) <= entry.at - 1000) first++;
    if (i - first >= MAX_TAPS_PER_SECOND) entry.flagged = true;
  }
}

/** Events undone by the volunteer who sent them (an undo of someone else's event does nothing). */
export function undoneIds(events: readonly (StoredEvent & { volunteer: string })[]): Set<string> {
  const senders = new Map(events.map((e) => [e.id, e.volunteer]));
  const undone = new Set<string>();
  for (const e of events)
    if (e.kind === 'undo' && e.target && senders.get(e.target) === e.volunteer) undone.add(e.target);
  return undone;
}

/**
 * The taps and shifts that count: entries not undone and not flagged, and each volunteer's shifts paired
 * start to end per door (a shift still open runs until `now`).
 */
export function counting(
  events: readonly (StoredEvent & { volunteer: string })[],
  now: number,
): { taps: TapRun[]; shifts: Shift[] } {
  const undone = undoneIds(events);
  const taps: Tap[] = [];
  const shifts: Shift[] = [];
  const open = new Map<string, { volunteer: string; door: string; from: number }>();
  const sorted = [...events].sort((a, b) => a.at - b.at);
  for (const e of sorted) {
    if (undone.has(e.id)) continue;
    if (e.kind === 'entry' && !e.flagged)
      taps.push({ volunteer: e.volunteer, door: e.door ?? 'main', at: e.at });
    if (e.kind !== 'shift-start' && e.kind !== 'shift-end') continue;
    const door = e.door ?? 'main';
    const key = `${e.volunteer}\n${door}`;
    const started = open.get(key);
    if (e.kind === 'shift-start') {
      if (!started) open.set(key, { volunteer: e.volunteer, door, from: e.at });
    } else if (started) {
      open.delete(key);
      if (e.at > started.from) shifts.push({ ...started, to: e.at });
    }
  }
  for (const started of open.values()) if (now > started.from) shifts.push({ ...started, to: now });
  return { taps: tapRuns(taps), shifts };
}

/** A queue report as published: when, how many people, how long the wait was thought to be. No volunteer. */
export interface QueueReport {
  at: number;
  people: number;
  waitMinutes: number;
}

/** The queue reports that stand: not flagged, and not undone by the volunteer who sent them; in time order. */
export function queueReports(events: readonly (StoredEvent & { volunteer: string })[]): QueueReport[] {
  const undone = undoneIds(events);
  const reports: QueueReport[] = [];
  for (const e of events)
    if (e.kind === 'queue' && !e.flagged && !undone.has(e.id) && e.people !== null && e.waitMinutes !== null)
      reports.push({ at: e.at, people: e.people, waitMinutes: e.waitMinutes });
  return reports.sort((a, b) => a.at - b.at);
}
