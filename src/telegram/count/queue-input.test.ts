import { describe, expect, it } from 'vitest';
import { parseQueue } from './queue-input.js';

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
