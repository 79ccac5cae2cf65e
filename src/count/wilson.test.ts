import { describe, expect, it } from 'vitest';
import { exitPollFigures, wilson } from './wilson.js';

// Wilson: centre = (p + z²/2n) / (1 + z²/n), half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n), z² = 3.8416
describe('the Wilson score interval', () => {
  it('gives 0.1078 to 0.6032 for 3 of 10', () => {
    // z²/n = 0.38416; centre = 0.49208 / 1.38416 = 0.35551; half = 1.96·√(0.021 + 0.009604) / 1.38416 = 0.24772
    const interval = wilson(3, 10)!;
    expect(interval.low).toBeCloseTo(0.1078, 4);
    expect(interval.high).toBeCloseTo(0.6032, 4);
  });

  it('stays inside [0, 1] at 0 and n, and has nothing to say about 0 of 0', () => {
    // p = 0: low = 0, high = (z²/n) / (1 + z²/n) = 0.38416 / 1.38416 = 0.27754
    expect(wilson(0, 10)!.low).toBe(0);
    expect(wilson(0, 10)!.high).toBeCloseTo(0.27754, 5);
    expect(wilson(10, 10)!.high).toBe(1);
    expect(wilson(10, 10)!.low).toBeCloseTo(0.72246, 5);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('exit-poll figures', () => {
  const answers = ['davankov', 'putin', 'invalid', 'removed', 'declined'];

  it('bounds each answer, counting the declined towards every answer but their own', () => {
    const poll = exitPollFigures(answers, { davankov: 3, putin: 5, declined: 2 });
    expect(poll.respondents).toBe(10);
    expect(poll.declined).toBe(2);
    const davankov = poll.answers.davankov!;
    expect(davankov.count).toBe(3);
    expect(davankov.share).toBe(0.3);
    expect(davankov.low).toBeCloseTo(0.1078, 4); // 3 of 10
    // high: (3 + 2) of 10, p = 0.5: centre 0.5, half = 1.96·√(0.025 + 0.009604) / 1.38416 = 0.26341
    expect(davankov.high).toBeCloseTo(0.76341, 5);
    // declined itself: 2 of 10, p = 0.2: centre = 0.39208 / 1.38416 = 0.28326, half = 1.96·√(0.016 + 0.009604) /
    // 1.38416 = 0.22658
    expect(poll.answers.declined!.low).toBeCloseTo(0.05668, 5);
    expect(poll.answers.declined!.high).toBeCloseTo(0.50984, 5);
    // nobody said removed: low 0, high the 2 declined of 10
    expect(poll.answers.removed).toEqual({ count: 0, share: 0, low: 0, high: poll.answers.declined!.high });
    expect(Object.keys(poll.answers)).toEqual(answers);
  });

  it('gives null figures, never 0, when nobody answered', () => {
    const poll = exitPollFigures(answers, {});
    expect(poll.respondents).toBe(0);
    expect(poll.answers.putin).toEqual({ count: 0, share: null, low: null, high: null });
  });

  it('bounds one respondent', () => {
    // 1 of 1: z²/n = 3.8416; centre = 2.9208 / 4.8416 = 0.60327; half = 1.96·0.98 / 4.8416 = 0.39673
    const putin = exitPollFigures(answers, { putin: 1 }).answers.putin!;
    expect(putin.share).toBe(1);
    expect(putin.low).toBeCloseTo(0.20654, 4);
    expect(putin.high).toBe(1);
  });

  it('refuses an answer the election does not have', () => {
    expect(() => exitPollFigures(answers, { navalny: 1 })).toThrow(RangeError);
  });
});
