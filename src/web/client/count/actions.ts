import type { CountEvent } from '../../../count/events.js';
import { now } from './clock.js';

// The volunteer's actions as the API takes them (src/count/events.ts): each with its own UUID made here, so that
// however often it is sent it counts once, and the moment it happened as UTC ISO-8601.

export const MAIN_DOOR = 'main';

/** UTC ISO-8601, on the server's clock (clock.ts). */
const stamp = () => new Date(now()).toISOString();
const id = () => crypto.randomUUID();

export const entry = (door: string): CountEvent => ({ id: id(), kind: 'entry', at: stamp(), door });
export const undo = (target: string): CountEvent => ({ id: id(), kind: 'undo', at: stamp(), target });
export const shift = (kind: 'shift-start' | 'shift-end', door: string): CountEvent => ({
  id: id(),
  kind,
  at: stamp(),
  door,
});
export const queue = (people: number, waitMinutes: number): CountEvent => ({
  id: id(),
  kind: 'queue',
  at: stamp(),
  people,
  waitMinutes,
});

export type Gender = 'female' | 'male' | 'other';

/**
 * The age groups a volunteer can tick. The API takes a whole age, so a group is sent as its first year: whoever
 * reads the answers reads them back in these groups.
 */
export const AGE_GROUPS = [18, 30, 45, 60] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const answer = (answerId: string, gender: Gender | null, age: AgeGroup | null): CountEvent => ({
  id: id(),
  kind: 'exitpoll',
  at: stamp(),
  answer: answerId,
  ...(gender === null ? {} : { gender }),
  ...(age === null ? {} : { age }),
});

/** The door as typed, checked as the server checks it: empty is the main door, a bad name is null. */
export function doorName(text: string): string | null {
  const door = text.trim();
  if (door === '') return MAIN_DOOR;
  return door.length <= 40 && /^[\p{L}\p{N} _.-]+$/u.test(door) ? door : null;
}

/** A whole number from 0 to `max` as typed, or null. */
export function wholeNumber(text: string, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value <= max ? value : null;
}
