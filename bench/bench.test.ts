import { describe, expect, it } from 'vitest';
import { measureMatcherAndCoach } from './measure.js';

// A smoke run so the benchmark harness keeps working; speed itself is measured by `npm run bench`, not asserted.
describe('benchmark harness', () => {
  it('measures the matcher, the coach and the engine', () => {
    const results = measureMatcherAndCoach(200);
    for (const key of [
      'matcher.ops_per_s',
      'matcher.build_ms',
      'coach.ops_per_s',
      'engine.practice_step_us',
      'process.rss_mb',
    ]) {
      expect(results[key]?.value, key).toBeGreaterThan(0);
    }
  });
});
