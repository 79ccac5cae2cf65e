import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Lang } from '../catalogue/schema.js';
import { needsSummaries } from './engine.js';
import type { Effect, Message, UserEvent } from './messages.js';
import type { DialogueState } from './state.js';
import type { TalkStorage, UserStorage } from './storage.js';
import type { StoredStepInput, StoredStepResult } from './stored-step.js';

// The engine with memory: load the user's state, step, save it (retrying when another instance saved first),
// apply the effects. Every channel (terminal, Telegram, web) talks to the engine through this.

export interface ConversationsOptions {
  /** The engine in this thread, or on a thread of its own (engine-thread.ts). */
  engine: { stepStored(input: StoredStepInput): StoredStepResult | Promise<StoredStepResult> };
  users: UserStorage;
  talk: TalkStorage;
  /** The language of a new user when the channel does not know it. */
  defaultLang?: Lang;
  /** The seed of a new user's random generator; random unless set (tests and `chat --seed`). */
  seed?: () => number;
  now?: () => Date;
  /** How long an unrecognised phrasing waits in memory for the user's consent. */
  pendingMs?: number;
}

export interface Reply {
  messages: Message[];
  state: DialogueState;
  /** What the step did besides its messages (already applied to the store): for the channels' logs and metrics. */
  effects: Effect[];
}

// Two instances stepping the same user race on the row's version; the loser waits a random moment and steps
// again. With each instance answering a user's messages one at a time, a few rounds settle any burst.
const MAX_SAVE_ATTEMPTS = 30;
const RETRY_MS = { min: 5, max: 60 };
const MAX_PENDING = 10_000;
const SUMMARIES_SHOWN = 10;

/**
 * What the channel knows: the user's language, whether it can write to them later (reminders), and whether its
 * users type slash commands (default) or press the page's buttons for them (the web).
 */
export interface Hints {
  lang?: Lang;
  reminders?: boolean;
  slashCommands?: boolean;
}

export interface Conversations {
  handle(userKey: string, event: UserEvent, hints?: Hints): Promise<Reply>;
}

export function createConversations(options: ConversationsOptions): Conversations {
  const { engine, users, talk } = options;
  const now = options.now ?? (() => new Date());
  const seed = options.seed ?? (() => randomInt(2 ** 32));
  const pendingMs = options.pendingMs ?? 10 * 60_000;
  // Unrecognised text awaiting consent is kept here, in this process's memory only, never in the database.
  const pending = new Map<string, { text: string; until: number }>();

  function holdPending(userKey: string, state: DialogueState): void {
    const time = now().getTime();
    if (state.pendingPhrasing === undefined) {
      pending.delete(userKey);
      return;
    }
    if (pending.size >= MAX_PENDING) {
      for (const [key, entry] of pending)
        if (entry.until < time || pending.size >= MAX_PENDING) pending.delete(key);
    }
    pending.set(userKey, { text: state.pendingPhrasing, until: time + pendingMs });
  }

  function pendingOf(userKey: string): string | undefined {
    const entry = pending.get(userKey);
    if (entry && entry.until >= now().getTime()) return entry.text;
    pending.delete(userKey);
    return undefined;
  }

  async function apply(userKey: string, effects: Effect[], day: string): Promise<void> {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'positions-met':
          await talk.countPositionsMet(effect.positions, day);
          break;
        case 'practice-finished':
          await talk.addPracticeSummary(userKey, effect.summary);
          await talk.countPracticeOutcome(effect.summary.persona, effect.summary.outcome, day);
          break;
        case 'share-phrasing':
          await talk.sharePhrasing(effect.text, effect.lang, day);
          break;
        // Reminders go out through the channel that can reach the user, which applies these itself.
        case 'reminder':
        case 'reminder-off':
        case 'front-door':
        case 'topics-asked':
        case 'practice-started':
        case 'forget':
          break;
      }
    }
  }

  // A user's messages are stepped one at a time, in the order they came: ten sent at once are ten answers in
  // order, not ten steps racing on one state.
  const queues = new Map<string, Promise<unknown>>();

  function handle(userKey: string, event: UserEvent, hints: Hints = {}): Promise<Reply> {
    const previous = queues.get(userKey) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(() => step(userKey, event, hints));
    queues.set(userKey, turn);
    const done = () => {
      if (queues.get(userKey) === turn) queues.delete(userKey);
    };
    turn.then(done, done);
    return turn;
  }

  async function step(userKey: string, event: UserEvent, hints: Hints): Promise<Reply> {
    for (let attempt = 1; ; attempt++) {
      const stored = await users.loadUser(userKey);
      const summaries = needsSummaries(event)
        ? await talk.practiceSummaries(userKey, SUMMARIES_SHOWN)
        : undefined;
      const time = now();
      const result = await engine.stepStored({
        stored,
        event,
        context: {
          now: time,
          summaries,
          reminders: hints.reminders ?? false,
          slashCommands: hints.slashCommands ?? true,
        },
        lang: hints.lang ?? options.defaultLang ?? 'ru',
        seed: seed(),
        pendingPhrasing: pendingOf(userKey),
      });
      const { messages } = result;

      if (result.effects.some((effect) => effect.kind === 'forget')) {
        pending.delete(userKey);
        await users.forgetUser(userKey);
        return { messages, state: result.state, effects: result.effects };
      }
      const saved = await users.saveUser(userKey, result.row, stored?.version);
      if (saved === undefined) {
        // Another instance handled a message of this user meanwhile: step again on its state.
        if (attempt < MAX_SAVE_ATTEMPTS) {
          await delay(randomInt(RETRY_MS.min, RETRY_MS.max));
          continue;
        }
        throw new Error('the conversation state kept changing under us; giving up after several attempts');
      }
      holdPending(userKey, result.state);
      await apply(userKey, result.effects, time.toISOString().slice(0, 10));
      return { messages, state: result.state, effects: result.effects };
    }
  }

  return { handle };
}
