import { describe, expect, it } from 'vitest';
import { relativeIn } from './relative.js';

describe('relativeIn', () => {
  it('names the simulated relative by the first kin word, in any case or spelling', () => {
    expect(relativeIn('Мамуля опять про телевизор')).toBe('mother');
    expect(relativeIn('у бабушки своё мнение')).toBe('grandmother');
    expect(relativeIn('Дядя Витя говорит, что НАТО у границ')).toBe('uncle');
    expect(relativeIn('my bro thinks voting is pointless')).toBe('brother');
    expect(relativeIn('брат сказал, что мама права')).toBe('brother');
    expect(relativeIn('a colleague at work keeps saying')).toBe('colleague');
  });

  it('knows a man or a woman where no persona stands for the relative', () => {
    expect(relativeIn('папа говорит, что всё нарисуют')).toBe('he');
    expect(relativeIn('Тётя Люба уверена, что нас не тронут')).toBe('she');
    expect(relativeIn('my dad keeps saying it')).toBe('he');
  });

  it('guesses nothing when no relative is named', () => {
    expect(relativeIn('всё равно нарисуют')).toBeUndefined();
    expect(relativeIn('она опять про своё')).toBeUndefined();
    expect(relativeIn('')).toBeUndefined();
  });
});
