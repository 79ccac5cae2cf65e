import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { createCoach } from './coach.js';

// A warm reply may carry hard words on the listener's side (swearing at what happened, a laugh, a name for a third
// person or a thing, a name denied or reported): a word about tone, never a "this hurts" verdict. A name for the
// listener stays toxic however warmly it is wrapped.

const catalogue = loadCatalogue();
const coach = createCoach(catalogue, createMatcher(catalogue));

function verdicts(texts: string[]) {
  return texts.map((text) => [text, coach.judge(text).verdict]);
}

describe('hard words in a warm reply', () => {
  it('are not toxic when they stand with the listener', () => {
    const texts = [
      "no one gets to call you a coward for leaving. you're not alone in this",
      "your brother is being a dick and I say that with all the love for you. you don't owe him a debate",
      "you're not weak for having panic attacks. your brain is trying to protect you in the dumbest possible way",
      'ну и дебильный же спор, и не твоя вина, что всё взорвалось',
      'сука, как же несправедливо. ты столько сделала для этой семьи',
      '*massive hugs*, you are not alone',
    ];
    expect(verdicts(texts).filter(([, verdict]) => verdict === 'toxic')).toEqual([]);
  });

  it('stay toxic when they name the listener, however warmly wrapped', () => {
    const texts = [
      'love you, but you are being an absolute idiot right now ❤️',
      'я тебя люблю, но сейчас ты говоришь как полная дура',
      'гадина подколодная, а я тебе верила',
      'понимаю тебя. давай баллотируйся, клоун',
      'I love you aunt nina and I know you mean well. but dad is a brainwashed sheep',
      'понимаю тебя, но иди нахер со своими советами',
    ];
    expect(verdicts(texts)).toEqual(texts.map((text) => [text, 'toxic']));
  });

  it('gives a word about tone for swearing in a warm reply', () => {
    const judgement = coach.judge('сука, как же несправедливо. ты столько сделала для этой семьи', {
      lang: 'ru',
    });
    expect(judgement.verdict).not.toBe('toxic');
    expect(judgement.tipKeys.length).toBeGreaterThan(0);
  });
});
