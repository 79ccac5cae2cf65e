import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createCoach } from '../coach/coach.js';
import { createMatcher } from '../matcher/matcher.js';
import { createEngine } from './engine.js';
import { evaluateFrontDoor, readFrontDoorCases, routeOf } from './evaluate-front-door.js';

const catalogue = loadCatalogue();
const matcher = createMatcher(catalogue);
const engine = createEngine({ catalogue, matcher, coach: createCoach(catalogue, matcher) });
const NOW = new Date('2026-12-07T12:00:00Z');

describe('the front door', () => {
  it('routes a blind set as it did when first measured (0.933 right part, 0.908 right answer)', () => {
    const cases = readFrontDoorCases(path.join(catalogue.dir, 'eval', 'holdout', 'front-door.jsonl'));
    const report = evaluateFrontDoor(engine, cases, NOW);
    expect(report.cases).toBe(120);
    expect(report.part).toBeGreaterThanOrEqual(0.92);
    expect(report.answer).toBeGreaterThanOrEqual(0.9);
    expect(report.byPart.talk.part / report.byPart.talk.cases).toBeGreaterThanOrEqual(0.96);
    expect(report.byPart.guide.part / report.byPart.guide.cases).toBeGreaterThanOrEqual(0.96);
  });

  it('names the part and the answer for each kind of text', () => {
    expect(
      routeOf(engine, { text: 'нужен ли консульский учёт чтобы голосовать', lang: 'ru' }, NOW),
    ).toMatchObject({ part: 'guide' });
    expect(routeOf(engine, { text: 'my mum says voting is pointless', lang: 'en' }, NOW)).toMatchObject({
      part: 'talk',
      answer: 'vote-pointless',
    });
    expect(routeOf(engine, { text: 'Beograd', lang: 'en' }, NOW)).toEqual({
      part: 'guide',
      answer: 'find-station',
      offered: false,
    });
    expect(routeOf(engine, { text: 'привет', lang: 'ru' }, NOW)).toMatchObject({ part: 'none' });
  });
});
