import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import type { Coach } from '../coach/coach.js';
import { createQuestionMatcher, type QuestionMatcher } from '../guide/questions.js';
import type { Matcher } from '../matcher/matcher.js';
import { clean } from '../matcher/normalize.js';
import { coreButtons, MENU, parseButton } from './buttons.js';
import type { Deps } from './deps.js';
import { type Button, COMMANDS, type CommandName, type StepResult, type UserEvent } from './messages.js';
import type { Part, PartStep } from './part.js';
import { PARTS } from './parts.js';
import type { DialogueState } from './state.js';
import type { PracticeSummary } from './storage.js';
import { type StoredStepInput, type StoredStepResult, stepStored } from './stored-step.js';
import { TEXTS } from './texts.js';
import { Turn } from './turn.js';

// The engine every channel drives: a pure step from (state, event) to (messages, new state, effects). It knows
// nothing of Telegram, HTTP or databases; the caller sends the messages, stores the state and applies effects.
// The core answers the menu, help, language, privacy and forgetting, and hands the rest to the parts: a command
// to the part that declares it, a button to the part its namespace names, typed text to the part of the mode.

export interface EngineOptions {
  catalogue: Catalogue;
  matcher: Matcher;
  coach: Coach;
  /** Default: trained from the catalogue. */
  questions?: QuestionMatcher;
  maxTurns?: number;
  retentionDays?: number;
  /** Default: every part of the application (parts.ts). */
  parts?: readonly Part[];
}

export interface StepContext {
  now: Date;
  /** The user's earlier practice summaries: needed only for the progress view (see `needsSummaries`). */
  summaries?: readonly PracticeSummary[];
  /** The channel can write to the user later (Telegram), so the guide may offer reminders. */
  reminders?: boolean;
  /** The channel's users type slash commands (default); false where the page has buttons for them (the web). */
  slashCommands?: boolean;
}

export interface Engine {
  step(state: DialogueState, event: UserEvent, context: StepContext): StepResult;
  /** The same step from and to the user's row as stored (see stored-step.ts). */
  stepStored(input: StoredStepInput): StoredStepResult;
}

/**
 * Where typed text is a new question rather than a reply: at the menu, in the advice box, browsing the topics,
 * after the progress view, in the guide. Not in a practice or while the guide waits for a city.
 */
const FRONT_DOOR_MODES: readonly DialogueState['mode'][] = ['menu', 'advise', 'browse', 'progress', 'guide'];

/**
 * Another part offers its answer only when it is nearly as sure as the one that answered: a relative's "voting is
 * pointless" also brushes the guide's topic on who may vote, and that offer would be noise.
 */
const OFFER_RATIO = 0.75;

/** Commands that keep a practice going: help, language, privacy, forgetting (which asks itself) and its own. */
const KEEP_OPEN: readonly CommandName[] = ['help', 'lang', 'settings', 'privacy', 'forget', 'again', 'stop'];

function isCommand(name: string | undefined): name is CommandName {
  return COMMANDS.some((command) => command === name);
}

/** Matches Telegram's message limit less room for a note; longer text is cut before matching and judging. */
export const MAX_INPUT_LENGTH = 2000;

/** Whether the step will show the progress view, so the caller loads the user's summaries first. */
export function needsSummaries(event: UserEvent, parts: readonly Part[] = PARTS): boolean {
  return parts.some((part) => part.needsSummaries?.(event) ?? false);
}

