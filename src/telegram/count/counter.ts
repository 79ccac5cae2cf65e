import { createHash } from 'node:crypto';
import { CLOSING_ANSWERS } from '../../catalogue/election.js';
import type { Lang } from '../../catalogue/schema.js';
import type { Button } from '../../dialogue/messages.js';
import { COUNT_BOT_TEXTS } from './texts.js';

// The counter's buttons and the door choice's: data in the `count:` namespace, within Telegram's 64 bytes
// whatever the station and the door.

export const COUNT = 'count';

export type CountAction =
  | { kind: 'add'; n: 1 | 5 }
  | { kind: 'undo' }
  | { kind: 'queue' }
  | { kind: 'shift'; open: boolean }
  | { kind: 'doors' }
  | { kind: 'door'; key: string }
  | { kind: 'door-other' }
  | { kind: 'cancel'; what: 'queue' | 'door' }
  | { kind: 'poll' }
  | { kind: 'answer'; key: string }
  | { kind: 'counter' };

/**
 * A door in a button's data: a name may be 40 letters of Cyrillic, 80 bytes, so the button carries a hash of it,
 * matched against the station's doors when pressed.
 */
export function doorKey(door: string): string {
  return createHash('sha256').update(door).digest('base64url').slice(0, 11);
}

/** An exit-poll answer in a button's data, hashed as a door is: an election's answer ids have no length limit. */
export const answerKey = doorKey;

export const countButtons = {
  add: (n: 1 | 5) => `${COUNT}:add:${n}`,
  undo: `${COUNT}:undo`,
  queue: `${COUNT}:queue`,
  shift: (open: boolean) => `${COUNT}:shift:${open ? 'start' : 'end'}`,
  doors: `${COUNT}:doors`,
  door: (door: string) => `${COUNT}:door:${doorKey(door)}`,
  doorOther: `${COUNT}:door-other`,
  /** The queue's "Cancel" has no argument: counters sent before doors could be chosen carry it so. */
  cancel: (what: 'queue' | 'door') => (what === 'queue' ? `${COUNT}:cancel` : `${COUNT}:cancel:door`),
  poll: `${COUNT}:poll`,
  answer: (answer: string) => `${COUNT}:ans:${answerKey(answer)}`,
  counter: `${COUNT}:counter`,
};

const DOOR_KEY = /^[A-Za-z0-9_-]{11}$/;

/** A press's action, or undefined for data this version does not make (an old message's). */
export function parseCountButton(data: string): CountAction | undefined {
  const [part, action, arg, ...rest] = data.split(':');
  if (part !== COUNT || rest.length > 0) return undefined;
  if (action === 'add' && (arg === '1' || arg === '5')) return { kind: 'add', n: arg === '1' ? 1 : 5 };
  if (action === 'shift' && (arg === 'start' || arg === 'end'))
    return { kind: 'shift', open: arg === 'start' };
  if (action === 'door' && arg !== undefined && DOOR_KEY.test(arg)) return { kind: 'door', key: arg };
  if (action === 'ans' && arg !== undefined && DOOR_KEY.test(arg)) return { kind: 'answer', key: arg };
  if (action === 'cancel' && (arg === undefined || arg === 'door'))
    return { kind: 'cancel', what: arg === 'door' ? 'door' : 'queue' };
  if (arg !== undefined) return undefined;
  if (action === 'undo') return { kind: 'undo' };
  if (action === 'queue') return { kind: 'queue' };
  if (action === 'doors') return { kind: 'doors' };
  if (action === 'door-other') return { kind: 'door-other' };
  if (action === 'poll') return { kind: 'poll' };
  if (action === 'counter') return { kind: 'counter' };
  return undefined;
}

/**
 * "+1", pressed most, alone across the bottom row, nearest the thumb; the door and the shift on top, away from
 * quick presses.
 */
export function counterButtons(lang: Lang, view: { door: string; shiftOpen: boolean }): Button[][] {
  const t = COUNT_BOT_TEXTS[lang];
  const b = t.buttons;
  return [
    [
      { label: b.door(t.doorName(view.door)), data: countButtons.doors },
      view.shiftOpen
        ? { label: b.endShift, data: countButtons.shift(false) }
        : { label: b.startShift, data: countButtons.shift(true) },
    ],
    [
      { label: b.queue, data: countButtons.queue },
      { label: b.poll, data: countButtons.poll },
    ],
    [
      { label: b.undo, data: countButtons.undo },
      { label: b.plusFive, data: countButtons.add(5) },
    ],
    [{ label: b.plusOne, data: countButtons.add(1) }],
  ];
}

/**
 * The exit poll's answers in the election's order: the candidates two to a row, the long closing answers one to a
 * row, "declined" last where the thumb is, and the way back to the counter under it.
 */
export function pollButtons(
  lang: Lang,
  answers: readonly { id: string; ru: string; en: string }[],
): Button[][] {
  const button = (a: { id: string; ru: string; en: string }) => ({
    label: a[lang],
    data: countButtons.answer(a.id),
  });
  const closing = new Set<string>(CLOSING_ANSWERS);
  const candidates = answers.filter((a) => !closing.has(a.id)).map(button);
  const rows: Button[][] = [];
  for (let i = 0; i < candidates.length; i += 2) rows.push(candidates.slice(i, i + 2));
  for (const a of answers) if (closing.has(a.id)) rows.push([button(a)]);
  rows.push([{ label: COUNT_BOT_TEXTS[lang].buttons.backToCounter, data: countButtons.counter }]);
  return rows;
}

/** At most this many doors to choose from; a station's further doors are typed with "Other…". */
export const DOORS_SHOWN = 8;

/** The station's doors two to a row, the volunteer's own marked, and "Other…" to type a name. */
export function doorButtons(lang: Lang, doors: readonly string[], current: string): Button[][] {
  const t = COUNT_BOT_TEXTS[lang];
  const first = doors.slice(0, DOORS_SHOWN);
  const shown = first.includes(current) ? first : [...first.slice(0, DOORS_SHOWN - 1), current];
  const buttons = shown.map((door) => ({
    label: door === current ? `✓ ${t.doorName(door)}` : t.doorName(door),
    data: countButtons.door(door),
  }));
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  rows.push([{ label: t.buttons.doorOther, data: countButtons.doorOther }]);
  return rows;
}

export function cancelButtons(lang: Lang, what: 'queue' | 'door'): Button[][] {
  return [[{ label: COUNT_BOT_TEXTS[lang].buttons.cancel, data: countButtons.cancel(what) }]];
}
