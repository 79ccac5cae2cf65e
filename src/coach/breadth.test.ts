import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { createCoach } from './coach.js';

// Breadth by kind: families of insults with their endings and diminutives, masked spellings, political slurs,
// contemptuous irony without a swear word, the literal senses of the same words, and warm replies to strangers
// that swear to say how bad something is. The rules alone are tested (no learned layer).

const catalogue = loadCatalogue();
const matcher = createMatcher(catalogue);
const rules = createCoach(catalogue, matcher, { tone: null });
const verdicts = (texts: string[]) => texts.map((text) => [text, rules.judge(text).verdict]);
const all = (texts: string[], verdict: string) => texts.map((text) => [text, verdict]);

function expectAll(texts: string[], verdict: 'toxic' | 'neutral' | 'empathic') {
  expect(verdicts(texts)).toEqual(all(texts, verdict));
}

describe('a family of names, with its endings', () => {
  it('finds a root in its cases, augmentatives and diminutives', () => {
    expectAll(
      [
        'паскудина, отдай ключи',
        'тварюка подлая',
        'ну и свинота же ты',
        'дебилушка мой, ну прочитай правила',
        'либерашки опять обиделись',
        'даунята в чате',
        'идиотище, куда ты лезешь',
      ],
      'toxic',
    );
  });

  it('finds a beast said to someone in any case and word order', () => {
    expectAll(
      [
        'баранов таких ещё поискать, вы оба',
        'козлина ты упрямый',
        'ну и бараны же вы',
        'корова ты неуклюжая',
      ],
      'toxic',
    );
  });
});

describe('masked spellings', () => {
  it('reads Latin look-alikes and digits inside a Russian word', () => {
    expectAll(
      ['ты дeбил', 'ну ты и ур0д', 'пошёл ты, пиzдабол', 'cyka, опять ты', 'ты пр0ст0 мр@зь'],
      'toxic',
    );
  });

  it('keeps a number with its unit as it is', () => {
    expectAll(['до станции 10км, автобус ходит редко'], 'neutral');
  });

  it('reads Russian insults typed in Latin letters', () => {
    expectAll(['zatknis uzhe, debil', 'nu ty i kozel'], 'toxic');
  });
});

describe('political and ethnic slurs', () => {
  it('finds the demeaning names in their group forms', () => {
    expectAll(
      [
        'колорады набежали',
        'кацапня опять за своё',
        'пендосы всех учат жить',
        'ватаны в комментах',
        'рашисты и их орчата',
      ],
      'toxic',
    );
  });
});

describe('contempt without a swear word', () => {
  it('hears irony in a title and a measured mind', () => {
    expectAll(
      [
        'ещё один знаток объявился',
        'великий политолог, ничего не скажешь',
        'светоч разума, не иначе',
        'у него мозгов как у хомячка',
        'sure thing, einstein',
        'what a clown lol',
        'oh honey, no',
        'you absolute spoon',
        'seethe harder',
        'ты реально тупорогий',
        'лупоглазая, ты куда смотришь',
        'эй, гопота, потише',
        'вот ведь хабалка',
        'go cry to your mommy',
        'stay in your lane, sweetie',
      ],
      'toxic',
    );
  });

  it('finds labels and jeers people throw at each other online', () => {
    expectAll(
      [
        'you sound like an npc',
        'such a simp, honestly',
        'ok boomer',
        'you bootlicking clown',
        'touch grass, dude',
        'garbage person, plain and simple',
        'you pea-brained troll',
      ],
      'toxic',
    );
  });
});

describe('literal senses stay clean', () => {
  it('keeps animals, plants, clothes and weather', () => {
    expectAll(
      [
        'баран пасётся за домом',
        'козёл боднул соседа на ферме',
        'разбили свинью-копилку, там было триста рублей',
        'укропом посыпь картошку',
        'колорадского жука собирали руками',
        'бабушка зимой ходила в ватнике',
        'snowflakes on the window look amazing',
        'the trash pickup is late again',
        'we bought clown show tickets for saturday',
        'the boomer generation grew up without the internet',
        'a rat ran across the street',
      ],
      'neutral',
    );
  });
});

describe('friendly forms of address stay clean', () => {
  it('does not take a pet name or a pal for a jeer', () => {
    expectAll(
      [
        'see you tomorrow, pal',
        'good night, sweetie',
        'сама виновата, что опоздала, признаю',
        'чувствую себя овощем после смены',
        'i felt like an idiot at the party',
        'wow, what a view from up here',
        'голубоглазая девочка в синем платье',
      ],
      'neutral',
    );
  });
});

describe('warm replies to strangers', () => {
  it('hears validation and presence, swearing and all', () => {
    expectAll(
      [
        "that's so fucking unfair, i'm sorry",
        "i've been there, and it does get easier",
        'my heart goes out to you and your mum',
        'nothing you did caused this',
        'you were so brave to leave',
        'это не твоя вина, правда',
        'я тобой горжусь',
        'можешь поплакать, это нормально',
        'sitting with you in this, no advice',
      ],
      'empathic',
    );
  });
});
