import { z } from 'zod';
import { readEvalFile } from '../catalogue/eval-file.js';
import type { Engine } from './engine.js';
import { initialState } from './state.js';

// The front door on a labelled set: for each text typed at the menu, did the right part answer (talk for a
// relative's words, the guide for one's own question, neither for the rest), and with the right position or topic?

const caseSchema = z.strictObject({
  text: z.string(),
  lang: z.enum(['ru', 'en']),
  part: z.enum(['talk', 'guide', 'none']),
  expected: z.array(z.string()),
  note: z.string().optional(),
});

export type FrontDoorCase = z.infer<typeof caseSchema>;
type Part = FrontDoorCase['part'];

export function readFrontDoorCases(file: string): FrontDoorCase[] {
  return readEvalFile(file, caseSchema, 'a front-door case');
}

export interface FrontDoorReport {
  cases: number;
  /** The right part answered (for `none`: neither claimed the text). */
  part: number;
  /** The right part answered, with an expected position or topic first. */
  answer: number;
  byPart: Record<Part, { cases: number; part: number }>;
  /** Texts for which the other part offered its answer too. */
  offeredBoth: number;
  /** Wrong routes, most frequent first: "guide → talk". */
  confusions: { expected: string; got: string; count: number }[];
}

/** What the engine did with the text typed at the menu of a new user. */
export function routeOf(engine: Engine, item: Pick<FrontDoorCase, 'text' | 'lang'>, now: Date) {
  const { effects } = engine.step(initialState(item.lang, 1), { kind: 'text', text: item.text }, { now });
  let part: Part = 'none';
  let answer: string | undefined;
  let offered = false;
  for (const effect of effects)
    if (effect.kind === 'front-door') {
      part = effect.part === 'talk' || effect.part === 'guide' ? effect.part : 'none';
      offered = effect.offered.length > 0;
    }
  if (part === 'talk') answer = effects.find((e) => e.kind === 'positions-met')?.positions[0];
  // A guide answer without a matched topic is a place typed on its own: a station search.
  if (part === 'guide') answer = effects.find((e) => e.kind === 'topics-asked')?.topics[0] ?? 'find-station';
  return { part, answer, offered };
}

export function evaluateFrontDoor(
  engine: Engine,
  cases: readonly FrontDoorCase[],
  now: Date,
): FrontDoorReport {
  const byPart = { talk: { cases: 0, part: 0 }, guide: { cases: 0, part: 0 }, none: { cases: 0, part: 0 } };
  const confusions = new Map<string, number>();
  let part = 0;
  let answer = 0;
  let offeredBoth = 0;
  for (const item of cases) {
    const route = routeOf(engine, item, now);
    const right = route.part === item.part;
    byPart[item.part].cases++;
    if (right) {
      part++;
      byPart[item.part].part++;
      if (item.part === 'none' || (route.answer !== undefined && item.expected.includes(route.answer)))
        answer++;
    } else {
      const key = `${item.part} → ${route.part}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    if (route.offered) offeredBoth++;
  }
  const total = cases.length || 1;
  return {
    cases: cases.length,
    part: part / total,
    answer: answer / total,
    byPart,
    offeredBoth,
    confusions: [...confusions]
      .map(([key, count]) => {
        const [expected = '', got = ''] = key.split(' → ');
        return { expected, got, count };
      })
      .sort((a, b) => b.count - a.count),
  };
}
