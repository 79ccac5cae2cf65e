import { gendered } from '../../catalogue/gendered.js';
import type { Persona } from '../../catalogue/schema.js';
import type { Judgement } from '../../coach/coach.js';
import { isDistress, isNoAnswer } from '../../coach/distress.js';
import { isToxic, type MarkerKind } from '../../coach/markers.js';
import { MARKER_LABELS, type TipKey } from '../../coach/tips.js';
import { words } from '../../matcher/normalize.js';
import { menuButton } from '../buttons.js';
import type { Deps } from '../deps.js';
import type { Button } from '../messages.js';
import type { PracticeState, PracticeTurn, Undo } from '../state.js';
import type { PracticeOutcome } from '../storage.js';
import type { Turn } from '../turn.js';
import { bestTurn, bestTurnCode } from './best-turn.js';
import { talkButtons } from './buttons.js';
import { CLOSED_AT, OPENED_AT, personaReply, saidLine, unusedLine } from './persona-reply.js';
import { genderOf } from './relative.js';
import { practiceSummary, summaryText } from './summary.js';
import { TALK_TEXTS } from './texts.js';

// Practice: a simulated relative opens with one of its positions, every reply is judged by the coach, the
// relative reacts to how it was said, and the user may take a turn back and try again (Rehearsal, CHI 2024).

const QUESTION_KINDS: ReadonlySet<MarkerKind> = new Set([
  'open-question',
  'exploration',
  'confidence-scale',
  'change-mind',
]);
const REFLECTION_KINDS: ReadonlySet<MarkerKind> = new Set([
  'simple-reflection',
  'complex-reflection',
  'emotional-reaction',
]);
/** Relatives start defensive: the practice is about earning openness. */
const FIRST_OPENNESS = 25;
const FIRST_OPENNESS_SPREAD = 11;

export function choosePersona(
  deps: Deps,
  turn: Turn,
  personas: readonly Persona[] = deps.catalogue.personas,
  position?: string,
): void {
  const { lang } = turn.state;
  const texts = TALK_TEXTS[lang];
  turn.say({
    text: texts.choosePersona,
    buttons: [
      ...personas.map((persona) => [
        {
          label: texts.personaLabel(persona[lang].name, persona.age),
          data: talkButtons.persona(persona.id, position),
        },
      ]),
      // "Anyone" would drop the position asked for; it is offered only on a free choice.
      ...(position ? [] : [[{ label: texts.buttons.randomPersona, data: talkButtons.persona('*') }]]),
    ],
  });
}

/**
 * Practice on a chosen position. The relative the user spoke of, when one of the personas is them, always: on
 * this position when they hold it, else on the nearest one they hold (a related one first), which is said. Else
 * the only holder, or a choice among the holders; when nobody holds it, a choice of those who hold a related one,
 * each opening on it.
 */
export function practisePosition(deps: Deps, turn: Turn, positionId: string, relative?: string): void {
  const { lang } = turn.state;
  const position = deps.catalogue.position(positionId);
  if (!position) return;
  const named = relative === undefined ? undefined : deps.catalogue.persona(relative);
  if (named) {
    if (named.positions.includes(position.id)) {
      startPractice(deps, turn, named, position.id);
      return;
    }
    const near = position.related.find((id) => named.positions.includes(id));
    const instead = deps.catalogue.position(near ?? turn.pick(named.positions) ?? '');
    if (instead) {
      const texts = TALK_TEXTS[lang];
      const say = near ? texts.namedStartsNear : texts.namedStartsOwn;
      turn.say({ text: say(named[lang].name, named.gender, instead[lang].title), buttons: [] });
      startPractice(deps, turn, named, instead.id);
      return;
    }
  }
  const all = deps.personasHolding(position.id);
  // A relative the practice has no persona for ("dad"): those of their gender first, if any hold the point.
  const gender = named ? undefined : genderOf(deps, relative);
  const alike = all.filter((persona) => persona.gender === gender);
  const holders = alike.length > 0 ? alike : all;
  const [only] = holders;
  if (holders.length === 1 && only) {
    // Someone else than the relative spoken of: said in one line, so the switch is not a surprise.
    if (gender !== undefined && only.gender !== gender)
      turn.say({ text: TALK_TEXTS[lang].onlyHolder(only[lang].name, only.gender), buttons: [] });
    startPractice(deps, turn, only, position.id);
    return;
  }
  if (holders.length > 0) {
    choosePersona(deps, turn, holders, position.id);
    return;
  }
  const near = deps.catalogue.personas.flatMap((persona) => {
    const id = position.related.find((related) => persona.positions.includes(related));
    return id ? [{ persona, id }] : [];
  });
  turn.say({ text: TALK_TEXTS[lang].noPersonaHolds(position[lang].title), buttons: [] });
  if (near.length === 0) {
    choosePersona(deps, turn);
    return;
  }
  const texts = TALK_TEXTS[lang];
  turn.say({
    text: texts.choosePersona,
    buttons: near.map(({ persona, id }) => [
      {
        label: texts.personaLabel(persona[lang].name, persona.age),
        data: talkButtons.persona(persona.id, id),
      },
    ]),
  });
}