export function createEngine(options: EngineOptions): Engine {
  const { catalogue } = options;
  const parts = options.parts ?? PARTS;
  const deps: Deps = {
    catalogue,
    matcher: options.matcher,
    questions: options.questions ?? createQuestionMatcher(catalogue),
    coach: options.coach,
    maxTurns: options.maxTurns ?? 12,
    retentionDays: options.retentionDays ?? 30,
    personasHolding: (position) =>
      catalogue.personas.filter((persona) => persona.positions.includes(position)),
  };

  function menuButtons(lang: Lang): Button[][] {
    return parts.flatMap((part) => part.menu(lang));
  }

  function showMenu(turn: Turn, text = TEXTS[turn.state.lang].menu): void {
    turn.state = { ...turn.state, mode: 'menu' };
    turn.say({ text, buttons: menuButtons(turn.state.lang) });
  }

  function command(step: PartStep, name: CommandName, argument: string | undefined): void {
    const { turn } = step;
    const texts = TEXTS[turn.state.lang];
    switch (name) {
      case 'start':
        turn.say({ text: texts.welcome, buttons: [] });
        showMenu(turn);
        return;
      case 'menu':
        showMenu(turn);
        return;
      case 'help':
        // In a practice the help leaves it be: the menu's buttons would lead away from it.
        turn.say({
          text: texts.help,
          buttons: turn.state.mode === 'practice' ? [] : menuButtons(turn.state.lang),
        });
        return;
      case 'lang': {
        const lang: Lang =
          argument === 'ru' || argument === 'en' ? argument : turn.state.lang === 'ru' ? 'en' : 'ru';
        turn.state = { ...turn.state, lang };
        // A practice goes on in the new language; elsewhere the menu follows in it.
        if (turn.state.mode === 'practice') turn.say({ text: TEXTS[lang].langChanged, buttons: [] });
        else showMenu(turn, TEXTS[lang].langChanged);
        return;
      }
      case 'settings':
        turn.say({
          text: texts.settingsAsk,
          buttons: [
            [
              { label: texts.buttons.female, data: coreButtons.userGender('female') },
              { label: texts.buttons.male, data: coreButtons.userGender('male') },
            ],
            [{ label: texts.buttons.noGender, data: coreButtons.userGender('none') }],
          ],
        });
        return;
      case 'privacy':
        turn.say({ text: texts.privacy(deps.retentionDays), buttons: [] });
        return;
      case 'forget':
        turn.say({
          text: texts.forgetAsk,
          buttons: [
            [
              { label: texts.buttons.forgetYes, data: coreButtons.forget(true) },
              { label: texts.buttons.forgetNo, data: coreButtons.forget(false) },
            ],
          ],
        });
        return;
    }
    parts.find((part) => part.commands.includes(name))?.command(step, name, argument);
  }

  /**
   * A command that would leave a practice under way asks first, so its summary is not lost without a word:
   * "finish it and go on" or "stay".
   */
  function askBeforeLeaving(step: PartStep, event: UserEvent): boolean {
    const target =
      event.kind === 'command'
        ? KEEP_OPEN.includes(event.name)
          ? undefined
          : coreButtons.leave(event.name, event.argument)
        : event.kind === 'button' && leadsAway(step.turn.state.lang, event.data)
          ? coreButtons.leaveBy(event.data)
          : undefined;
    if (!target) return false;
    const texts = TEXTS[step.turn.state.lang];
    for (const part of parts) {
      const question = part.unfinished?.(step);
      if (!question) continue;
      step.turn.say({
        text: question,
        buttons: [
          [
            { label: texts.buttons.leave, data: target },
            { label: texts.buttons.stay, data: coreButtons.stay },
          ],
        ],
      });
      return true;
    }
    return false;
  }

  /** The menu and its buttons lead away from a practice; its own buttons and the answers' cards do not. */
  function leadsAway(lang: Lang, data: string): boolean {
    return (
      data === coreButtons.menu || menuButtons(lang).some((row) => row.some((entry) => entry.data === data))
    );
  }

  /** The answer to that question. */
  function leaveOrStay(step: PartStep, action: string, args: readonly string[]): void {
    const [kind, ...target] = args;
    const [name, argument] = target;
    if (action === 'leave' && kind === 'command' && isCommand(name)) {
      for (const part of parts) part.finish?.(step);
      command(step, name, argument);
      return;
    }
    if (action === 'leave' && kind === 'button' && leadsAway(step.turn.state.lang, target.join(':'))) {
      for (const part of parts) part.finish?.(step);
      button(step, target.join(':'));
      return;
    }
    const said = step.turn.messages.length;
    for (const part of parts) part.resume?.(step);
    if (step.turn.messages.length === said) showMenu(step.turn, TEXTS[step.turn.state.lang].stale);
  }

  /** Buttons may come from old messages: anything that no longer fits the state gets a friendly answer. */
  function button(step: PartStep, data: string): void {
    const { turn } = step;
    const texts = TEXTS[turn.state.lang];
    const { part: id, action, args } = parseButton(data);
    if (data === coreButtons.menu) {
      showMenu(turn);
      return;
    }
    if (data === coreButtons.forget(true)) {
      turn.effect({ kind: 'forget' });
      turn.state = { ...turn.state, mode: 'menu', practice: undefined, pendingPhrasing: undefined };
      turn.say({ text: texts.forgetDone, buttons: [] });
      return;
    }
    if (data === coreButtons.forget(false)) {
      turn.say({ text: texts.forgetKept, buttons: [] });
      return;
    }
    const [gender] = args;
    if (
      id === MENU &&
      action === 'gender' &&
      (gender === 'female' || gender === 'male' || gender === 'none')
    ) {
      turn.state = { ...turn.state, userGender: gender === 'none' ? undefined : gender };
      turn.say({ text: texts.settingsDone[gender], buttons: [] });
      return;
    }
    if (id === MENU && (action === 'leave' || action === 'stay')) {
      leaveOrStay(step, action, args);
      return;
    }
    const part = parts.find((candidate) => candidate.id === id);
    if (part?.button(step, action, args)) return;
    showMenu(turn, texts.stale);
  }

  function text(step: PartStep, input: string): void {
    const { turn } = step;
    const texts = TEXTS[turn.state.lang];
    const cleaned = clean(input);
    if (cleaned === '') {
      turn.say({ text: texts.empty, buttons: [] });
      return;
    }
    if (input.length > MAX_INPUT_LENGTH) turn.say({ text: texts.tooLong(MAX_INPUT_LENGTH), buttons: [] });
    const { mode } = turn.state;
    if (FRONT_DOOR_MODES.includes(mode) && frontDoor(step, cleaned)) return;
    const owner = parts.find((part) => part.modes.includes(mode)) ?? parts[0];
    owner?.text(step, cleaned);
  }

  /** Sends the text to the part surest it is for it, and lets the others nearly as sure offer theirs. */
  function frontDoor(step: PartStep, text: string): boolean {
    const scored = parts
      .map((part) => ({ part, score: part.frontDoor?.score(step, text) ?? 0 }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score);
    const [best, ...others] = scored;
    if (!best) return false;
    best.part.text(step, text);
    // Each part nearly as sure offers its answer, and says whether it had one worth offering.
    const offering = others.filter(
      ({ part, score }) => score >= OFFER_RATIO * best.score && part.frontDoor?.offer(step, text),
    );
    step.turn.effect({
      kind: 'front-door',
      part: best.part.id,
      offered: offering.map(({ part }) => part.id),
    });
    return true;
  }

  const engine: Engine = {
    step(state, event, context) {
      const turn = new Turn(
        state,
        context.now,
        context.summaries ?? [],
        context.reminders ?? false,
        context.slashCommands ?? true,
      );
      const step: PartStep = {
        deps,
        turn,
        showMenu: (text) => showMenu(turn, text),
        menuButtons: () => menuButtons(turn.state.lang),
      };
      if (askBeforeLeaving(step, event))
        return { state: turn.state, messages: turn.messages, effects: turn.effects };
      if (event.kind === 'command') command(step, event.name, event.argument);
      else if (event.kind === 'button') button(step, event.data);
      else text(step, event.text);
      return { state: turn.state, messages: turn.messages, effects: turn.effects };
    },
    stepStored: (input) => stepStored(engine, input),
  };
  return engine;
}
