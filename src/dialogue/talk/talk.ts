import type { Part, PartStep } from '../part.js';
import {
  advise,
  CONFIDENT,
  consent,
  isGroup,
  showAnswer,
  showCheatSheet,
  showFacts,
  showGroup,
  showGroups,
  showPitfalls,
} from './advise.js';
import { parseBestTurn } from './best-turn.js';
import { type MenuTarget, TALK, talkButtons } from './buttons.js';
import { TALK_COMMANDS } from './commands.js';
import {
  choosePersona,
  practiceReply,
  practisePosition,
  resume,
  retry,
  startPractice,
  startRandomPractice,
  stop,
} from './practice.js';
import { progressText } from './summary.js';
import { TALK_TEXTS } from './texts.js';

// Talk: advice on what a relative said, the topics, practice with a simulated relative, and progress.

const MENU_TARGETS: readonly string[] = ['advice', 'practice', 'topics', 'progress'] satisfies MenuTarget[];

function isMenuTarget(value: string): value is MenuTarget {
  return MENU_TARGETS.includes(value);
}

function open({ deps, turn, menuButtons }: PartStep, target: MenuTarget): void {
  const texts = TALK_TEXTS[turn.state.lang];
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
      const name = (id: string) => deps.catalogue.persona(id)?.[turn.state.lang].name ?? id;
      turn.say({ text: progressText(turn.summaries, turn.state.lang, name), buttons: menuButtons() });
    }
  }
}

export const talk: Part = {
  id: TALK,
  modes: ['advise', 'browse', 'practice', 'progress'],
  commands: TALK_COMMANDS,

  menu(lang) {
    const labels = TALK_TEXTS[lang].buttons;
    return [
      [
        { label: labels.advice, data: talkButtons.open('advice') },
        { label: labels.practice, data: talkButtons.open('practice') },
      ],
      [
        { label: labels.topics, data: talkButtons.open('topics') },
        { label: labels.progress, data: talkButtons.open('progress') },
      ],
    ];
  },

  command(step, name, argument) {
    const { deps, turn } = step;
    const practice = turn.state.practice;
    if (name === 'again') {
      if (practice) retry(deps, turn, practice);
      else step.showMenu(TALK_TEXTS[turn.state.lang].notPractising);
      return;
    }
    if (name === 'stop') {
      if (practice) stop(deps, turn, practice);
      else step.showMenu();
      return;
    }
    if (name === 'practice' && argument) {
      const persona = deps.catalogue.persona(argument);
      if (persona) {
        startPractice(deps, turn, persona);
        return;
      }
    }
    if (isMenuTarget(name)) open(step, name);
  },

  button(step, action, args) {
    const { deps, turn } = step;
    const [first, second, third] = args;
    const position = first === undefined ? undefined : deps.catalogue.position(first);
    const practice = turn.state.practice;
    const current = practice !== undefined && String(practice.serial) === first;
    const card = position && { position, answer: Number(second) || 0, relative: third };
    switch (action) {
      case 'group':
        if (!isGroup(first)) return false;
        showGroup(deps, turn, first);
        return true;
      case 'answer':
        if (!card) return false;
        turn.state = { ...turn.state, mode: turn.state.mode === 'browse' ? 'browse' : 'advise' };
        showAnswer(deps, turn, card);
        return true;
      case 'facts':
        if (!card) return false;
        showFacts(deps, turn, card);
        return true;
      case 'sheet':
        if (!card) return false;
        showCheatSheet(deps, turn, card, parseBestTurn(args[3]));
        return true;
      case 'avoid':
        if (!card) return false;
        showPitfalls(deps, turn, card);
        return true;
      case 'train':
        if (!position) return false;
        practisePosition(deps, turn, position.id, second);
        return true;
      case 'persona': {
        if (first === '*') {
          startRandomPractice(deps, turn);
          return true;
        }
        const persona = first === undefined ? undefined : deps.catalogue.persona(first);
        if (!persona || (second !== undefined && !persona.positions.includes(second))) return false;
        startPractice(deps, turn, persona, second);
        return true;
      }
      case 'again':
        if (!current) return false;
        retry(deps, turn, practice);
        return true;
      case 'stop':
        if (!current) return false;
        stop(deps, turn, practice);
        return true;
      case 'share':
        consent(turn, first === 'yes');
        return true;
      default:
        if (!isMenuTarget(action)) return false;
        open(step, action);
        return true;
    }
  },

  text({ deps, turn }, text) {
    const practice = turn.state.practice;
    if (turn.state.mode === 'practice' && practice) practiceReply(deps, turn, practice, text);
    else advise(deps, turn, text);
  },

  frontDoor: {
    score: ({ deps }, text) => deps.matcher.match(text).positions[0]?.score ?? 0,
    // Only a position the matcher is sure of: a practical question answered by the guide brushes many positions
    // faintly ("где голосовать в Стамбуле" and the Istanbul talks), and offering those would be noise.
    offer({ deps, turn }, text) {
      const { lang } = turn.state;
      const positions = deps.matcher
        .match(text)
        .positions.filter((entry) => entry.score >= CONFIDENT)
        .map((entry) => deps.catalogue.position(entry.id))
        .filter((position) => position !== undefined);
      if (positions.length === 0) return false;
      turn.say({
        text: TALK_TEXTS[lang].offerAnswer,
        buttons: positions.map((position) => [
          { label: position[lang].title, data: talkButtons.answer(position.id, 0) },
        ]),
      });
      return true;
    },
  },

  unfinished({ deps, turn }) {
    const practice = turn.state.practice;
    if (turn.state.mode !== 'practice' || !practice || practice.turn === 0) return undefined;
    const name = deps.catalogue.persona(practice.persona)?.[turn.state.lang].name ?? practice.persona;
    return TALK_TEXTS[turn.state.lang].leavePractice(name, practice.turn);
  },

  finish({ deps, turn }) {
    const practice = turn.state.practice;
    if (turn.state.mode === 'practice' && practice) stop(deps, turn, practice);
  },

  resume({ deps, turn }) {
    const practice = turn.state.practice;
    if (practice) resume(deps, turn, practice);
  },

  needsSummaries: (event) =>
    (event.kind === 'command' && event.name === 'progress') ||
    (event.kind === 'button' && event.data === talkButtons.open('progress')),
};
