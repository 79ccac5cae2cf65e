import { GROUPS, type Group } from '../../catalogue/contract.js';
import { gendered } from '../../catalogue/gendered.js';
import type { Position } from '../../catalogue/schema.js';
import { isDistress } from '../../coach/distress.js';
import { menuButton } from '../buttons.js';
import type { Deps } from '../deps.js';
import type { Button } from '../messages.js';
import type { Turn } from '../turn.js';
import type { BestTurn } from './best-turn.js';
import { talkButtons } from './buttons.js';
import { cheatSheet } from './cheat-sheet.js';
import { genderOf, relativeIn } from './relative.js';
import { TALK_TEXTS } from './texts.js';

// Advice ("my relative said…") and the topic browser: both end on a position card with the same buttons.

/** Catalogue lines in the relative's and the user's grammatical gender, both forms where unknown. */
function voice(deps: Deps, turn: Turn, relative: string | undefined): (line: string) => string {
  const genders = { relative: genderOf(deps, relative), user: turn.state.userGender };
  return (line) => gendered(line, genders);
}

/**
 * A position card as its buttons carry it from one view to the next: which answer is on screen, and the relative
 * the user spoke of (a persona id), so that every view speaks in their gender and "practise" starts with them.
 */
export interface Card {
  position: Position;
  answer: number;
  relative?: string | undefined;
}

function cardButtons(deps: Deps, turn: Turn, { position, answer, relative }: Card): Button[][] {
  const labels = TALK_TEXTS[turn.state.lang].buttons;
  const answers = position[turn.state.lang].answers.length;
  // After the last answer "another" would quietly start the round again: the button says it goes back.
  const last = answer + 1 >= answers;
  const next: Button[] =
    answers > 1
      ? [
          {
            label: last ? labels.firstAnswer : labels.anotherAnswer,
            data: talkButtons.answer(position.id, last ? 0 : answer + 1, relative),
          },
        ]
      : [];
  return [
    [...next, { label: labels.facts, data: talkButtons.facts(position.id, answer, relative) }],
    [
      { label: labels.pitfalls, data: talkButtons.pitfalls(position.id, answer, relative) },
      ...(deps.personasHolding(position.id).length > 0 || position.related.length > 0
        ? [{ label: labels.practiseThis, data: talkButtons.practisePosition(position.id, relative) }]
        : []),
    ],
    [
      { label: labels.cheatSheet, data: talkButtons.cheatSheet(position.id, answer, relative) },
      menuButton(turn.state.lang),
    ],
  ];
}

/** The position's three-step answer number `answer`: relate → unite → ask. */
export function showAnswer(deps: Deps, turn: Turn, card: Card): void {
  const { position, answer, relative } = card;
  const { lang } = turn.state;
  const texts = TALK_TEXTS[lang];
  const answers = position[lang].answers;
  const index = ((answer % answers.length) + answers.length) % answers.length;
  const chosen = answers[index];
  if (!chosen) return;
  const say = voice(deps, turn, relative);
  turn.say({
    text: [
      texts.answerHeading(position[lang].title, index + 1, answers.length),
      '',
      `${texts.steps.relate}\n${say(chosen.relate)}`,
      '',
      `${texts.steps.unite}\n${say(chosen.unite)}`,
      '',
      `${texts.steps.ask}\n${say(chosen.ask)}`,
    ].join('\n'),
    buttons: cardButtons(deps, turn, { ...card, answer: index }),
  });
}

/** The card to take into the call: the chosen answer, one fact with its source, two pitfalls (and the best reply). */
export function showCheatSheet(
  deps: Deps,
  turn: Turn,
  { position, answer, relative }: Card,
  best?: BestTurn,
): void {
  const { lang } = turn.state;
  turn.say({
    text: cheatSheet(position, answer, lang, voice(deps, turn, relative), best),
    buttons: [[menuButton(lang)]],
    sheet: best ? { bestTurn: best.turn } : {},
  });
}

export function showFacts(deps: Deps, turn: Turn, card: Card): void {
  const { position } = card;
  const { lang } = turn.state;
  const { quote } = TALK_TEXTS[lang];
  const facts = position.counterarguments.map(
    ({ claim, source }) =>
      `• ${claim[lang]}\n  — ${source.publisher}, ${quote(source.title)}, ${source.year}: ${source.url}`,
  );
  turn.say({
    text: [TALK_TEXTS[lang].factsHeading(position[lang].title), '', ...facts].join('\n'),
    buttons: cardButtons(deps, turn, card),
  });
}

export function showPitfalls(deps: Deps, turn: Turn, card: Card): void {
  const { position, relative } = card;
  const { lang } = turn.state;
  const texts = TALK_TEXTS[lang];
  const say = voice(deps, turn, relative);
  const pitfalls = position[lang].pitfalls.map(
    ({ avoid, why }) => `• ${texts.avoid}: ${say(avoid)}\n  ${texts.why}: ${say(why)}`,
  );
  turn.say({
    text: [texts.pitfallsHeading(position[lang].title), '', ...pitfalls].join('\n'),
    buttons: cardButtons(deps, turn, card),
  });
}

/**
 * The best score a single recognised position needs to be answered at once rather than offered as a choice.
 * Checked on the nine spent evaluation sets (3,204 matched lines): at 0.18 the 2,360 answered at once were 99.9%
 * right and below it the first button 88%; real quotes are harder, so the line stays where a choice is cheap.
 */
export const CONFIDENT = 0.18;
/** A runner-up this close to the best makes the matcher unsure even above the confidence line. */
const CLOSE_RATIO = 0.75;
/** A position this near is worth offering as a button when nothing was recognised. */
const NEAR = 0.06;
const CHOICES = 3;

