import { describe, expect, it } from 'vitest';
import { AwaitingQueue, parseQueue } from './queue-input.js';

describe('a queue report typed as two numbers', () => {
  it('reads people and minutes as volunteers type them', () => {
    for (const text of [
      '120 45',
      ' 120  45 ',
      '120, 45',
      '120;45',
      '120/45',
      '120 45 мин',
      '120 45 минут',
      '120 45 min',
    ])
      expect(parseQueue(text), text).toEqual({ people: 120, waitMinutes: 45 });
    expect(parseQueue('0 0')).toEqual({ people: 0, waitMinutes: 0 });
  });

  it('refuses anything else rather than guess', () => {
    for (const text of [
      '120',
      'много',
      '120 45 60',
      '-5 10',
      '1.5 10',
      '120 минут 45',
      '',
      '100001 10',
      '10 1441',
    ])
      expect(parseQueue(text), text).toBeUndefined();
  });
});

describe('who was asked for a queue report', () => {
  it('is asked until answered or until the time runs out', () => {
    let now = 0;
    const awaiting = new AwaitingQueue({ ttlMs: 1000, capacity: 2, now: () => now });
    awaiting.ask('a');
    expect(awaiting.isAsked('a')).toBe(true);
    awaiting.done('a');
    expect(awaiting.isAsked('a')).toBe(false);
    awaiting.ask('b');
    now = 1000;
    expect(awaiting.isAsked('b')).toBe(false);
  });

  it('forgets the oldest past its capacity', () => {
    const awaiting = new AwaitingQueue({ ttlMs: 1000, capacity: 2, now: () => 0 });
    for (const key of ['a', 'b', 'c']) awaiting.ask(key);
    expect(['a', 'b', 'c'].map((key) => awaiting.isAsked(key))).toEqual([false, true, true]);
  });
});
