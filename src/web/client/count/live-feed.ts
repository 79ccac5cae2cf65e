import type { Live, LiveStation } from '../../../count/counting.js';
import { api } from '../api.js';

// The live figures of one election: the whole picture from /live, then stations as the stream sends them,
// handed on in batches (300 busy stations may send 300 messages a second, more than a phone should redraw).
// Messages sent while the stream was down are not replayed, so each reconnection reads /live again; until it
// has, the figures are marked stale with the time they stopped being live.

export type Connection = { state: 'connecting' } | { state: 'live' } | { state: 'stale'; since: number };

export interface FeedHandlers {
  /** The whole picture: at the start and after every reconnection. */
  snapshot(live: Live): void;
  /** Stations whose figures changed, the latest of each, at most once per BATCH_MS. */
  stations(stations: LiveStation[]): void;
  connection(connection: Connection): void;
  /** The server knows no such election; the feed has stopped. */
  missing(): void;
}

const BATCH_MS = 500;
/** Waits before reconnecting after the stream was refused, growing with each failure in a row. */
const RETRY_MS = [1_000, 3_000, 10_000, 30_000, 60_000];

export function liveUrl(election: string): string {
  return `/api/count/elections/${encodeURIComponent(election)}`;
}

/** A message of the stream, or null for anything that is not a station. */
function parseStation(data: unknown): LiveStation | null {
  if (typeof data !== 'string') return null;
  try {
    const station = JSON.parse(data) as Partial<LiveStation> | null;
    return typeof station?.station === 'string' && typeof station.counted === 'object'
      ? (station as LiveStation)
      : null;
  } catch {
    return null;
  }
}

/** Opens the feed; the function it returns closes it. */
export function openFeed(election: string, handlers: FeedHandlers): () => void {
  const base = liveUrl(election);
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failures = 0;
  let open = false;
  /** Counts the stream's drops: a snapshot read before the latest drop may miss what came after it. */
  let drops = 0;
  let snapshotAfterDrop: number | null = null;
  let fetching = false;
  /** When the figures stopped being live; null while they are. */
  let since: number | null = null;
  const changed = new Map<string, LiveStation>();
  let batch: ReturnType<typeof setTimeout> | undefined;

  function received(station: LiveStation): void {
    changed.set(station.station, station);
    batch ??= setTimeout(() => {
      batch = undefined;
      const list = [...changed.values()];
      changed.clear();
      if (!stopped) handlers.stations(list);
    }, BATCH_MS);
  }

  const stale = () => {
    since ??= Date.now();
    handlers.connection({ state: 'stale', since });
  };

  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(batch);
    source?.close();
    source = undefined;
    window.removeEventListener('online', reconnectNow);
    window.removeEventListener('offline', stale);
  }

  /** Closes the stream and opens it again later, with jitter so that thousands of pages do not return at once. */
  function retry(): void {
    source?.close();
    source = undefined;
    open = false;
    drops++;
    stale();
    clearTimeout(timer);
    const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 60_000;
    failures++;
    timer = setTimeout(connect, wait * (0.5 + Math.random()));
  }

  const fresh = () => snapshotAfterDrop === drops;

  async function snapshot(): Promise<void> {
    const asked = drops;
    fetching = true;
    const reply = await api<Live>('GET', `${base}/live`).catch(() => null);
    fetching = false;
    if (stopped) return;
    if (reply?.status === 404) {
      stop();
      handlers.missing();
      return;
    }
    if (reply?.status !== 200 || !reply.data) return retry();
    handlers.snapshot(reply.data);
    snapshotAfterDrop = asked;
    if (!open) return;
    if (fresh()) live();
    else void snapshot();
  }

  function live(): void {
    failures = 0;
    since = null;
    handlers.connection({ state: 'live' });
  }

  // The stream and the first /live are asked for together, so that no change falls between the two; the page
  // keeps whichever of a station's two versions is newer.
  function connect(): void {
    if (stopped) return;
    const next = new EventSource(`${base}/stream`);
    source = next;
    next.onmessage = (event) => {
      const station = parseStation(event.data);
      if (station) received(station);
    };
    next.onopen = () => {
      open = true;
      if (fresh()) live();
      else if (!fetching) void snapshot();
    };
    next.onerror = () => {
      if (source !== next) return;
      open = false;
      drops++;
      // CLOSED: refused (an HTTP error); EventSource gives up, so the page retries. Otherwise it is retrying itself.
      if (next.readyState === EventSource.CLOSED) retry();
      else stale();
    };
    // Every (re)connection starts from the whole picture; onopen alone would come too late for the first paint.
    void snapshot();
  }

  /** Back online: a stream that looks open may have lost messages meanwhile, so it is opened afresh. */
  function reconnectNow(): void {
    if (stopped) return;
    clearTimeout(timer);
    source?.close();
    open = false;
    drops++;
    failures = 0;
    connect();
  }

  window.addEventListener('online', reconnectNow);
  window.addEventListener('offline', stale);
  handlers.connection({ state: 'connecting' });
  connect();
  return stop;
}
