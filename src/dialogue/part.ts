import type { Lang } from '../catalogue/schema.js';
import type { Deps } from './deps.js';
import type { Button, CommandName, UserEvent } from './messages.js';
import type { DialogueState } from './state.js';
import type { Turn } from './turn.js';

export type Mode = DialogueState['mode'];

/** What the core lends a part for one step: the shared dependencies, the turn, and the menu. */
export interface PartStep {
  deps: Deps;
  turn: Turn;
  /** Back to the menu (mode `menu`), under `text` or the menu's own question. */
  showMenu(text?: string): void;
  /** The main menu's buttons, for a part's message that ends on them. */
  menuButtons(): Button[][];
}

/**
 * A part of the conversation (talk; count and guide next). The core routes to it by its commands, by the
 * namespace of its buttons (`${id}:…`) and, for typed text, by the modes it owns.
 */
export interface Part {
  readonly id: string;
  readonly modes: readonly Mode[];
  readonly commands: readonly CommandName[];
  /** Its rows of the main menu. */
  menu(lang: Lang): Button[][];
  command(step: PartStep, name: CommandName, argument: string | undefined): void;
  /** A press of one of its buttons; false when it no longer fits the state, so the core calls it stale. */
  button(step: PartStep, action: string, args: readonly string[]): boolean;
  /** Text typed in one of its modes (already cleaned and cut to the engine's limit). */
  text(step: PartStep, text: string): void;
  /**
   * Text typed at the menu or in the advice box may be for any part (a relative's words for talk, a practical
   * question for the guide): each part says how sure it is (0: not at all), the surest answers, and every other
   * part that scored nearly as high offers its own answer in one message, if it has one worth offering (it says
   * whether it did).
   */
  frontDoor?: {
    score(step: PartStep, text: string): number;
    offer(step: PartStep, text: string): boolean;
  };
  /**
   * What the part holds open that a command would leave behind (a practice under way): the question to ask
   * before leaving it, or undefined when there is nothing to lose. `finish` closes it keeping its record (the
   * practice's summary); `resume` shows it again as it was.
   */
  unfinished?(step: PartStep): string | undefined;
  finish?(step: PartStep): void;
  resume?(step: PartStep): void;
  /** Whether the step shows the user's earlier practice summaries, which the caller then loads first. */
  needsSummaries?(event: UserEvent): boolean;
}
