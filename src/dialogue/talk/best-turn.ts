import type { PracticeState } from '../state.js';

/** The reply that opened the relative most: its number, the openness it won, and what it did. */
export interface BestTurn {
  turn: number;
  gain: number;
  reflected: boolean;
  asked: boolean;
}

/**
 * The practice's best reply, by the openness it won (the first of equals); none when no reply won any. Its words
 * are not here: the state keeps none (DESIGN.md), so the reply's moves come from the counts it changed.
 */
export function bestTurn(practice: PracticeState): BestTurn | undefined {
  let best: BestTurn | undefined;
  practice.history.forEach((undo, index) => {
    const after = practice.history[index + 1]?.counts ?? practice.counts;
    const gain = Math.round((practice.opennessTrail[index + 1] ?? 0) - (practice.opennessTrail[index] ?? 0));
    if (gain <= 0 || (best && gain <= best.gain)) return;
    best = {
      turn: index + 1,
      gain,
      reflected: after.reflections > undo.counts.reflections,
      asked: after.questions > undo.counts.questions,
    };
  });
  return best;
}

/** A best turn as a button carries it: `2.12.rq` (reply 2, +12, reflected and asked). */
export function bestTurnCode(best: BestTurn): string {
  return `${best.turn}.${best.gain}.${best.reflected ? 'r' : ''}${best.asked ? 'q' : ''}`;
}

export function parseBestTurn(code: string | undefined): BestTurn | undefined {
  const match = code?.match(/^(\d{1,3})\.(\d{1,3})\.(r?)(q?)$/);
  if (!match) return undefined;
  return {
    turn: Number(match[1]),
    gain: Number(match[2]),
    reflected: match[3] === 'r',
    asked: match[4] === 'q',
  };
}
