import type { Group } from '../../catalogue/contract.js';
import { buttonOf } from '../buttons.js';

// Practice buttons carry the practice's serial number, so a button left over from an earlier practice is stale.

export const TALK = 'talk';

function optional(value: string | undefined): string[] {
  return value === undefined ? [] : [value];
}

export type MenuTarget = 'advice' | 'practice' | 'topics' | 'progress';

export const talkButtons = {
  open: (target: MenuTarget) => buttonOf(TALK, target),
  group: (group: Group) => buttonOf(TALK, 'group', group),
  // A card's buttons carry the relative the user spoke of (a persona id), so that "practise" starts with them.
  answer: (position: string, index: number, relative?: string) =>
    buttonOf(TALK, 'answer', position, index, ...optional(relative)),
  /** With the answer on screen, so that "another answer" under the facts goes on from it. */
  facts: (position: string, answer = 0, relative?: string) =>
    buttonOf(TALK, 'facts', position, answer, ...optional(relative)),
  pitfalls: (position: string, answer = 0, relative?: string) =>
    buttonOf(TALK, 'avoid', position, answer, ...optional(relative)),
  /** After a practice it names the relative practised with and the best reply (`bestTurnCode`). */
  cheatSheet: (position: string, answer: number, relative?: string, best?: string) =>
    buttonOf(TALK, 'sheet', position, answer, ...optional(relative), ...(relative ? optional(best) : [])),
  practisePosition: (position: string, relative?: string) =>
    buttonOf(TALK, 'train', position, ...optional(relative)),
  /** `*` for a persona chosen at random; with a position, the practice opens on it. */
  persona: (persona: string, position?: string) =>
    position ? buttonOf(TALK, 'persona', persona, position) : buttonOf(TALK, 'persona', persona),
  again: (serial: number) => buttonOf(TALK, 'again', serial),
  stop: (serial: number) => buttonOf(TALK, 'stop', serial),
  share: (agree: boolean) => buttonOf(TALK, 'share', agree ? 'yes' : 'no'),
};
