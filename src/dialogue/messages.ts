import type { Lang } from '../catalogue/schema.js';
import type { Verdict } from '../coach/coach.js';
import type { MarkerKind } from '../coach/markers.js';
import { GUIDE_COMMANDS } from './guide/commands.js';
import type { DialogueState } from './state.js';
import type { PracticeSummary } from './storage.js';
import { TALK_COMMANDS } from './talk/commands.js';

/** An inline button: what it says and what it sends back (at most 64 bytes, Telegram's callback limit). */
export interface Button {
  label: string;
  data: string;
}

/** The coach's judgement of a practice reply, as the channels show it. */
export interface Feedback {
  verdict: Verdict;
  markers: MarkerKind[];
  tips: string[];
  rewrite: string;
}

export interface Message {
  text: string;
  /** Rows of buttons. */
  buttons: Button[][];
  feedback?: Feedback;
  /** A cheat sheet; `bestTurn`: the practice reply it names as best, whose words a page may show beside it. */
  sheet?: { bestTurn?: number };
}

/** The core's commands: the menu, help, language, privacy and forgetting. */
const CORE_COMMANDS = ['start', 'help', 'menu', 'lang', 'settings', 'privacy', 'forget'] as const;
/** Every part's commands: what the channels accept (the web's schema, the terminal, Telegram's handlers). */
export const COMMANDS = [...CORE_COMMANDS, ...TALK_COMMANDS, ...GUIDE_COMMANDS] as const;
export type CommandName = (typeof COMMANDS)[number];

export type UserEvent =
  | { kind: 'text'; text: string }
  | { kind: 'button'; data: string }
  | { kind: 'command'; name: CommandName; argument?: string };

/** What the caller must do besides sending the messages: the engine itself touches no database. */
export type Effect =
  | { kind: 'positions-met'; positions: string[] }
  | { kind: 'practice-started'; persona: string }
  | { kind: 'practice-finished'; summary: PracticeSummary }
  | { kind: 'share-phrasing'; text: string; lang: Lang }
  | { kind: 'forget' }
  /** Reminders of the station's voting days; only a channel that can write to the user later keeps them. */
  | { kind: 'reminder'; election: string; station: string; lang: Lang }
  | { kind: 'reminder-off' }
  /** Which part took text typed at the front door, and which others offered their answer (logs, evaluation). */
  | { kind: 'front-door'; part: string; offered: string[] }
  /** The guide's topics a question was matched to, best first. */
  | { kind: 'topics-asked'; topics: string[] };

export interface StepResult {
  state: DialogueState;
  messages: Message[];
  effects: Effect[];
}