export function startRandomPractice(deps: Deps, turn: Turn): void {
  const persona = turn.pick(deps.catalogue.personas);
  if (persona) startPractice(deps, turn, persona);
}

export function startPractice(deps: Deps, turn: Turn, persona: Persona, positionId?: string): void {
  const { lang } = turn.state;
  const texts = TALK_TEXTS[lang];
  const position =
    positionId && persona.positions.includes(positionId) ? positionId : (turn.pick(persona.positions) ?? '');
  const openness = FIRST_OPENNESS + Math.floor(turn.random() * FIRST_OPENNESS_SPREAD);
  const opener = unusedLine(persona[lang], `line:${position}:defensive`, [], turn.state.rng);
  const serial = turn.state.practiceSerial + 1;
  const practice: PracticeState = {
    persona: persona.id,
    position,
    openness,
    turn: 0,
    used: [opener.key],
    lastLine: opener.key,
    opennessTrail: [openness],
    counts: { empathic: 0, neutral: 0, toxic: 0, questions: 0, reflections: 0 },
    tips: [],
    serial,
    maxTurns: deps.maxTurns,
    history: [],
  };
  turn.state = { ...turn.state, mode: 'practice', practiceSerial: serial, practice, rng: opener.rng };
  turn.effect({ kind: 'practice-started', persona: persona.id });
  turn.say({
    text: texts.practiceIntro(
      persona[lang].name,
      persona[lang].background,
      deps.maxTurns,
      !turn.slashCommands,
    ),
    buttons: [],
  });
  turn.say({ text: personaLine(persona, turn, opener.line), buttons: practiceButtons(turn, serial, false) });
}

function personaLine(persona: Persona, turn: Turn, line: string): string {
  return `${TALK_TEXTS[turn.state.lang].persona(persona[turn.state.lang].name)} ${line}`;
}

function practiceButtons(turn: Turn, serial: number, canRetry: boolean): Button[][] {
  const labels = TALK_TEXTS[turn.state.lang].buttons;
  return [
    [
      ...(canRetry ? [{ label: labels.again, data: talkButtons.again(serial) }] : []),
      { label: labels.stop, data: talkButtons.stop(serial) },
    ],
  ];
}

/** The relative's side of the practice, which the persona model moves. */
function turnOf(practice: PracticeState): PracticeTurn {
  const { persona, position, openness, turn, used, lastLine, opennessTrail } = practice;
  return { persona, position, openness, turn, used, lastLine, opennessTrail };
}

/**
 * Counts the reply's tips, appending new ones; returns the new list and what to undo. A tip given twice for one
 * reply (two insults) counts once: the summary names the habits seen in the most replies.
 */
function countTips(tips: PracticeState['tips'], given: readonly TipKey[]) {
  const next = tips.map(([tip, count]): [TipKey, number] => [tip, count]);
  const indices: number[] = [];
  let added = 0;
  for (const tip of new Set(given)) {
    let index = next.findIndex(([known]) => known === tip);
    if (index < 0) {
      index = next.push([tip, 0]) - 1;
      added++;
    }
    const entry = next[index];
    if (entry) entry[1]++;
    indices.push(index);
  }
  return { tips: next, indices, added };
}

function uncountTips(
  tips: PracticeState['tips'],
  indices: readonly number[],
  added: number,
): PracticeState['tips'] {
  const next = tips.map(([tip, count]): [TipKey, number] => [tip, count]);
  for (const index of indices) {
    const entry = next[index];
    if (entry) entry[1]--;
  }
  return next.slice(0, next.length - added);
}

