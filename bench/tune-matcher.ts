// Calibrates the matcher's options by cross-validation on the catalogue's own examples and off-topic examples,
// never on content/eval (that set stays unseen). Prints the best settings; copy them into DEFAULT_MATCHER_OPTIONS.
//   node --import tsx bench/tune-matcher.ts
import { loadCatalogue } from '../src/catalogue/load.js';
import { evaluateMatcher, type MatchCase } from '../src/matcher/evaluate.js';
import { OFF_TOPIC, trainingExamples, trainMatcher } from '../src/matcher/matcher.js';

const FOLDS = 5;
const examples = trainingExamples(loadCatalogue());
const folds = Array.from({ length: FOLDS }, (_, fold) => ({
  train: examples.filter((_, i) => i % FOLDS !== fold),
  test: examples
    .filter((_, i) => i % FOLDS === fold)
    .map(
      (e): MatchCase => ({
        text: e.text,
        lang: /[а-яё]/i.test(e.text) ? 'ru' : 'en',
        expected: e.label === OFF_TOPIC ? [] : [e.label],
      }),
    ),
}));

const results: {
  options: Record<string, number>;
  top1: number;
  top3: number;
  rejection: number;
  score: number;
}[] = [];
for (const wordShare of [0.3, 0.4, 0.5, 0.6, 0.7]) {
  for (const nearestShare of [0.3, 0.5, 0.7, 0.9]) {
    for (const threshold of [0.1, 0.15, 0.2, 0.25]) {
      for (const offTopicMargin of [0.8, 1, 1.2]) {
        const options = { wordShare, nearestShare, threshold, offTopicMargin };
        let top1 = 0;
        let top3 = 0;
        let rejection = 0;
        for (const fold of folds) {
          const report = evaluateMatcher(trainMatcher(fold.train, options), fold.test);
          top1 += report.top1 / FOLDS;
          top3 += report.top3 / FOLDS;
          rejection += report.offTopicRejection / FOLDS;
        }
        results.push({ options, top1, top3, rejection, score: top1 + 0.5 * top3 + rejection });
      }
    }
  }
}
results.sort((a, b) => b.score - a.score);
console.table(
  results.slice(0, 10).map((r) => ({
    ...r.options,
    top1: r.top1.toFixed(3),
    top3: r.top3.toFixed(3),
    rejection: r.rejection.toFixed(3),
  })),
);
