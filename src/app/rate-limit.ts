// A token bucket per key (a Telegram user, a web session, a client address), in this process's memory:
// `messages` at once, refilled at `messages` per `perMs`. O(1) per key, and full (idle) buckets are swept when
// there are many, so memory follows the active keys only. With several instances each counts on its own: good
// against a runaway script, not a defence against a distributed attack (that belongs in front of the server).

export type RateVerdict = 'ok' | 'limited-first' | 'limited';

export interface RateLimitOptions {
  messages: number;
  perMs: number;
  now?: () => number;
  /** Sweep idle buckets once there are this many (default 50,000). */
  sweepAt?: number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Whether the user was already told to slow down since the bucket ran dry. */
  warned: boolean;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly ratePerMs: number;
  private readonly sweepAt: number;

  constructor(private readonly options: RateLimitOptions) {
    if (options.messages < 1 || options.perMs <= 0)
      throw new RangeError('a rate limit needs messages ≥ 1 and perMs > 0');
    this.now = options.now ?? Date.now;
    this.ratePerMs = options.messages / options.perMs;
    this.sweepAt = options.sweepAt ?? 50_000;
  }

  /**
   * Takes one message from the key's bucket. 'limited-first' is the first refusal since the bucket ran dry, so
   * the caller tells the user once instead of answering every extra message with a warning.
   */
  take(key: string): RateVerdict {
    const now = this.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      return 'ok';
    }
    if (bucket.warned) return 'limited';
    bucket.warned = true;
    return 'limited-first';
  }

  /** Whole seconds until the key may send again (at least 1), for a Retry-After header. */
  retryAfterSeconds(key: string): number {
    const tokens = this.buckets.get(key)?.tokens ?? this.options.messages;
    return Math.max(1, Math.ceil((1 - tokens) / this.ratePerMs / 1000));
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.sweepAt) this.sweep(now);
      bucket = { tokens: this.options.messages, at: now, warned: false };
      this.buckets.set(key, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(this.options.messages, bucket.tokens + (now - bucket.at) * this.ratePerMs);
    bucket.at = now;
    return bucket;
  }

  /** Forgets buckets that have refilled completely: a new bucket for them would be the same. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + (now - bucket.at) * this.ratePerMs >= this.options.messages)
        this.buckets.delete(key);
  }
}
