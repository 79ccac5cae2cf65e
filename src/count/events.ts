import { z } from 'zod';

// What a volunteer's phone or the bot sends (count-spec.md, "What volunteers send"). Each event carries its own
// client-made UUID so that a retry after a lost answer, a second tab or a restarted server counts it once.

/** At most this many events a batch (the spec's limit). */
export const MAX_BATCH = 500;
/** A phone's clock may run a little fast; an event further in the future than this is refused. */
export const FUTURE_SLACK_MS = 5 * 60_000;
export const DEFAULT_DOOR = 'main';

const uuid = z.uuid({ error: 'expected a UUID' });
// An offset is required: a time without one means a different instant in every time zone.
const instant = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 time with an offset or Z' });
const doorName = z
  .string({ error: 'expected a door name' })
  .trim()
  .min(1, { error: 'expected a door name' })
  .max(40, { error: 'expected a door name of at most 40 characters' })
  .regex(/^[\p{L}\p{N} _.-]+$/u, { error: 'expected a door name of letters, digits, spaces, _ . -' });
const door = doorName.default(DEFAULT_DOOR);

/** A door's name as a volunteer typed it, trimmed; undefined when events would refuse it. */
export function parseDoor(text: string): string | undefined {
  const parsed = doorName.safeParse(text.replace(/\s+/g, ' '));
  return parsed.success ? parsed.data : undefined;
}
const wholeNumber = (max: number) =>
  z
    .number({ error: `expected a whole number from 0 to ${max}` })
    .int({ error: `expected a whole number from 0 to ${max}` })
    .min(0, { error: `expected a whole number from 0 to ${max}` })
    .max(max, { error: `expected a whole number from 0 to ${max}` });

const entry = z.strictObject({ id: uuid, kind: z.literal('entry'), at: instant, door });
const undo = z.strictObject({ id: uuid, kind: z.literal('undo'), at: instant.optional(), target: uuid });
const queue = z.strictObject({
  id: uuid,
  kind: z.literal('queue'),
  at: instant,
  people: wholeNumber(100_000),
  waitMinutes: wholeNumber(24 * 60),
});
const exitpoll = z.strictObject({
  id: uuid,
  kind: z.literal('exitpoll'),
  at: instant,
  answer: z.string({ error: 'expected an answer id' }).min(1, { error: 'expected an answer id' }),
  gender: z.enum(['female', 'male', 'other'], { error: 'expected female, male or other' }).optional(),
  age: wholeNumber(120).optional(),
});
// A shift is the time a volunteer watched one door; its start and its end are sent as they happen.
const shiftStart = z.strictObject({ id: uuid, kind: z.literal('shift-start'), at: instant, door });
const shiftEnd = z.strictObject({ id: uuid, kind: z.literal('shift-end'), at: instant, door });

export const countEventSchema = z.discriminatedUnion(
  'kind',
  [entry, undo, queue, exitpoll, shiftStart, shiftEnd],
  {
    error: 'expected kind entry, undo, queue, exitpoll, shift-start or shift-end',
  },
);
export type CountEvent = z.infer<typeof countEventSchema>;
export type CountEventKind = CountEvent['kind'];
export const COUNT_EVENT_KINDS = ['entry', 'undo', 'queue', 'exitpoll', 'shift-start', 'shift-end'] as const;

/** One event as stored: times as epoch milliseconds, every optional field present. */
export interface StoredEvent {
  id: string;
  kind: CountEventKind;
  at: number;
  door: string | null;
  people: number | null;
  waitMinutes: number | null;
  target: string | null;
  answer: string | null;
  gender: string | null;
  age: number | null;
  /** Kept but not counted: outside the station's days and hours, or faster than a person taps. */
  flagged: boolean;
}

export type BatchResult =
  | { ok: true; events: CountEvent[] }
  | { ok: false; error: string; index: number | null };

/**
 * Reads a batch as the API receives it. One malformed event refuses the whole batch, named by its index and
 * id, so that a phone never half-sends its queue.
 */
export function parseBatch(body: unknown, now: number, answers: readonly string[]): BatchResult {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { events?: unknown }).events))
    return { ok: false, error: 'expected {"events": [...]}', index: null };
  const list = (body as { events: unknown[] }).events;
  if (list.length === 0) return { ok: false, error: 'expected at least one event', index: null };
  if (list.length > MAX_BATCH)
    return {
      ok: false,
      error: `expected at most ${MAX_BATCH} events a batch, got ${list.length}`,
      index: null,
    };
  const events: CountEvent[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of list.entries()) {
    const name = describe(raw, index);
    const parsed = countEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return { ok: false, error: `${name}: ${field}${issue?.message ?? 'malformed'}`, index };
    }
    const event = parsed.data;
    if (event.at !== undefined && Date.parse(event.at) > now + FUTURE_SLACK_MS)
      return { ok: false, error: `${name}: at: is in the future (check the phone's clock)`, index };
    if (event.kind === 'exitpoll' && !answers.includes(event.answer))
      return { ok: false, error: `${name}: answer: not an answer of this election`, index };
    // The same event twice in one batch is one event, as it is across batches.
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    events.push(event);
  }
  return { ok: true, events };
}

function describe(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 64 ? `event ${index} (${id})` : `event ${index}`;
}

/** More taps than this in one second from one volunteer are more than a person taps: kept, flagged, not counted. */
export const MAX_TAPS_PER_SECOND = 10;

/** The stored form; `flagged` is decided by the caller, who knows the station's hours. */
export function toStored(event: CountEvent, receivedAt: number): Omit<StoredEvent, 'flagged'> {
  const base = {
    id: event.id,
    kind: event.kind,
    at: event.at === undefined ? receivedAt : Date.parse(event.at),
    door: null,
    people: null,
    waitMinutes: null,
    target: null,
    answer: null,
    gender: null,
    age: null,
  };
  switch (event.kind) {
    case 'entry':
    case 'shift-start':
    case 'shift-end':
      return { ...base, door: event.door };
    case 'undo':
      return { ...base, target: event.target };
    case 'queue':
      return { ...base, people: event.people, waitMinutes: event.waitMinutes };
    case 'exitpoll':
      return { ...base, answer: event.answer, gender: event.gender ?? null, age: event.age ?? null };
  }
}
