// Calibrates the matcher's options by 5-fold cross-validation on the catalogue's own phrasings and off-topic
// examples, never on content/eval (that set stays unseen). Prints the best settings, to be copied into
// DEFAULT_MATCHER_OPTIONS.   node --import tsx bench/tune-matcher.ts
import { loadCatalogue } from '../src/catalogue/load.js';
import { type MatcherOptions, OFF_TOPIC, trainingExamples, trainMatcher } from '../src/matcher/matcher.js';

const FOLDS = 5;
const examples = trainingExamples(loadCatalogue());

interface Ranked {
  expected: string;
  offTopic: number;
  top: { id: string; score: number }[];
}

function rankHeldOut(options: Partial<MatcherOptions>): Ranked[] {
  const ranked: Ranked[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const matcher = trainMatcher(
      examples.filter((_, i) => i % FOLDS !== fold),
      options,
    );
    for (const example of examples.filter((_, i) => i % FOLDS === fold)) {
      const { scores } = matcher.rank(example.text);
      ranked.push({
        expected: example.label,
        offTopic: scores.find((s) => s.id === OFF_TOPIC)?.score ?? 0,
        top: scores.filter((s) => s.id !== OFF_TOPIC).slice(0, 3),
      });
    }
  }
  return ranked;
}

const rows: Record<string, number | string>[] = [];
for (const wordShare of [0.4, 0.5, 0.6]) {
  for (const nearestShare of [0.2, 0.3, 0.4]) {
    const ranked = rankHeldOut({ wordShare, nearestShare });
    for (const threshold of [0.06, 0.08, 0.1, 0.12, 0.14]) {
      for (const offTopicMargin of [0.9, 1, 1.1, 1.2, 1.3]) {
        let onTopic = 0;
        let top1 = 0;
        let offTopic = 0;
        let rejected = 0;
        for (const r of ranked) {
          const best = r.top[0];
          const accepted = best && best.score >= threshold && best.score >= r.offTopic * offTopicMargin;
          if (r.expected === OFF_TOPIC) {
            offTopic++;
            if (!accepted) rejected++;
          } else {
            onTopic++;
            if (accepted && best.id === r.expected) top1++;
          }
        }
        const accuracy = top1 / onTopic;
        const rejection = rejected / offTopic;
        rows.push({
          wordShare,
          nearestShare,
          threshold,
          offTopicMargin,
          top1: accuracy.toFixed(3),
          rejection: rejection.toFixed(3),
          score: (accuracy + rejection).toFixed(3),
        });
      }
    }
  }
}
rows.sort((a, b) => Number(b.score) - Number(a.score));
console.table(rows.slice(0, 12));
