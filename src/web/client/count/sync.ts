import type { CountEvent } from '../../../count/events.js';
import { now, observe } from './clock.js';
import type { Journal } from './journal.js';

// Sends the outbox to the server in order, a batch at a time, and deletes a batch only after a 2xx: whatever
// breaks in between (the network, the server mid-write, the battery), the batch is sent again and the server,
// which keeps each action's UUID once, counts it once. One tab at a time sends (a Web Lock), so two open tabs
// do not send the same batch side by side.

export type SyncProblem = { kind: 'token' } | { kind: 'batch'; reason: string };

/** The API's limit (count-spec.md); a server that takes fewer bytes says 413 and the batch is halved. */
const MAX_BATCH = 500;
const LOCK = 'sobesednik-count-sync';
/** A request that hangs (a captive portal, a half-dead network) must not hold the lock for ever. */
const TIMEOUT_MS = 20_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;
/** Another tab's actions, or a retry nobody nudged, are picked up at least this often. */
const SWEEP_MS = 30_000;
/**
 * An exit-poll answer waits this long before it is sent: once the server has it, nothing links it to the
 * volunteer and it cannot be taken back, so a mistaken tap can be undone meanwhile.
 */
export const ANSWER_GRACE_MS = 8_000;

type Outcome = 'done' | 'later' | 'stop';

export class Sync {
  readonly #journal: Journal;
  readonly #changed: () => void;
  #size = MAX_BATCH;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #again = false;
  /** When the earliest held answer may go (epoch ms, the server's clock), or null when none waits. */
  #releaseAt: number | null = null;
  /** Sessions whose token the server refused: their actions stay on the phone, the others still go. */
  readonly #refused = new Set<string>();
  sending = false;
  problem: SyncProblem | null = null;

  /** `changed` is called whenever the outbox shrank or the state shown (sending, problem) changed. */
  constructor(journal: Journal, changed: () => void) {
    this.#journal = journal;
    this.#changed = changed;
    setInterval(() => {
      if (!this.#running && this.#timer === undefined) this.nudge();
    }, SWEEP_MS);
    addEventListener('online', () => {
      this.#failures = 0;
      this.nudge();
    });
  }

  /** Sends what waits, now; a refused batch waits for `retry` instead. */
  nudge(): void {
    if (this.problem?.kind === 'batch') return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#running) {
      this.#again = true;
      return;
    }
    void this.#run();
  }

  /** The volunteer asked to send again (after fixing the phone's clock, say). */
  retry(): void {
    this.problem = null;
    this.#refused.clear();
    this.#failures = 0;
    this.#changed();
    this.nudge();
  }

  async #run(): Promise<void> {
    this.#running = true;
    let outcome: Outcome;
    try {
      outcome = await withLock(() => this.#drain());
    } catch {
      outcome = 'later';
    }
    this.#running = false;
    this.#setSending(false);
    if (outcome === 'later') {
      this.#failures++;
      const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (this.#failures - 1));
      // Jitter, so that phones that lost the network together do not all come back in the same second.
      this.#timer = setTimeout(() => this.nudge(), delay * (0.5 + Math.random() / 2));
    } else this.#failures = 0;
    if (outcome === 'done' && this.#releaseAt !== null && !this.#again)
      this.#timer = setTimeout(() => this.nudge(), Math.max(0, this.#releaseAt - now()) + 100);
    if (this.#again && outcome === 'done') {
      this.#again = false;
      this.nudge();
    }
    this.#again = false;
  }

  /**
   * Whether an unsent action may be in the request under way: an answer still within its grace period is not
   * (batches stop before it), anything else is while a batch is out.
   */
  mayBeSending(event: CountEvent): boolean {
    if (event.kind === 'exitpoll' && Date.parse(event.at) + ANSWER_GRACE_MS > now()) return false;
    return this.sending;
  }

  /** Holds back an answer younger than the grace period, and notes when it may go. */
  readonly #hold = (event: CountEvent): boolean => {
    if (event.kind !== 'exitpoll') return false;
    const release = Date.parse(event.at) + ANSWER_GRACE_MS;
    if (release <= now()) return false;
    this.#releaseAt = this.#releaseAt === null ? release : Math.min(this.#releaseAt, release);
    return true;
  };

  async #drain(): Promise<Outcome> {
    this.#releaseAt = null;
    for (;;) {
      const batch = await this.#journal.nextBatch(this.#size, this.#refused, this.#hold);
      if (!batch) return 'done';
      this.#setSending(true);
      let response: Response;
      const sentAt = Date.now();
      try {
        response = await fetch('/api/count/events', {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${batch.session.token}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
          },
          body: JSON.stringify({ events: batch.events }),
          credentials: 'omit',
          cache: 'no-store',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        return 'later';
      }
      observe(response, sentAt);
      if (response.ok) {
        await this.#journal.acknowledge(batch.seqs);
        this.#changed();
        continue;
      }
      if (response.status === 413 && this.#size > 1) {
        this.#size = Math.ceil(this.#size / 2);
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        this.#refused.add(batch.session.id);
        this.problem = { kind: 'token' };
        this.#changed();
        continue;
      }
      if (response.status === 400 || response.status === 422) {
        this.problem = { kind: 'batch', reason: await reasonOf(response) };
        this.#changed();
        return 'stop';
      }
      // 5xx, 429, a proxy's 502: the server is busy or restarting; the same batch goes again later.
      return 'later';
    }
  }

  #setSending(sending: boolean): void {
    if (this.sending === sending) return;
    this.sending = sending;
    this.#changed();
  }
}

/** Where the browser has Web Locks (every current one); without them the server's dedup still holds. */
async function withLock(run: () => Promise<Outcome>): Promise<Outcome> {
  if (!navigator.locks) return run();
  return await navigator.locks.request(LOCK, run);
}

async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`;
}
