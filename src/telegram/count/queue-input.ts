// A queue report typed as two numbers, people and minutes ("120 45"), after the volunteer pressed "Queue".

/** The events' schema's limits (src/count/events.ts), checked here too so that the answer can say what is wrong. */
const MAX_PEOPLE = 100_000;
const MAX_WAIT_MINUTES = 24 * 60;

// Two whole numbers, separated by spaces, a comma, a semicolon or a slash; "мин"/"min" after the second is fine.
const QUEUE = /^(\d{1,6})\s*[\s,;/]\s*(\d{1,5})\s*(?:мин[а-я]*|min[a-z]*)?\.?$/iu;

export function parseQueue(text: string): { people: number; waitMinutes: number } | undefined {
  const match = QUEUE.exec(text.trim());
  if (!match) return undefined;
  const people = Number(match[1]);
  const waitMinutes = Number(match[2]);
  if (people > MAX_PEOPLE || waitMinutes > MAX_WAIT_MINUTES) return undefined;
  return { people, waitMinutes };
}

/**
 * Who was asked for a queue report and has not answered yet, in this process's memory (like the rest of the
 * bot's short-lived state): their next text is read as the report. Forgotten after `ttlMs`, or the oldest first
 * past `capacity`.
 */
export class AwaitingQueue {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly options: { ttlMs: number; capacity: number; now: () => number } = {
      ttlMs: 10 * 60_000,
      capacity: 10_000,
      now: Date.now,
    },
  ) {}

  ask(userKey: string): void {
    this.until.delete(userKey);
    this.until.set(userKey, this.options.now() + this.options.ttlMs);
    if (this.until.size > this.options.capacity) {
      const oldest = this.until.keys().next();
      if (!oldest.done) this.until.delete(oldest.value);
    }
  }

  isAsked(userKey: string): boolean {
    const until = this.until.get(userKey);
    if (until === undefined) return false;
    if (until > this.options.now()) return true;
    this.until.delete(userKey);
    return false;
  }

  done(userKey: string): void {
    this.until.delete(userKey);
  }
}
