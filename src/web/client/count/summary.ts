import type { CountEvent } from '../../../count/events.js';

// What the counter screen shows, read from the phone's own record of the session's actions: the count is what
// the volunteer tapped, whether or not the server has it yet.

export interface Summary {
  /** Taps not taken back. */
  mine: number;
  /** The tap that "undo" would take back. */
  undoable: string | null;
  shift: { door: string; since: string } | null;
  lastQueue: { people: number; waitMinutes: number; at: string } | null;
  /** Exit-poll answers entered on this phone (one taken back before it was sent is gone from the history). */
  answers: number;
}

export function summarize(events: readonly CountEvent[]): Summary {
  const undone = new Set<string>();
  for (const event of events) if (event.kind === 'undo') undone.add(event.target);
  let mine = 0;
  let shift: Summary['shift'] = null;
  let lastQueue: Summary['lastQueue'] = null;
  let answers = 0;
  for (const event of events) {
    if (event.kind === 'exitpoll') answers++;
    if (event.kind === 'entry' && !undone.has(event.id)) mine++;
    else if (event.kind === 'shift-start') shift = { door: event.door, since: event.at };
    else if (event.kind === 'shift-end' && shift?.door === event.door) shift = null;
    else if (event.kind === 'queue')
      lastQueue = { people: event.people, waitMinutes: event.waitMinutes, at: event.at };
  }
  return { mine, undoable: lastUndoable(events), shift, lastQueue, answers };
}

/** The latest tap not yet taken back, or null. */
export function lastUndoable(events: readonly CountEvent[]): string | null {
  const undone = new Set<string>();
  for (const event of events) if (event.kind === 'undo') undone.add(event.target);
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.kind === 'entry' && !undone.has(event.id)) return event.id;
  }
  return null;
}
