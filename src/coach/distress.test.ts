import { describe, expect, it } from 'vitest';
import { isDistress, isNoAnswer } from './distress.js';

describe('the user hurting, and "I do not know what to say"', () => {
  it('notices the user hurting, in both languages', () => {
    for (const text of [
      'у меня трясутся руки и я не сплю до трёх ночи',
      'Я больше не могу, после каждого звонка маме плачу',
      'опять панические атаки после разговора с отцом',
      'руки опускаются, сил нет с ним спорить',
      "I can't sleep after every call with my dad",
      "I'm shaking, she hung up on me again",
      "Honestly I'm exhausted, I can't do this anymore",
      'had a panic attack after Sunday dinner',
    ])
      expect(isDistress(text), text).toBe(true);
  });

  it("leaves a relative's words and ordinary replies alone", () => {
    for (const text of [
      'мама опять смотрит первый канал и потом пересказывает',
      'Голосовать бесполезно, всё решено за нас',
      'Я слышу, что тебе тревожно. Что тебя беспокоит больше всего?',
      'My dad keeps saying NATO came up to our borders',
      'Sleep on it and tell me tomorrow what you think',
    ])
      expect(isDistress(text), text).toBe(false);
  });

  it('tells "I do not know what to answer" from a reply', () => {
    for (const text of [
      'не знаю что ответить',
      'Не знаю, что ей сказать',
      'что ответить?',
      "I don't know what to say",
      'what do I say',
    ])
      expect(isNoAnswer(text), text).toBe(true);
    for (const text of ['Я не знаю, мама, но мне важно тебя понять', 'I hear you. What worries you most?'])
      expect(isNoAnswer(text), text).toBe(false);
  });
});