function sameWords(a: string, b: string): boolean {
  const key = (text: string) => words(text).join(' ');
  return key(a) === key(b);
}

function feedbackText(turn: Turn, judgement: Judgement, reply: string): string {
  const texts = TALK_TEXTS[turn.state.lang];
  const labels = MARKER_LABELS[turn.state.lang];
  const kinds = [...new Set(judgement.markers.map((marker) => marker.kind))];
  const shown = judgement.verdict === 'toxic' ? kinds.filter(isToxic) : kinds;
  const moves = shown.map((kind) => labels[kind]).join(', ');
  const head =
    judgement.verdict === 'empathic'
      ? `${texts.verdicts.empathic}. ${texts.feedbackWorked} ${moves}.`
      : judgement.verdict === 'toxic'
        ? `${texts.verdicts.toxic}: ${moves}.`
        : `${texts.verdicts.neutral}. ${texts.feedbackNothingWorked}`;
  return [
    head,
    ...(judgement.tips.length > 0 ? ['', texts.feedbackTry, ...judgement.tips.map((tip) => `→ ${tip}`)] : []),
    // An already warm reply needs no better version.
    ...(judgement.rewrite === '' || sameWords(judgement.rewrite, reply)
      ? []
      : ['', texts.feedbackRewrite, texts.quote(judgement.rewrite)]),
  ].join('\n');
}

/** One reply of the user: judged, answered by the relative, with feedback, and the end when it comes. */
export function practiceReply(deps: Deps, turn: Turn, practice: PracticeState, text: string): void {
  const { lang } = turn.state;
  const persona = deps.catalogue.persona(practice.persona);
  if (!persona) return;
  // The user's own pain and "I don't know what to say" are not replies: neither is graded nor moves the relative.
  if (isDistress(text)) {
    turn.say({ text: TALK_TEXTS[lang].distress, buttons: practiceButtons(turn, practice.serial, false) });
    return;
  }
  if (isNoAnswer(text)) {
    hint(deps, turn, practice);
    return;
  }
  const judgement = deps.coach.judge(text, {
    context: saidLine(persona, lang, practice.lastLine),
    lang,
    position: practice.position,
    genders: { relative: persona.gender, user: turn.state.userGender },
  });
  const before = turnOf(practice);
  const reply = personaReply(persona, lang, before, judgement, text, turn.state.rng);
  const kinds = new Set(judgement.markers.map((marker) => marker.kind));
  const counted = judgement.verdict !== 'toxic';
  const tips = countTips(practice.tips, judgement.tipKeys);
  const undo: Undo = {
    position: practice.position,
    openness: practice.openness,
    lastLine: practice.lastLine,
    counts: practice.counts,
    usedAdded: reply.turn.used.length > practice.used.length,
    tipIndices: tips.indices,
    newTips: tips.added,
    rng: turn.state.rng,
  };
  const next: PracticeState = {
    ...practice,
    ...reply.turn,
    counts: {
      ...practice.counts,
      [judgement.verdict]: practice.counts[judgement.verdict] + 1,
      questions:
        practice.counts.questions + (counted && [...kinds].some((kind) => QUESTION_KINDS.has(kind)) ? 1 : 0),
      reflections:
        practice.counts.reflections +
        (counted && [...kinds].some((kind) => REFLECTION_KINDS.has(kind)) ? 1 : 0),
    },
    tips: tips.tips,
    history: [...practice.history, undo],
  };
  turn.state = { ...turn.state, practice: next, rng: reply.rng };
  turn.say({
    text: feedbackText(turn, judgement, text),
    buttons: [],
    feedback: {
      verdict: judgement.verdict,
      markers: [...kinds],
      tips: judgement.tips,
      rewrite: judgement.rewrite,
    },
  });
  const outcome = endOf(next);
  if (outcome === undefined) {
    turn.say({
      text: personaLine(persona, turn, reply.line),
      buttons: practiceButtons(turn, next.serial, true),
    });
    return;
  }
  const closing = outcome === 'opened' ? 'warm' : outcome === 'closed' ? 'cold' : undefined;
  const line = (closing && turn.pick(persona[lang].closing[closing])) || reply.line;
  turn.say({ text: personaLine(persona, turn, line), buttons: [] });
  finish(turn, next, outcome, persona);
}

