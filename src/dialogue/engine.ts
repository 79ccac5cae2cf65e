import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import type { Coach } from '../coach/coach.js';
import type { Matcher } from '../matcher/matcher.js';
import { clean } from '../matcher/normalize.js';
import {
  advise,
  consent,
  isGroup,
  showAnswer,
  showFacts,
  showGroup,
  showGroups,
  showPitfalls,
} from './advise.js';
import { buttonData, type MenuTarget, parseButton } from './buttons.js';
import type { Deps } from './deps.js';
import type { CommandName, Message, StepResult, UserEvent } from './messages.js';
import {
  choosePersona,
  practiceReply,
  practisePosition,
  retry,
  startPractice,
  startRandomPractice,
  stop,
} from './practice.js';
import type { DialogueState } from './state.js';
import type { PracticeSummary } from './storage.js';
import { type StoredStepInput, type StoredStepResult, stepStored } from './stored-step.js';
import { progressText } from './summary.js';
import { TEXTS } from './texts.js';
import { Turn } from './turn.js';

// The engine every channel drives: a pure step from (state, event) to (messages, new state, effects). It knows
// nothing of Telegram, HTTP or databases; the caller sends the messages, stores the state and applies effects.

export interface EngineOptions {
  catalogue: Catalogue;
  matcher: Matcher;
  coach: Coach;
  maxTurns?: number;
  retentionDays?: number;
}

export interface StepContext {
  now: Date;
  /** The user's earlier practice summaries: needed only for the progress view (see `needsSummaries`). */
  summaries?: readonly PracticeSummary[];
}

export interface Engine {
  step(state: DialogueState, event: UserEvent, context: StepContext): StepResult;
  /** The same step from and to the user's row as stored (see stored-step.ts). */
  stepStored(input: StoredStepInput): StoredStepResult;
}

/** Matches Telegram's message limit less room for a note; longer text is cut before matching and judging. */
export const MAX_INPUT_LENGTH = 2000;

/** Whether the step will show the progress view, so the caller loads the user's summaries first. */
export function needsSummaries(event: UserEvent): boolean {
  return (
    (event.kind === 'command' && event.name === 'progress') ||
    (event.kind === 'button' && event.data === buttonData.menu('progress'))
  );
}

const MENU_TARGETS: readonly string[] = [
  'advice',
  'practice',
  'topics',
  'progress',
  'menu',
] satisfies MenuTarget[];

function isMenuTarget(value: string | undefined): value is MenuTarget {
  return MENU_TARGETS.includes(value ?? '');
}

