import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { extractFeatures } from './features.js';
import { trainingExamples } from './matcher.js';
import { clean } from './normalize.js';
import { FeatureSpace } from './vector-index.js';

// Training texts are read by one code path (straight into the index) and queries by another (extractFeatures):
// if the two ever disagree on a feature, every score drifts and no single test of a phrase would say why.

describe('the feature space', () => {
  it('reads a training text as a query into the very vector it stored', () => {
    const texts = trainingExamples(loadCatalogue()).map((example) => clean(example.text));
    const space = new FeatureSpace(0.5);
    const { index } = space.fit(texts);
    const scores = new Float64Array(index.size);
    for (let row = 0; row < texts.length; row += 7) {
      const features = extractFeatures(texts[row] ?? '');
      index.dot(space.vectorize(features), scores);
      // Each view is half of the similarity; a text of stop words alone has no character n-grams.
      const views = (features.words.ids.length > 0 ? 0.5 : 0) + (features.chars.ids.length > 0 ? 0.5 : 0);
      expect(scores[row], texts[row]).toBeCloseTo(views, 4);
    }
  });
});
