import type { Lang } from '../catalogue/schema.js';
import type { Engine, StepContext } from './engine.js';
import type { Message, StepResult, UserEvent } from './messages.js';
import { initialState, parseState, persistable } from './state.js';
import { TEXTS } from './texts.js';

// A step from the user's row as the store keeps it to the row to store. The state is JSON text at both ends:
// the servers run this on the engine thread, so their event loop, which only carries the state between the
// database and the thread, never parses, validates, copies or prints it.

/** A user's row as stored: the language, and the state as JSON. */
export interface StoredRow {
  lang: Lang;
  state: string;
}

export interface StoredStepInput {
  /** The user's row; undefined for a new user. */
  stored: StoredRow | undefined;
  event: UserEvent;
  context: StepContext;
  /** A new user's language and random seed. */
  lang: Lang;
  seed: number;
  /** A phrasing awaiting the user's consent, held in the caller's memory: in the state, never in the row. */
  pendingPhrasing: string | undefined;
}

export interface StoredStepResult extends StepResult {
  /** The row to store: the new state without the phrasing that awaits consent. */
  row: StoredRow;
}

export function stepStored(engine: Pick<Engine, 'step'>, input: StoredStepInput): StoredStepResult {
  const { stored } = input;
  const notices: Message[] = [];
  let state = stored && parseState(stored.state);
  // A state of an older version, or a damaged row: start afresh, and say so.
  if (stored && !state) notices.push({ text: TEXTS[stored.lang].stateReset, buttons: [] });
  state ??= initialState(stored?.lang ?? input.lang, input.seed);
  if (input.pendingPhrasing !== undefined) state = { ...state, pendingPhrasing: input.pendingPhrasing };
  const result = engine.step(state, input.event, input.context);
  return {
    ...result,
    messages: [...notices, ...result.messages],
    row: { lang: result.state.lang, state: JSON.stringify(persistable(result.state)) },
  };
}
