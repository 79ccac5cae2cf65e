// Answers that read every station's events (the report, the open data) are worked out at most once per period
// per election for the public: everyone asking in the same seconds shares one reading. A failure is not kept.

/** `compute` by key, each result reused for `ms` after it was asked for. */
export function recentFor<T>(
  ms: number,
  now: () => number,
  compute: (key: string) => Promise<T>,
): (key: string) => Promise<T> {
  const cache = new Map<string, { at: number; value: Promise<T> }>();
  return (key) => {
    const cached = cache.get(key);
    if (cached && now() - cached.at < ms) return cached.value;
    const value = compute(key);
    cache.set(key, { at: now(), value });
    value.catch(() => cache.delete(key));
    return value;
  };
}