/** A hint from the catalogue: the first answer's relate and ask steps for the position being practised. */
function hint(deps: Deps, turn: Turn, practice: PracticeState): void {
  const { lang } = turn.state;
  const answer = deps.catalogue.position(practice.position)?.[lang].answers[0];
  const relative = deps.catalogue.persona(practice.persona)?.gender;
  const genders = { relative, user: turn.state.userGender };
  const say = (line: string) => gendered(line, genders);
  const texts = TALK_TEXTS[lang];
  turn.say({
    text: answer ? texts.hint(say(answer.relate), say(answer.ask), relative) : texts.firstStep,
    buttons: practiceButtons(turn, practice.serial, practice.history.length > 0),
  });
}

function endOf(practice: PracticeState): PracticeOutcome | undefined {
  if (practice.openness >= OPENED_AT) return 'opened';
  if (practice.openness <= CLOSED_AT) return 'closed';
  if (practice.turn >= practice.maxTurns) return 'limit';
  return undefined;
}

function finish(
  turn: Turn,
  practice: PracticeState,
  outcome: PracticeOutcome,
  persona: Persona | undefined,
): void {
  const texts = TALK_TEXTS[turn.state.lang];
  const best = bestTurn(practice);
  turn.state = { ...turn.state, mode: 'menu', practice: undefined };
  if (practice.turn > 0)
    turn.effect({ kind: 'practice-finished', summary: practiceSummary(practice, outcome, turn.now) });
  turn.say({
    text: summaryText(practice, outcome, turn.state.lang, {
      name: persona?.[turn.state.lang].name ?? practice.persona,
      gender: persona?.gender,
    }),
    buttons: [
      [{ label: texts.buttons.practice, data: talkButtons.open('practice') }, menuButton(turn.state.lang)],
      // The practised position's cheat sheet, in this relative's gender: what to take into the real call.
      [
        {
          label: texts.buttons.cheatSheet,
          data: talkButtons.cheatSheet(practice.position, 0, practice.persona, best && bestTurnCode(best)),
        },
      ],
    ],
  });
}

/** Back in the practice after the user chose to stay in it: the relative's last line again. */
export function resume(deps: Deps, turn: Turn, practice: PracticeState): void {
  const persona = deps.catalogue.persona(practice.persona);
  if (!persona) return;
  turn.state = { ...turn.state, mode: 'practice' };
  const line = saidLine(persona, turn.state.lang, practice.lastLine);
  turn.say({
    text: `${TALK_TEXTS[turn.state.lang].resumed}\n\n${personaLine(persona, turn, line)}`,
    buttons: practiceButtons(turn, practice.serial, practice.history.length > 0),
  });
}

/** "Try that turn again": the state before the last reply, exactly, and the relative's line repeated. */
export function retry(deps: Deps, turn: Turn, practice: PracticeState): void {
  const texts = TALK_TEXTS[turn.state.lang];
  const last = practice.history.at(-1);
  const persona = deps.catalogue.persona(practice.persona);
  if (!last || !persona) {
    turn.say({ text: texts.nothingToRedo, buttons: practiceButtons(turn, practice.serial, false) });
    return;
  }
  const restored: PracticeState = {
    ...practice,
    position: last.position,
    openness: last.openness,
    lastLine: last.lastLine,
    counts: last.counts,
    turn: practice.turn - 1,
    used: last.usedAdded ? practice.used.slice(0, -1) : practice.used,
    opennessTrail: practice.opennessTrail.slice(0, -1),
    tips: uncountTips(practice.tips, last.tipIndices, last.newTips),
    history: practice.history.slice(0, -1),
  };
  turn.state = { ...turn.state, practice: restored, rng: last.rng };
  const line = saidLine(persona, turn.state.lang, restored.lastLine);
  turn.say({
    text: `${texts.againDone(persona[turn.state.lang].name, persona.gender)}\n\n${line}`,
    buttons: practiceButtons(turn, practice.serial, restored.history.length > 0),
  });
}

export function stop(deps: Deps, turn: Turn, practice: PracticeState): void {
  finish(turn, practice, 'stopped', deps.catalogue.persona(practice.persona));
}
