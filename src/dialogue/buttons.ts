import type { Lang } from '../catalogue/schema.js';
import type { Button } from './messages.js';
import { TEXTS } from './texts.js';

// Button data is `part:action:argument…`, within Telegram's 64-byte callback limit. The part's id comes first,
// so the engine hands a press to the part that made the button and no part has to dodge another's actions.

export function buttonOf(part: string, action: string, ...args: readonly (string | number)[]): string {
  return [part, action, ...args].join(':');
}

export interface ParsedButton {
  part: string;
  action: string;
  args: string[];
}

export function parseButton(data: string): ParsedButton {
  const [part = '', action = '', ...args] = data.split(':');
  return { part, action, args };
}

/** The namespaces of the core's own buttons: back to the menu, and the answer to /forget. */
export const MENU = 'menu';
export const FORGET = 'forget';

/** A command's argument rides on a button only when it is a short code (a language, a persona), never typed text. */
const CODE = /^[a-z0-9-]{1,24}$/;

export const coreButtons = {
  menu: buttonOf(MENU, 'show'),
  /** "Finish it and go on" to a command asked for in the middle of a practice; `stay` goes back to it. */
  leave: (command: string, argument?: string) =>
    argument !== undefined && CODE.test(argument)
      ? buttonOf(MENU, 'leave', 'command', command, argument)
      : buttonOf(MENU, 'leave', 'command', command),
  /** The same for a menu button pressed in the middle of a practice: it carries the button it stands for. */
  leaveBy: (button: string) => buttonOf(MENU, 'leave', 'button', button),
  stay: buttonOf(MENU, 'stay'),
  /** The answer to /settings: how the user speaks of themselves in Russian. */
  userGender: (gender: 'female' | 'male' | 'none') => buttonOf(MENU, 'gender', gender),
  forget: (confirm: boolean) => buttonOf(FORGET, confirm ? 'yes' : 'no'),
};

/** "Menu", the button with which a part's message leads back to the menu. */
export function menuButton(lang: Lang): Button {
  return { label: TEXTS[lang].buttons.menu, data: coreButtons.menu };
}