export function createEngine(options: EngineOptions): Engine {
  const { catalogue } = options;
  const deps: Deps = {
    catalogue,
    matcher: options.matcher,
    coach: options.coach,
    maxTurns: options.maxTurns ?? 12,
    retentionDays: options.retentionDays ?? 30,
    personasHolding: (position) =>
      catalogue.personas.filter((persona) => persona.positions.includes(position)),
  };

  function menu(turn: Turn, text = TEXTS[turn.state.lang].menu): Message {
    const labels = TEXTS[turn.state.lang].buttons;
    return {
      text,
      buttons: [
        [
          { label: labels.advice, data: buttonData.menu('advice') },
          { label: labels.practice, data: buttonData.menu('practice') },
        ],
        [
          { label: labels.topics, data: buttonData.menu('topics') },
          { label: labels.progress, data: buttonData.menu('progress') },
        ],
      ],
    };
  }

  function showMenu(turn: Turn, text?: string): void {
    turn.state = { ...turn.state, mode: 'menu' };
    turn.say(menu(turn, text));
  }

  function open(turn: Turn, target: MenuTarget): void {
    const texts = TEXTS[turn.state.lang];
    switch (target) {
      case 'advice':
        turn.state = { ...turn.state, mode: 'advise' };
        turn.say({ text: texts.adviceAsk, buttons: [] });
        return;
      case 'practice':
        choosePersona(deps, turn);
        return;
      case 'topics':
        showGroups(turn);
        return;
      case 'progress': {
        turn.state = { ...turn.state, mode: 'progress' };
        const name = (id: string) => catalogue.persona(id)?.[turn.state.lang].name ?? id;
        turn.say({ ...menu(turn), text: progressText(turn.summaries, turn.state.lang, name) });
        return;
      }
      case 'menu':
        showMenu(turn);
    }
  }

  function command(turn: Turn, name: CommandName, argument: string | undefined): void {
    const texts = TEXTS[turn.state.lang];
    const practice = turn.state.practice;
    switch (name) {
      case 'start':
        turn.say({ text: texts.welcome, buttons: [] });
        showMenu(turn);
        return;
      case 'help':
        turn.say({ text: texts.help, buttons: [] });
        return;
      case 'menu':
      case 'advice':
      case 'practice':
      case 'topics':
      case 'progress':
        if (name === 'practice' && argument) {
          const persona = catalogue.persona(argument);
          if (persona) {
            startPractice(deps, turn, persona);
            return;
          }
        }
        open(turn, name);
        return;
      case 'again':
        if (practice) {
          retry(deps, turn, practice);
          return;
        }
        showMenu(turn, texts.notPractising);
        return;
      case 'stop':
        if (practice) {
          stop(turn, practice);
          return;
        }
        showMenu(turn);
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
      case 'privacy':
        turn.say({ text: texts.privacy(deps.retentionDays), buttons: [] });
        return;
      case 'forget':
        turn.say({
          text: texts.forgetAsk,
          buttons: [
            [
              { label: texts.buttons.forgetYes, data: buttonData.forget(true) },
              { label: texts.buttons.forgetNo, data: buttonData.forget(false) },
            ],
          ],
        });
    }
  }

  /** Buttons may come from old messages: anything that no longer fits the state gets a friendly answer. */
  function button(turn: Turn, data: string): void {
    const { action, args } = parseButton(data);
    const [first, second] = args;
    const texts = TEXTS[turn.state.lang];
    const position = first === undefined ? undefined : catalogue.position(first);
    const practice = turn.state.practice;
    const current = practice !== undefined && String(practice.serial) === first;
    switch (action) {
      case 'm':
        if (isMenuTarget(first)) {
          open(turn, first);
          return;
        }
        break;
      case 'g':
        if (isGroup(first)) {
          showGroup(deps, turn, first);
          return;
        }
        break;
      case 'p':
        if (position) {
          turn.state = { ...turn.state, mode: turn.state.mode === 'browse' ? 'browse' : 'advise' };
          showAnswer(deps, turn, position, Number(second) || 0);
          return;
        }
        break;
      case 'f':
        if (position) {
          showFacts(deps, turn, position);
          return;
        }
        break;
      case 'x':
        if (position) {
          showPitfalls(deps, turn, position);
          return;
        }
        break;
      case 't':
        if (position) {
          practisePosition(deps, turn, position.id);
          return;
        }
        break;
      case 's': {
        if (first === '*') {
          startRandomPractice(deps, turn);
          return;
        }
        const persona = first === undefined ? undefined : catalogue.persona(first);
        if (persona && (second === undefined || persona.positions.includes(second))) {
          startPractice(deps, turn, persona, second);
          return;
        }
        break;
      }
      case 'r':
        if (current) {
          retry(deps, turn, practice);
          return;
        }
        break;
      case 'q':
        if (current) {
          stop(turn, practice);
          return;
        }
        break;
      case 'c':
        consent(turn, first === '1');
        return;
      case 'd':
        if (first === '1') {
          turn.effect({ kind: 'forget' });
          turn.state = { ...turn.state, mode: 'menu', practice: undefined, pendingPhrasing: undefined };
          turn.say({ text: texts.forgetDone, buttons: [] });
          return;
        }
        turn.say({ text: texts.forgetKept, buttons: [] });
        return;
    }
    showMenu(turn, texts.stale);
  }

  function text(turn: Turn, input: string): void {
    const texts = TEXTS[turn.state.lang];
    const cleaned = clean(input);
    if (cleaned === '') {
      turn.say({ text: texts.empty, buttons: [] });
      return;
    }
    if (input.length > MAX_INPUT_LENGTH) turn.say({ text: texts.tooLong(MAX_INPUT_LENGTH), buttons: [] });
    const practice = turn.state.practice;
    if (turn.state.mode === 'practice' && practice) {
      practiceReply(deps, turn, practice, cleaned);
      return;
    }
    advise(deps, turn, cleaned);
  }

  const engine: Engine = {
    step(state, event, context) {
      const turn = new Turn(state, context.now, context.summaries ?? []);
      if (event.kind === 'command') command(turn, event.name, event.argument);
      else if (event.kind === 'button') button(turn, event.data);
      else text(turn, event.text);
      return { state: turn.state, messages: turn.messages, effects: turn.effects };
    },
    stepStored: (input) => stepStored(engine, input),
  };
  return engine;
}
