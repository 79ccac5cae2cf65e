import type { Group } from '../../catalogue/contract.js';
import { buttonOf } from '../buttons.js';

// Practice buttons carry the practice's serial number, so a button left over from an earlier practice is stale.

export const TALK = 'talk';

export type MenuTarget = 'advice' | 'practice' | 'topics' | 'progress';

export const talkButtons = {
  open: (target: MenuTarget) => buttonOf(TALK, target),
  group: (group: Group) => buttonOf(TALK, 'group', group),
  answer: (position: string, index: number) => buttonOf(TALK, 'answer', position, index),
  /** With the answer on screen, so that "another answer" under the facts goes on from it. */
  facts: (position: string, answer = 0) => buttonOf(TALK, 'facts', position, answer),
  pitfalls: (position: string, answer = 0) => buttonOf(TALK, 'avoid', position, answer),
  practisePosition: (position: string) => buttonOf(TALK, 'train', position),
  /** `*` for a persona chosen at random; with a position, the practice opens on it. */
  persona: (persona: string, position?: string) =>
    position ? buttonOf(TALK, 'persona', persona, position) : buttonOf(TALK, 'persona', persona),
  again: (serial: number) => buttonOf(TALK, 'again', serial),
  stop: (serial: number) => buttonOf(TALK, 'stop', serial),
  share: (agree: boolean) => buttonOf(TALK, 'share', agree ? 'yes' : 'no'),
};
