import {
  LANGS,
  type Lang,
  type Persona,
  type PersonaState,
  type PersonaText,
} from '../../catalogue/schema.js';
import type { Judgement } from '../../coach/coach.js';
import type { MarkerKind } from '../../coach/markers.js';
import { next, pick } from '../random.js';
import type { PracticeTurn } from '../state.js';

// How a simulated relative reacts to a reply. Its hidden openness (0–100) moves with the moves the coach found:
// hurtful ones make it defensive, lecturing makes it dismiss, and the moves of motivational interviewing and
// deep canvassing make it soften. The numbers are a model for practice, not a measurement of people.

/** Openness at which the relative counts as open (goal reached) or shut down (cold close). */
export const OPENED_AT = 90;
export const CLOSED_AT = 5;
const GUARDED_FROM = 40;
const OPEN_FROM = 70;
const MAX_GAIN = 20;
const MAX_LOSS = 35;
/** A bare argument, however true, changes nothing (Kalla & Broockman 2020): openness stays where it was. */
const NEUTRAL_CHANGE = 0;

const CHANGE: Record<MarkerKind, number> = {
  'complex-reflection': 14,
  'simple-reflection': 10,
  'emotional-reaction': 8,
  exploration: 10,
  'open-question': 10,
  affirmation: 8,
  'confidence-scale': 6,
  'change-mind': 8,
  'i-statement': 6,
  request: 4,
  'own-story': 12,
  'shared-values': 12,
  gratitude: 5,
  'acknowledge-view': 8,
  insult: -25,
  contempt: -20,
  threat: -20,
  labelling: -18,
  sarcasm: -15,
  profanity: -15,
  'group-blame': -12,
  demand: -10,
  'rhetorical-question': -10,
  lecture: -8,
  'link-dump': -8,
};

/** Moves after which the relative brushes the reply off ("опять ты со своим ютубом") rather than feels hurt. */
const DISMISSIVE: ReadonlySet<MarkerKind> = new Set(['lecture', 'link-dump']);

export function band(openness: number): PersonaState {
  if (openness >= OPEN_FROM) return 'open';
  if (openness >= GUARDED_FROM) return 'guarded';
  return 'defensive';
}

export function opennessChange(judgement: Judgement): number {
  const kinds = new Set(judgement.markers.map((marker) => marker.kind));
  const changes = [...kinds].map((kind) => CHANGE[kind]);
  if (judgement.verdict === 'toxic') {
    // A warm word next to an insult does not undo the insult.
    const loss = changes.filter((change) => change < 0).reduce((sum, change) => sum + change, 0);
    return Math.max(loss, -MAX_LOSS);
  }
  if (judgement.verdict === 'empathic') {
    return Math.min(
      changes.reduce((sum, change) => sum + change, 0),
      MAX_GAIN,
    );
  }
  return NEUTRAL_CHANGE;
}

function clamp(openness: number): number {
  return Math.max(0, Math.min(100, Math.round(openness)));
}

export interface PersonaReply {
  line: string;
  turn: PracticeTurn;
  rng: number;
}

/**
 * The lines of a pool, named as in the keys of said lines: "line:<position>:<state>", "confidence:<state>",
 * "reaction:<hurt|dismiss>"; a line's key is its pool and its index ("line:tv-says:open:2").
 */
function poolLines(text: PersonaText, pool: string): readonly string[] {
  const [kind, first = '', second = ''] = pool.split(':');
  // The names come from the stored state: an inherited property ("constructor") is no pool.
  const own = <T>(record: Record<string, T>, name: string) =>
    Object.hasOwn(record, name) ? record[name] : undefined;
  if (kind === 'line') {
    const lines = own(text.lines, first);
    return (lines && own(lines, second)) ?? [];
  }
  if (kind === 'confidence') return own(text.confidence, first) ?? [];
  if (kind === 'reaction') return own(text.reactions, first) ?? [];
  return [];
}

/**
 * A line from a pool that has not been said in this practice; when all have, any line of the pool. With `fits`,
 * only the lines that fit what the user did, unless none does.
 */
export function unusedLine(
  text: PersonaText,
  pool: string,
  used: readonly string[],
  rng: number,
  fits: (line: string) => boolean = () => true,
): { line: string; key: string; rng: number } {
  const lines = poolLines(text, pool);
  const all = lines.map((_, i) => `${pool}:${i}`);
  const fitting = all.filter((_, i) => fits(lines[i] ?? ''));
  const keys = fitting.length > 0 ? fitting : all;
  const fresh = keys.filter((key) => !used.includes(key));
  const choice = pick(fresh.length > 0 ? fresh : keys, rng);
  const index = Number(choice.item.slice(pool.length + 1));
  return { line: lines[index] ?? '', key: choice.item, rng: choice.rng };
}

/**
 * The text of a line the state keeps as said: its key, and for a confidence line "=" and the number it filled
 * in ("confidence:guarded:0=7"), which cannot be worked out again (a random draw, and the scale the question used).
 */
