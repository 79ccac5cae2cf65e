import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { CountEvent } from '../../../count/events.js';
import type { VolunteerRole } from '../../../count/storage.js';
import type { Lang } from '../texts.js';
import { lastUndoable } from './summary.js';

// The phone's own record of what the volunteer did, in IndexedDB, so that a reload, a dead battery or a lost
// network loses nothing. Every action goes into `history` (what the screen counts) and `outbox` (what the server
// has not acknowledged yet) in one transaction, before the screen shows it; a row leaves the outbox only after
// the server said it stored it. A second tab shares the same database.

/** One invite redeemed on this phone. Old sessions stay: their unsent actions still go out with their token. */
export interface Session {
  id: string;
  token: string;
  election: string;
  /** The election's title as the server named it when joining; the id is shown without it. */
  electionTitle?: Record<Lang, string>;
  station: string;
  /** What the invite made them; sessions from before roles were kept are volunteers'. */
  role?: VolunteerRole;
  /** SHA-256 of the invite code, to recognise the same link opened again without spending it. */
  codeHash: string;
  /** The door the volunteer stands at; `main` unless they named another. */
  door: string;
  /** The station's total as last fetched, to show while offline. */
  stationCount?: { value: number | null; at: string };
  /** The election's exit-poll answers in its order, as the server listed them; fetched again while missing. */
  answers?: PollAnswer[];
  /** What the counter shows: the taps (the default), the exit poll, or (a coordinator's) the station's review. */
  mode?: 'count' | 'poll' | 'review';
}

export interface PollAnswer {
  id: string;
  ru: string;
  en: string;
}

export interface Logged {
  session: string;
  event: CountEvent;
}

export interface Batch {
  session: Session;
  seqs: number[];
  events: CountEvent[];
}

interface Schema extends DBSchema {
  sessions: { key: string; value: Session };
  meta: { key: 'current'; value: string };
  outbox: { key: number; value: Logged };
  history: { key: number; value: Logged; indexes: { session: string } };
}

const NAME = 'sobesednik-count';

export class Journal {
  readonly #db: IDBPDatabase<Schema>;

  private constructor(db: IDBPDatabase<Schema>) {
    this.#db = db;
  }

