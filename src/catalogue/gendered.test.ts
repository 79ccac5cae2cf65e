import { describe, expect, it } from 'vitest';
import { gendered, markProblem } from './gendered.js';

describe('gendered', () => {
  const line = 'Ты {прав|права}, [я сам|я сама] не [видел|видела] {его|её} опыт.';

  it('speaks of the relative and of the user each in their own gender', () => {
    expect(gendered(line, { relative: 'female', user: 'male' })).toBe('Ты права, я сам не видел её опыт.');
    expect(gendered(line, { relative: 'male', user: 'female' })).toBe('Ты прав, я сама не видела его опыт.');
  });

  it('writes both forms the way people do when the gender is not known', () => {
    expect(gendered(line)).toBe('Ты прав(а), я сам(а) не видел(а) его/её опыт.');
  });

  it('leaves a line without marks as it is', () => {
    expect(gendered('Мне важно тебя понять.', { relative: 'female' })).toBe('Мне важно тебя понять.');
  });

  it('finds a mark that is not a pair of forms', () => {
    expect(markProblem('Ты {прав} или нет')).toMatch(/gender mark/);
    expect(markProblem('Ты [прав|права')).toMatch(/gender mark/);
    expect(markProblem(line)).toBeUndefined();
  });
});