function topicsRow(lang: Turn['state']['lang']): Button[] {
  return [{ label: TALK_TEXTS[lang].buttons.topics, data: talkButtons.open('topics') }, menuButton(lang)];
}

/** The matcher's nearest positions, best first, whatever the threshold (never the off-topic label). */
function nearest(deps: Deps, text: string, floor: number): Position[] {
  return deps.matcher
    .rank(text)
    .scores.filter((entry) => entry.score >= floor)
    .map((entry) => deps.catalogue.position(entry.id))
    .filter((position) => position !== undefined)
    .slice(0, CHOICES);
}

function positionButtons(turn: Turn, positions: readonly Position[], relative?: string): Button[][] {
  const { lang } = turn.state;
  return positions.map((position) => [
    { label: position[lang].title, data: talkButtons.answer(position.id, 0, relative) },
  ]);
}

/** The user is the one hurting: acknowledged, with a pause or a boundary and where to find support. */
export function careFor(turn: Turn): void {
  turn.say({ text: TALK_TEXTS[turn.state.lang].distress, buttons: [] });
}

/**
 * A relative's words: the matched position's answer when the matcher is sure; its nearest three as a choice
 * ("which is closest?") when it is unsure; a first step, the nearest topics and the sections when nothing is
 * recognised. Never a dead end.
 */
export function advise(deps: Deps, turn: Turn, text: string): void {
  const { lang } = turn.state;
  const texts = TALK_TEXTS[lang];
  turn.state = { ...turn.state, mode: 'advise', pendingPhrasing: undefined };
  const distress = isDistress(text);
  // Only the relative's persona id rides on the buttons; the text itself is not kept.
  const relative = relativeIn(text);
  if (distress) careFor(turn);
  const result = deps.matcher.match(text);
  const matched = result.positions
    .map((entry) => ({ entry, position: deps.catalogue.position(entry.id) }))
    .filter(
      (found): found is { entry: (typeof result.positions)[number]; position: Position } =>
        found.position !== undefined,
    );
  if (matched.length > 0)
    turn.effect({ kind: 'positions-met', positions: matched.map(({ position }) => position.id) });
  const [first, second] = matched;
  const sure = first !== undefined && first.entry.score >= CONFIDENT;
  if (first && sure && (!second || second.entry.score < CLOSE_RATIO * first.entry.score)) {
    showAnswer(deps, turn, { position: first.position, answer: 0, relative });
    return;
  }
  if (first && sure) {
    turn.say({
      text: texts.severalMatched,
      buttons: [
        ...positionButtons(
          turn,
          matched.map(({ position }) => position),
          relative,
        ),
        topicsRow(lang),
      ],
    });
    return;
  }
  if (first) {
    turn.say({
      text: texts.closest(genderOf(deps, relative)),
      buttons: [...positionButtons(turn, nearest(deps, text, 0), relative), topicsRow(lang)],
    });
    return;
  }
  const near = nearest(deps, text, NEAR);
  // A person's own pain is not a phrasing for the editors: it gets the care above and a way on.
  if (distress) {
    turn.say({ text: texts.afterConsent, buttons: [topicsRow(lang)] });
    return;
  }
  turn.state = { ...turn.state, pendingPhrasing: text };
  turn.say({
    text: [texts.noneMatched, texts.firstStep, texts.shareAsk].join('\n\n'),
    buttons: [
      ...positionButtons(turn, near, relative),
      [
        { label: texts.buttons.share, data: talkButtons.share(true) },
        { label: texts.buttons.dontShare, data: talkButtons.share(false) },
      ],
      topicsRow(lang),
    ],
  });
}

/** The answer to the consent button: the phrasing goes to the editors only on a yes, and only once. */
export function consent(turn: Turn, agree: boolean): void {
  const texts = TALK_TEXTS[turn.state.lang];
  const text = turn.state.pendingPhrasing;
  const buttons = [topicsRow(turn.state.lang)];
  turn.state = { ...turn.state, pendingPhrasing: undefined };
  if (!agree) {
    turn.say({ text: `${texts.notShared} ${texts.afterConsent}`, buttons });
    return;
  }
  if (text === undefined) {
    turn.say({ text: texts.shareExpired, buttons });
    return;
  }
  turn.effect({ kind: 'share-phrasing', text, lang: turn.state.lang });
  turn.say({ text: `${texts.shared} ${texts.afterConsent}`, buttons });
}

export function showGroups(turn: Turn): void {
  const texts = TALK_TEXTS[turn.state.lang];
  turn.state = { ...turn.state, mode: 'browse' };
  turn.say({
    text: texts.chooseTopicGroup,
    buttons: GROUPS.map((group) => [{ label: texts.groups[group], data: talkButtons.group(group) }]),
  });
}

export function showGroup(deps: Deps, turn: Turn, group: Group): void {
  const { lang } = turn.state;
  turn.state = { ...turn.state, mode: 'browse' };
  turn.say({
    text: `${TALK_TEXTS[lang].groups[group]}. ${TALK_TEXTS[lang].chooseTopic}`,
    buttons: [
      ...deps.catalogue.positions
        .filter((position) => position.group === group)
        .map((position) => [{ label: position[lang].title, data: talkButtons.answer(position.id, 0) }]),
      [{ label: TALK_TEXTS[lang].buttons.topics, data: talkButtons.open('topics') }],
    ],
  });
}

export function isGroup(value: string | undefined): value is Group {
  return (GROUPS as readonly string[]).includes(value ?? '');
}
