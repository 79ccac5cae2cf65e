import { randomUUID } from 'node:crypto';
import type { Election } from '../catalogue/election.js';
import type { Station } from '../catalogue/stations.js';
import type { VolunteerRole } from '../count/storage.js';
import type { Store } from '../store/open-store.js';

// An election open today (UTC, all day), so that events made "now" in a test count rather than being flagged as
// out of hours; its stations; and invite codes for them, made through the store as `count invite` makes them.

const DAY_MS = 86_400_000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

export function openElection(id = 'test-count', now = Date.now()): Election {
  return {
    id,
    kind: 'presidential',
    title: { ru: 'Тестовые выборы', en: 'Test election' },
    days: [isoDay(now - DAY_MS), isoDay(now)],
    hours: { opens: '00:00', closes: '23:59' },
    answers: [
      { id: 'a', ru: 'А', en: 'A' },
      { id: 'invalid', ru: 'Недействительный бюллетень', en: 'Spoiled ballot' },
      { id: 'removed', ru: 'Бюллетень унесён', en: 'Ballot taken away' },
      { id: 'declined', ru: 'Не захотел отвечать', en: 'Declined to answer' },
    ],
    sources: [{ publisher: 'Test', title: 'Test', year: 2026, url: 'https://example.org/' }],
  };
}

export function testStation(election: Election, number: string, overrides: Partial<Station> = {}): Station {
  return {
    station: number,
    country: 'RS',
    city: 'Belgrade',
    address: null,
    timezone: 'UTC',
    lat: null,
    lon: null,
    days: election.days,
    opens: election.hours.opens,
    closes: election.hours.closes,
    ...overrides,
  };
}

/** Saves the election and its stations; `invite` makes single-use codes as a coordinator would. */
export async function setUpElection(
  store: Pick<Store, 'count'>,
  options: { id?: string; stations?: string[]; now?: number } = {},
) {
  const election = openElection(options.id, options.now);
  await store.count.saveElection(election);
  await store.count.importStations(
    election.id,
    (options.stations ?? ['8267']).map((s) => testStation(election, s)),
  );
  return {
    election,
    invite: async (station: string, role: VolunteerRole = 'volunteer', expiresAt = Date.now() + DAY_MS) => {
      const [code] = await store.count.createInvites({
        election: election.id,
        station,
        role,
        expiresAt,
        n: 1,
      });
      if (code === undefined) throw new Error('no code made');
      return code;
    },
  };
}

/** One person in, `minutesAgo` minutes ago. */
export function entry(minutesAgo = 1, door = 'main') {
  return {
    id: randomUUID(),
    kind: 'entry',
    at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    door,
  };
}

export interface EventStream {
  /** The HTTP status and headers, as the server answered. */
  response: Response;
  /** Every message's data so far (comments excluded), parsed as JSON. */
  messages: unknown[];
  /** How many comment lines (heartbeats) came so far. */
  comments: number;
  /** The raw text received so far. */
  text(): string;
  /** Resolves when the server ended the stream (or close() was called). */
  ended: Promise<void>;
  /** Waits until a message satisfies `test`, or fails after `timeoutMs`. */
  next<T = Record<string, unknown>>(test: (message: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Waits until `n` comments have come. */
  heartbeats(n: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** A Server-Sent Events client over real HTTP, as EventSource would be, that keeps what it received. */
export async function openEventStream(url: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { Accept: 'text/event-stream' } });
  let raw = '';
  let buffer = '';
  const messages: unknown[] = [];
  let comments = 0;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  let ended: Promise<void> = Promise.resolve();
  if (response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    ended = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          raw += value;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6));
            if (data.length > 0) messages.push(JSON.parse(data.join('\n')));
            else if (block.startsWith(':')) comments++;
            end = buffer.indexOf('\n\n');
          }
          wake();
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  const until = (done: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms; received: ${raw.slice(-500)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    response,
    messages,
    get comments() {
      return comments;
    },
    text: () => raw,
    ended,
    async next<T>(test: (message: T) => boolean, timeoutMs = 5000) {
      let found: T | undefined;
      await until(
        () => {
          found = (messages as T[]).find(test);
          return found !== undefined;
        },
        timeoutMs,
        'matching message',
      );
      return found as T;
    },
    heartbeats: (n, timeoutMs = 5000) => until(() => comments >= n, timeoutMs, `${n} heartbeats`),
    close: () => abort.abort(),
  };
}
