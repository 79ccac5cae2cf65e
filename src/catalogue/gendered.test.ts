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

  describe('with a neutral third form', () => {
    const english =
      '{He has|She has|They have} real grievances with the West; labelling {his|her|their} worldview feels like mocking {him|her|them}.';

    it('speaks of a mother as "she" and of a father as "he"', () => {
      expect(gendered(english, { relative: 'female' })).toBe(
        'She has real grievances with the West; labelling her worldview feels like mocking her.',
      );
      expect(gendered(english, { relative: 'male' })).toBe(
        'He has real grievances with the West; labelling his worldview feels like mocking him.',
      );
    });

    it('speaks of a relative of unknown gender as "they"', () => {
      expect(gendered(english)).toBe(
        'They have real grievances with the West; labelling their worldview feels like mocking them.',
      );
    });

    it('leaves the Russian pairs as they were, beside it', () => {
      const both = `${line} {He is|She is|They are} sure.`;
      expect(gendered(both)).toBe('Ты прав(а), я сам(а) не видел(а) его/её опыт. They are sure.');
      expect(gendered(both, { relative: 'female', user: 'male' })).toBe(
        'Ты права, я сам не видел её опыт. She is sure.',
      );
    });

    it('is a valid mark with two or three forms, and no other number', () => {
      expect(markProblem(english)).toBeUndefined();
      expect(markProblem('{he|she|they|it} knows')).toMatch(/gender mark/);
      expect(markProblem('[I was|I was|we were] there')).toMatch(/gender mark/);
    });
  });
});