export function saidLine(persona: Persona, lang: Lang, said: string): string {
  const [key = '', number] = said.split('=');
  const cut = key.lastIndexOf(':');
  const pool = key.slice(0, cut);
  const index = Number(key.slice(cut + 1));
  // The language may change mid-practice, and the catalogue does not make both languages equally long: the
  // other language speaks when this one has no line under the key.
  const line =
    [lang, ...LANGS]
      .map((each) => poolLines(persona[each], pool)[index])
      .find((each) => each !== undefined) ?? '';
  return number === undefined ? line : line.replaceAll('{n}', number);
}

/**
 * A hurt line that echoes a word or a move ("so your mother's a zombie", "don't give me ultimatums") is said only
 * after the user said or did that; the other hurt lines fit any hurtful reply.
 */
const ECHOES: readonly { line: RegExp; after: (kinds: ReadonlySet<MarkerKind>, reply: string) => boolean }[] =
  [
    { line: /зомби|zombie/iu, after: (_, reply) => /зомби|zombie|промыт|промыл|brainwash/iu.test(reply) },
    {
      line: /туп|глуп|thick|silly|foolish/iu,
      after: (_, reply) =>
        /туп|глуп|дур|идиот|дебил|stupid|thick|silly|foolish|idiot|dumb|moron/iu.test(reply),
    },
    { line: /быдл|lowlife/iu, after: (_, reply) => /быдл|lowlife|чернь|плебе|нищеброд|trash/iu.test(reply) },
    { line: /ватник|vatnik/iu, after: (_, reply) => /ватн|vatnik/iu.test(reply) },
    { line: /ультиматум|ultimatum/iu, after: (kinds) => kinds.has('threat') || kinds.has('demand') },
    { line: /сарказм|sarcasm/iu, after: (kinds) => kinds.has('sarcasm') },
  ];

/** Lines that accuse the user of pushing ("don't campaign at me", «не надо лекций»): only after a reply that pushed. */
const PUSHED = /агитир|не груз|лекци|указыва|lectur|campaign|don't tell me what/iu;

function echoFits(line: string, kinds: ReadonlySet<MarkerKind>, reply: string): boolean {
  return ECHOES.every((echo) => !echo.line.test(line) || echo.after(kinds, reply));
}

/**
 * The relative's answer to a judged reply: the new openness, and a line that fits it. A hurt or dismissive
 * reaction for the anti-patterns, a number for a confidence-scale question, otherwise a line of its current
 * position for its new state (moving to another position it holds when this one has nothing new to say).
 */
export function personaReply(
  persona: Persona,
  lang: Lang,
  before: PracticeTurn,
  judgement: Judgement,
  reply: string,
  rng: number,
): PersonaReply {
  const text = persona[lang];
  const openness = clamp(before.openness + opennessChange(judgement));
  const state = band(openness);
  const kinds = new Set(judgement.markers.map((marker) => marker.kind));
  const toxicKinds = judgement.verdict === 'toxic' ? [...kinds].filter((kind) => CHANGE[kind] < 0) : [];
  let position = before.position;
  let chosen: { line: string; key: string; rng: number };
  let said: string;

  if (toxicKinds.length > 0) {
    const reaction = toxicKinds.every((kind) => DISMISSIVE.has(kind)) ? 'dismiss' : 'hurt';
    chosen = unusedLine(text, `reaction:${reaction}`, before.used, rng, (line) =>
      echoFits(line, kinds, reply),
    );
    said = chosen.key;
  } else if (kinds.has('confidence-scale')) {
    const template = unusedLine(text, `confidence:${state}`, before.used, rng);
    const jitter = next(template.rng);
    const certainty = Math.max(
      1,
      Math.min(10, Math.round(10 - (openness / 100) * 6 + (jitter.value * 2 - 1))),
    );
    const hundred = /100|сто(?![\p{L}])|hundred/iu.test(reply);
    const number = String(hundred ? certainty * 10 : certainty);
    chosen = { line: template.line.replaceAll('{n}', number), key: template.key, rng: jitter.rng };
    said = `${template.key}=${number}`;
  } else {
    const pool = (id: string) => `line:${id}:${state}`;
    const hasFresh = (id: string) =>
      poolLines(text, pool(id)).some((_, i) => !before.used.includes(`${pool(id)}:${i}`));
    if (!hasFresh(position)) {
      const others = persona.positions.filter((id) => id !== position && hasFresh(id));
      if (others.length > 0) {
        const moved = pick(others, rng);
        position = moved.item;
        rng = moved.rng;
      }
    }
    // After a warm reply the relative may still be guarded, but does not accuse the user of pushing.
    const fits = (line: string) => judgement.verdict !== 'empathic' || !PUSHED.test(line);
    chosen = unusedLine(text, pool(position), before.used, rng, fits);
    said = chosen.key;
  }

  return {
    line: chosen.line,
    rng: chosen.rng,
    turn: {
      ...before,
      position,
      openness,
      turn: before.turn + 1,
      used: before.used.includes(chosen.key) ? before.used : [...before.used, chosen.key],
      lastLine: said,
      opennessTrail: [...before.opennessTrail, openness],
    },
  };
}
