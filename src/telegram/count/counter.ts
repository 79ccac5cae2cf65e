import type { Lang } from '../../catalogue/schema.js';
import type { Button } from '../../dialogue/messages.js';
import { COUNT_BOT_TEXTS } from './texts.js';

// The counter's buttons: data in the `count:` namespace, within Telegram's 64 bytes whatever the station.

export const COUNT = 'count';

export type CountAction =
  | { kind: 'add'; n: 1 | 5 }
  | { kind: 'undo' }
  | { kind: 'queue' }
  | { kind: 'shift'; open: boolean }
  | { kind: 'cancel' };

export const countButtons = {
  add: (n: 1 | 5) => `${COUNT}:add:${n}`,
  undo: `${COUNT}:undo`,
  queue: `${COUNT}:queue`,
  shift: (open: boolean) => `${COUNT}:shift:${open ? 'start' : 'end'}`,
  cancel: `${COUNT}:cancel`,
};

/** A press's action, or undefined for data this version does not make (an old message's). */
export function parseCountButton(data: string): CountAction | undefined {
  const [part, action, arg] = data.split(':');
  if (part !== COUNT) return undefined;
  if (action === 'add' && (arg === '1' || arg === '5')) return { kind: 'add', n: arg === '1' ? 1 : 5 };
  if (action === 'undo' && arg === undefined) return { kind: 'undo' };
  if (action === 'queue' && arg === undefined) return { kind: 'queue' };
  if (action === 'shift' && (arg === 'start' || arg === 'end'))
    return { kind: 'shift', open: arg === 'start' };
  if (action === 'cancel' && arg === undefined) return { kind: 'cancel' };
  return undefined;
}

/**
 * "+1", pressed most, alone across the bottom row, nearest the thumb; the shift button on top, away from quick
 * presses.
 */
export function counterButtons(lang: Lang, shiftOpen: boolean): Button[][] {
  const b = COUNT_BOT_TEXTS[lang].buttons;
  return [
    [
      shiftOpen
        ? { label: b.endShift, data: countButtons.shift(false) }
        : { label: b.startShift, data: countButtons.shift(true) },
    ],
    [
      { label: b.queue, data: countButtons.queue },
      { label: b.undo, data: countButtons.undo },
      { label: b.plusFive, data: countButtons.add(5) },
    ],
    [{ label: b.plusOne, data: countButtons.add(1) }],
  ];
}

export function cancelButtons(lang: Lang): Button[][] {
  return [[{ label: COUNT_BOT_TEXTS[lang].buttons.cancel, data: countButtons.cancel }]];
}
