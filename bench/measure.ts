import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadCatalogue } from '../src/catalogue/load.js';
import { createCoach } from '../src/coach/coach.js';
import { readCoachCases } from '../src/coach/evaluate.js';
import { createEngine } from '../src/dialogue/engine.js';
import { initialState } from '../src/dialogue/state.js';
import { talkButtons } from '../src/dialogue/talk/buttons.js';
import { readMatchCases } from '../src/matcher/evaluate.js';
import { createMatcher } from '../src/matcher/matcher.js';

export interface Measurement {
  name: string;
  value: number;
  unit: string;
}

/**
 * The heap in use after a full collection. Without one, the difference of two readings is whatever garbage the
 * collector had not reached yet: it came out anywhere from 3 to 8 MB for the same index, and once negative.
 */
function liveHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

function opsPerSecond(texts: string[], iterations: number, run: (text: string) => unknown): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run(texts[i % texts.length] ?? '');
  return Math.round(iterations / ((performance.now() - start) / 1000));
}

function microsecondsPerCall(texts: string[], iterations: number, run: (text: string) => unknown): number {
  opsPerSecond(texts, Math.min(iterations, 500), run);
  return Math.round((1e6 / opsPerSecond(texts, iterations, run)) * 10) / 10;
}

/**
 * Matcher and coach on one core, over the texts of the evaluation sets (real phrasings, not a repeated string).
 * `iterations` is small in the smoke test and large in `npm run bench`.
 */
export function measureMatcherAndCoach(iterations: number): Record<string, Measurement> {
  const catalogue = loadCatalogue();
  const heapBefore = liveHeap();
  const buildStart = performance.now();
  const matcher = createMatcher(catalogue);
  const buildMs = performance.now() - buildStart;
  const heapAfter = liveHeap();
  const coach = createCoach(catalogue, matcher);
  const matchTexts = readMatchCases(`${catalogue.dir}/eval/match.jsonl`).map((c) => c.text);
  const coachCases = readCoachCases(`${catalogue.dir}/eval/coach.jsonl`);
  // Warm up the JIT before timing.
  opsPerSecond(matchTexts, Math.min(iterations, 500), (text) => matcher.match(text));
  const matchRate = opsPerSecond(matchTexts, iterations, (text) => matcher.match(text));
  const coachTexts = coachCases.map((c) => c.text);
  opsPerSecond(coachTexts, Math.min(iterations, 500), (text) => coach.judge(text));
  const coachRate = opsPerSecond(coachTexts, iterations, (text) => coach.judge(text));
  const contexts = coachCases.map((c) => `${c.context ?? ''}\u0000${c.text}`);
  const coachWithContextRate = opsPerSecond(contexts, iterations, (pair) => {
    const [context, text] = pair.split('\u0000');
    return coach.judge(text ?? '', { context });
  });
  // Engine steps as the channels make them: a practice reply (coach + persona) and an advice request (matcher).
  const engine = createEngine({ catalogue, matcher, coach });
  const now = new Date();
  const practising = engine.step(
    initialState('ru', 1),
    { kind: 'button', data: talkButtons.persona('mother') },
    { now },
  ).state;
  const practiceStepUs = microsecondsPerCall(coachTexts, iterations, (text) =>
    engine.step(practising, { kind: 'text', text }, { now }),
  );
  const adviceStepUs = microsecondsPerCall(matchTexts, iterations, (text) =>
    engine.step(initialState('ru', 1), { kind: 'text', text }, { now }),
  );
  return {
    'engine.practice_step_us': { name: 'engine: one practice reply', value: practiceStepUs, unit: 'µs' },
    'engine.advice_step_us': { name: 'engine: one advice request', value: adviceStepUs, unit: 'µs' },
    'matcher.ops_per_s': { name: 'matcher: matches per second', value: matchRate, unit: 'ops/s' },
    'matcher.build_ms': { name: 'matcher: index build', value: Math.round(buildMs), unit: 'ms' },
    'matcher.heap_mb': {
      name: 'matcher: heap held by the index',
      value: Math.round(((heapAfter - heapBefore) / 1024 / 1024) * 10) / 10,
      unit: 'MB',
    },
    'coach.ops_per_s': { name: 'coach: judgements per second', value: coachRate, unit: 'ops/s' },
    'coach.with_context_ops_per_s': {
      name: 'coach: judgements per second with context',
      value: coachWithContextRate,
      unit: 'ops/s',
    },
    'process.rss_mb': {
      name: 'process: resident memory',
      value: Math.round(process.memoryUsage().rss / 1024 / 1024),
      unit: 'MB',
    },
  };
}
