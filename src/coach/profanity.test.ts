import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { createCoach } from './coach.js';
import { findSwears } from './profanity.js';

const catalogue = loadCatalogue();
const matcher = createMatcher(catalogue);
// The rules alone: these tests are about the vocabulary, not about what the learned layer hears in the tone.
const rules = createCoach(catalogue, matcher, { tone: null });
const words = (text: string) => findSwears(text).map((swear) => swear.word);

describe('swear words', () => {
  it('leaves innocent words that share letters with мат alone', () => {
    const innocent = `употреблять оскорблять хлеб хлеба сукно сук мудрый мудрость тебя тебе себя себе небо неба колебаться
      рубля корабля сабля бляшка мандарин мандат командир учеба ребенок требовать погребать страхуем застрахуй
      оскорбление потребитель хулиган худой хутор пизанская сучок ебонит`;
    for (const word of innocent.split(/\s+/)) expect(words(word), word).toEqual([]);
    const english =
      'class assignment assessment cocktail bass passion embarrass classic analysis therapist grape Scunthorpe Essex document titanic as soon as';
    expect(words(english)).toEqual([]);
  });

  it('finds Russian roots with prefixes and endings', () => {
    for (const word of [
      'пиздец',
      'спиздили',
      'охуеть',
      'нахуй',
      'похуй',
      'заебал',
      'отъебись',
      'наебали',
      'ебанутые',
      'долбоёб',
      'долбоящер',
      'блять',
      'блядь',
      'выблядок',
      'мудак',
      'мудозвон',
      'сука',
      'сучара',
      'гандон',
      'пидорас',
      'залупа',
    ]) {
      expect(words(word), word).toEqual([word]);
    }
  });

  it('reads masks, digits and Latin look-alikes', () => {
    for (const word of ['п*здец', 'xyй', 'бл@ть', '3аебал', 'б**ть', 'xуйня', 'ёб@ный', 'cука']) {
      expect(words(`ну ${word} же`), word).toEqual([word]);
    }
    for (const word of ['sh*t', 'f*ck', 'a$$', 'b1tch', 'sh1t', 'fkn', 'fuuuck', 'pizdec']) {
      expect(words(`so ${word} here`), word).toEqual([word]);
    }
  });

  it('does not take Markdown for a masked word', () => {
    expect(words('**hugs** *обнимаю* _текст_ **очень** *крепко* __bold__')).toEqual([]);
  });

  it('tells a name from a swear word, and the news from swearing', () => {
    expect(words('I read that Dick Cheney said so')).toEqual([]);
    expect(words('Reports of rape by soldiers, the sex trade and porn sites')).toEqual([]);
  });

  it('marks words for a person as insults', () => {
    expect(findSwears('ты мудак').map((swear) => swear.insult)).toEqual([true]);
    expect(findSwears('you asshole').map((swear) => swear.insult)).toEqual([true]);
    expect(findSwears('пиздец').map((swear) => swear.insult)).toEqual([false]);
    expect(findSwears('so fucking sorry').map((swear) => swear.insult)).toEqual([false]);
  });
});

describe('swearing in context', () => {
  it('calls swearing at the person or their views toxic', () => {
    for (const text of [
      'п*здец ты тупой, мам',
      'заебал ты со своим телевизором',
      'твой путин — пиздец какой-то',
      'иди нахуй со своей пропагандой',
      'ну ты и гандон',
      'xyй тебе, а не выборы',
      'youre so fkn stupid',
      'ur an a$$, dad',
      'your tv is fucking garbage',
      'fuck you',
    ]) {
      const judgement = rules.judge(text);
      expect(judgement.verdict, text).toBe('toxic');
    }
  });

  it('hears an intensifier in a warm reply as a matter of tone, not as an attack', () => {
    for (const [text, lang] of [
      ["I'm so fucking sorry that happened. How are you holding up?", 'en'],
      ['Мам, мне так пиздец как страшно за тебя было. Как ты там?', 'ru'],
      ['бля, мне правда очень жаль, что так вышло', 'ru'],
    ] as const) {
      const judgement = rules.judge(text);
      expect(judgement.verdict, text).toBe('empathic');
      expect(judgement.tipKeys[0], text).toBe('tone:swearing');
      expect(judgement.tips[0], text).toContain(lang === 'ru' ? 'Мат' : 'swearing');
    }
  });

  it('still calls bare swearing with no warmth in it toxic', () => {
    expect(rules.judge('бл@ть, ну сколько можно').verdict).toBe('toxic');
    expect(rules.judge('this is such bullshit').verdict).toBe('toxic');
  });

  it('leaves numbers in an English sentence as numbers', () => {
    expect(rules.judge('In 2014 about 30% of them voted, in 2020 fewer').verdict).not.toBe('toxic');
  });

  it('does not count Markdown as swearing', () => {
    for (const text of ['**hugs** I miss you so much, mom', '*обнимаю* мне тоже страшно, пап']) {
      const judgement = rules.judge(text);
      expect(judgement.verdict, text).toBe('empathic');
      expect(judgement.tipKeys, text).not.toContain('tone:swearing');
    }
  });

  it('knows insults outside мат', () => {
    for (const text of [
      'вы нищеброды',
      'твари вы все',
      'какой же ты подонок',
      'ублюдок ты',
      'youre really stupid if you believe that',
      'you sheep will believe anything',
      "you're such a loser",
      'ur such a m0ron',
      'you are so stup1d',
    ]) {
      expect(
        rules.judge(text).markers.map((marker) => marker.kind),
        text,
      ).toContain('insult');
    }
  });
});