  /** Rejects where the browser keeps no data (some private windows): the page must say so, not pretend. */
  static async open(): Promise<Journal> {
    const db: IDBPDatabase<Schema> = await openDB<Schema>(NAME, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' });
        db.createObjectStore('meta');
        db.createObjectStore('outbox', { autoIncrement: true });
        db.createObjectStore('history', { autoIncrement: true }).createIndex('session', 'session');
      },
      // A newer page wants to upgrade the database: let it; this page's next action then fails loudly rather
      // than writing to a stale schema.
      blocking() {
        db.close();
      },
    });
    return new Journal(db);
  }

  async current(): Promise<Session | undefined> {
    const tx = this.#db.transaction(['meta', 'sessions']);
    const id = await tx.objectStore('meta').get('current');
    return id === undefined ? undefined : tx.objectStore('sessions').get(id);
  }

  /**
   * Makes `session` the current one. An earlier session's unsent actions stay queued under its own token; an
   * earlier session with nothing left to send is forgotten, token and history, as nothing needs it any more.
   */
  async begin(session: Session): Promise<void> {
    const tx = this.#db.transaction(['meta', 'sessions', 'outbox', 'history'], 'readwrite');
    await tx.objectStore('sessions').put(session);
    await tx.objectStore('meta').put(session.id, 'current');
    const waiting = new Set((await tx.objectStore('outbox').getAll()).map((row) => row.session));
    for (const id of await tx.objectStore('sessions').getAllKeys()) {
      if (id === session.id || waiting.has(id)) continue;
      await tx.objectStore('sessions').delete(id);
      for await (const cursor of tx.objectStore('history').index('session').iterate(id))
        await cursor.delete();
    }
    await tx.done;
  }

  /** Erases everything from the phone, but only once everything is sent; resolves to whether it did. */
  async erase(): Promise<boolean> {
    const tx = this.#db.transaction(['meta', 'sessions', 'outbox', 'history'], 'readwrite');
    const erased = (await tx.objectStore('outbox').count()) === 0;
    if (erased)
      await Promise.all([
        tx.objectStore('meta').clear(),
        tx.objectStore('sessions').clear(),
        tx.objectStore('history').clear(),
      ]);
    await tx.done;
    return erased;
  }

  async update(id: string, change: Partial<Omit<Session, 'id'>>): Promise<void> {
    const tx = this.#db.transaction('sessions', 'readwrite');
    const session = await tx.store.get(id);
    if (session) await tx.store.put({ ...session, ...change });
    await tx.done;
  }

  /** Stores the action for the screen and for the server at once; resolves when it is on disk. */
  async record(session: string, event: CountEvent): Promise<void> {
    const tx = this.#db.transaction(['history', 'outbox'], 'readwrite');
    await tx.objectStore('history').add({ session, event });
    await tx.objectStore('outbox').add({ session, event });
    await tx.done;
  }

  /**
   * Takes back the session's latest tap that is not taken back yet, in one transaction, so that two tabs
   * undoing at once take back two different taps. Resolves to the undo recorded, or null with nothing to undo.
   */
  async undoLast(session: string, makeUndo: (target: string) => CountEvent): Promise<CountEvent | null> {
    const tx = this.#db.transaction(['history', 'outbox'], 'readwrite');
    const history = tx.objectStore('history');
    const target = lastUndoable((await history.index('session').getAll(session)).map((row) => row.event));
    if (target === null) {
      await tx.done;
      return null;
    }
    const undo = makeUndo(target);
    await history.add({ session, event: undo });
    await tx.objectStore('outbox').add({ session, event: undo });
    await tx.done;
    return undo;
  }

  /**
   * Takes the session's latest exit-poll answer back, only while the server does not have it: it leaves the
   * outbox and the history together, as if never entered. A sent answer is kept by the server with nothing that
   * ties it to the volunteer, so nothing can take it back: that is 'sent', as is one `inFlight` says may be
   * on its way.
   */
  async withdrawLastAnswer(
    session: string,
    inFlight: (event: CountEvent) => boolean,
  ): Promise<'withdrawn' | 'sent' | 'none'> {
    const tx = this.#db.transaction(['history', 'outbox'], 'readwrite');
    let last: { key: number; event: CountEvent } | null = null;
    for await (const cursor of tx.objectStore('history').index('session').iterate(session))
      if (cursor.value.event.kind === 'exitpoll')
        last = { key: cursor.primaryKey, event: cursor.value.event };
    let outcome: 'withdrawn' | 'sent' | 'none' = last === null ? 'none' : 'sent';
    // One the server may be receiving right now counts as sent: taken back here, it would still count there.
    if (last !== null && !inFlight(last.event))
      for await (const cursor of tx.objectStore('outbox'))
        if (cursor.value.event.id === last.event.id) {
          await cursor.delete();
          await tx.objectStore('history').delete(last.key);
          outcome = 'withdrawn';
          break;
        }
    await tx.done;
    return outcome;
  }

  /** Whether the session's latest exit-poll answer is still on the phone only (and so can be taken back). */
  async lastAnswerUnsent(session: string): Promise<boolean> {
    const history = await this.history(session);
    const last = history.findLast((event) => event.kind === 'exitpoll');
    if (!last) return false;
    return (await this.#db.getAll('outbox')).some((row) => row.event.id === last.id);
  }

  /** The session's actions in the order they were made. */
  async history(session: string): Promise<CountEvent[]> {
    return (await this.#db.getAllFromIndex('history', 'session', session)).map((row) => row.event);
  }

  async pending(): Promise<number> {
    return this.#db.count('outbox');
  }

  /**
   * The oldest unsent actions of one session, in order, at most `max`, up to the first that `hold` keeps back;
   * the sessions in `skip` (refused by the server) are passed over and keep their actions.
   */
  async nextBatch(
    max: number,
    skip: ReadonlySet<string> = new Set(),
    hold: (event: CountEvent) => boolean = () => false,
  ): Promise<Batch | null> {
    const tx = this.#db.transaction(['outbox', 'sessions']);
    let batch: { session: string; seqs: number[]; events: CountEvent[] } | null = null;
    for await (const cursor of tx.objectStore('outbox')) {
      const row = cursor.value;
      // A held action waits, and everything after it too, so that the server still gets them in order.
      if (hold(row.event)) break;
      if (batch === null && skip.has(row.session)) continue;
      if (batch === null) batch = { session: row.session, seqs: [], events: [] };
      // One request carries one token; the next session's actions wait for the next batch.
      if (row.session !== batch.session) break;
      batch.seqs.push(cursor.key);
      batch.events.push(row.event);
      if (batch.events.length >= max) break;
    }
    if (batch === null) return null;
    const session = await tx.objectStore('sessions').get(batch.session);
    // A row always names a stored session; should one not, its actions are kept and never sent blind.
    return session ? { session, seqs: batch.seqs, events: batch.events } : null;
  }

  /** The server stored these: they leave the outbox (and stay in the history the screen counts). */
  async acknowledge(seqs: readonly number[]): Promise<void> {
    const tx = this.#db.transaction('outbox', 'readwrite');
    await Promise.all(seqs.map((seq) => tx.store.delete(seq)));
    await tx.done;
  }

  close(): void {
    this.#db.close();
  }
}
