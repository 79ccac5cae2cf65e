/**
 * A set that remembers at most `capacity` values, forgetting the oldest first: for "have I seen this update /
 * told this chat already" in memory that must not grow without end.
 */
export class BoundedSet<T> {
  private readonly values = new Set<T>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  /** Adds the value; false when it was already there. */
  add(value: T): boolean {
    if (this.values.has(value)) return false;
    this.values.add(value);
    if (this.values.size > this.capacity) {
      // A Set iterates in insertion order, so the first value is the oldest.
      const oldest = this.values.values().next();
      if (!oldest.done) this.values.delete(oldest.value);
    }
    return true;
  }

  has(value: T): boolean {
    return this.values.has(value);
  }

  delete(value: T): void {
    this.values.delete(value);
  }

  get size(): number {
    return this.values.size;
  }
}
