// A fixed-window counter per key (a session, a client address), in this process's memory. With several
// instances each counts on its own, so the real limit is the per-instance one times the instances: good enough
// against a runaway script, not a defence against a distributed attack (that belongs in front of the server).

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): Taken;
  forget(key: string): void;
}

/** Above this many keys, expired windows are swept, so memory stays bounded under many clients. */
const SWEEP_AT = 50_000;

export function createRateLimiter(
  limit: number,
  windowMs: number,
  now: () => number = Date.now,
): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();

  function sweep(time: number): void {
    for (const [key, window] of windows) if (time - window.start >= windowMs) windows.delete(key);
  }

  return {
    take(key) {
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= windowMs) {
        if (windows.size >= SWEEP_AT) sweep(time);
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= limit)
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - time) / 1000)),
        };
      window.count++;
      return { ok: true };
    },
    forget(key) {
      windows.delete(key);
    },
  };
}
