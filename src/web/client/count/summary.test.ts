import { describe, expect, it } from 'vitest';
import type { CountEvent } from '../../../count/events.js';
import { lastUndoable, summarize } from './summary.js';

// What the counter shows comes from the phone's record alone, sent or not.

const at = (minute: number) => `2026-09-18T10:${String(minute).padStart(2, '0')}:00.000Z`;
const entry = (id: string, minute = 0, door = 'main'): CountEvent => ({
  id,
  kind: 'entry',
  at: at(minute),
  door,
});
const undo = (id: string, target: string): CountEvent => ({ id, kind: 'undo', at: at(30), target });

describe('the counter summary', () => {
  it('counts the taps not taken back, and undoes the latest one left each time', () => {
    const events = [entry('a'), entry('b'), entry('c'), undo('u1', 'c')];
    expect(summarize(events).mine).toBe(2);
    expect(lastUndoable(events)).toBe('b');
    const more = [...events, undo('u2', 'b')];
    expect(summarize(more)).toMatchObject({ mine: 1, undoable: 'a' });
    expect(summarize([...more, undo('u3', 'a')])).toMatchObject({ mine: 0, undoable: null });
  });

  it('knows the shift that is running, at which door, and the last queue report', () => {
    const events: CountEvent[] = [
      { id: 's1', kind: 'shift-start', at: at(1), door: 'main' },
      { id: 'q1', kind: 'queue', at: at(2), people: 10, waitMinutes: 5 },
      { id: 's2', kind: 'shift-end', at: at(3), door: 'main' },
      { id: 's3', kind: 'shift-start', at: at(4), door: 'side' },
      { id: 'q2', kind: 'queue', at: at(5), people: 40, waitMinutes: 25 },
    ];
    expect(summarize(events)).toEqual({
      mine: 0,
      undoable: null,
      shift: { door: 'side', since: at(4) },
      lastQueue: { people: 40, waitMinutes: 25, at: at(5) },
      answers: 0,
    });
    // The end of a shift at another door leaves this one running.
    expect(summarize([...events, { id: 'x', kind: 'shift-end', at: at(6), door: 'main' }]).shift?.door).toBe(
      'side',
    );
  });

  it('counts the exit-poll answers apart from the taps, which undo never takes back', () => {
    const answer = (id: string, minute: number): CountEvent => ({
      id,
      kind: 'exitpoll',
      at: at(minute),
      answer: 'a',
    });
    const events = [entry('e1', 1), answer('p1', 2), answer('p2', 3)];
    expect(summarize(events)).toMatchObject({ mine: 1, answers: 2, undoable: 'e1' });
  });
});
