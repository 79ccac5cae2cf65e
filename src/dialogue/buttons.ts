import type { Group } from '../catalogue/contract.js';

// Button data: a one-letter action and its arguments, well within Telegram's 64-byte callback limit. Practice
// buttons carry the practice's serial number, so a button left over from an earlier practice is seen as stale.

export type MenuTarget = 'advice' | 'practice' | 'topics' | 'progress' | 'menu';

export const buttonData = {
  menu: (target: MenuTarget) => `m:${target}`,
  group: (group: Group) => `g:${group}`,
  answer: (position: string, index: number) => `p:${position}:${index}`,
  facts: (position: string) => `f:${position}`,
  pitfalls: (position: string) => `x:${position}`,
  practisePosition: (position: string) => `t:${position}`,
  /** `*` for a persona chosen at random; with a position, the practice opens on it. */
  persona: (persona: string, position?: string) => (position ? `s:${persona}:${position}` : `s:${persona}`),
  again: (serial: number) => `r:${serial}`,
  stop: (serial: number) => `q:${serial}`,
  share: (agree: boolean) => `c:${agree ? 1 : 0}`,
  forget: (confirm: boolean) => `d:${confirm ? 1 : 0}`,
};

export interface ParsedButton {
  action: string;
  args: string[];
}

export function parseButton(data: string): ParsedButton {
  const [action = '', ...args] = data.split(':');
  return { action, args };
}
