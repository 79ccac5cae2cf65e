import type { Effect, Message } from './messages.js';
import { next } from './random.js';
import type { DialogueState } from './state.js';
import type { PracticeSummary } from './storage.js';

/** One step in progress: the state as it changes, and the messages and effects it produces. */
export class Turn {
  readonly messages: Message[] = [];
  readonly effects: Effect[] = [];

  constructor(
    public state: DialogueState,
    readonly now: Date,
    /** The user's earlier practice summaries, when the caller loaded them (progress view). */
    readonly summaries: readonly PracticeSummary[],
    /** The channel can write to the user later (see StepContext). */
    readonly reminders = false,
    /** The channel's users type slash commands, so texts name them; else they name the buttons (see StepContext). */
    readonly slashCommands = true,
  ) {}

  say(message: Message): void {
    this.messages.push(message);
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }

  /** A number in [0, 1) from the state's seeded generator. */
  random(): number {
    const draw = next(this.state.rng);
    this.state = { ...this.state, rng: draw.rng };
    return draw.value;
  }

  /** One of the items, drawn from the state's seeded generator. */
  pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }
}
