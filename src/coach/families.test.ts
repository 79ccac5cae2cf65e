import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { createCoach } from './coach.js';

// Families of insults rather than single words (compounds, "nobody asked", "go back to", disease and vermin), and
// what English speakers swear at when they hurt nobody: the bus, the printer, a word quoted or reported. The rules
// alone are tested (no learned layer).

const catalogue = loadCatalogue();
const matcher = createMatcher(catalogue);
const rules = createCoach(catalogue, matcher, { tone: null });

function expectAll(texts: string[], verdict: 'toxic' | 'neutral' | 'empathic') {
  const verdicts = texts.map((text) => [text, rules.judge(text).verdict]);
  expect(verdicts).toEqual(texts.map((text) => [text, verdict]));
}

describe('compound names', () => {
  it('calls -tard, -head, -face, -brain, -bag and -ball names toxic', () => {
    expectAll(
      [
        'typical commietard logic',
        'ok, fucktard',
        'listen, meathead',
        'what a dunderhead',
        'you dogface',
        'shut it, birdbrain',
        'your uncle is a sleazebag',
        'get lost, scumball',
        'total bellend',
      ],
      'toxic',
    );
  });

  it('leaves words that only end the same way alone', () => {
    expectAll(
      [
        'mustard and custard on the table',
        'the leotard is for her ballet class',
        'fire retardant paint on the stairs',
        'my forehead is burning',
        'a headhunter called me',
        'she is a brainiac at chess',
      ],
      'neutral',
    );
  });
});

describe('contempt without a listed name', () => {
  it('hears "nobody asked", "go back to where you came from", and a mind measured as nothing', () => {
    expectAll(
      [
        'nobody asked for your take, buddy',
        'go back to where you came from',
        'crawl back to your bunker where you belong',
        'you are too ignorant to follow a simple argument',
        'the depths of stupidity in this thread',
        'not a single brain cell in that head',
      ],
      'toxic',
    );
  });

  it('hears orders to leave or be silent, with or without a swear word', () => {
    expectAll(['piss off, troll', 'sod off', 'stfu', 'gtfo', 'who gives a shit what you think'], 'toxic');
    expectAll(
      ['закрой пасть', 'варежку захлопни', 'вали в свою Москву', 'тебя вообще никто не спрашивал'],
      'toxic',
    );
  });

  it('hears jeers that call someone hopeless or beneath notice', () => {
    expectAll(
      [
        'cry about it',
        'you are beyond help',
        'were you dropped on your head as a kid',
        'you have the brain of a goldfish',
        'thick as a plank',
        'okay, midwit',
        'burn in hell',
      ],
      'toxic',
    );
    expectAll(['she was dropped off at the station', 'it was a skill issue with my old printer'], 'neutral');
  });

  it('hears people called a disease or vermin', () => {
    expectAll(
      [
        'they are a plague upon this country',
        'you people are a virus',
        'they multiply like cockroaches',
        'you are mentally deranged',
        'таких гнать поганой метлой',
      ],
      'toxic',
    );
  });

  it('keeps the plain senses of the same phrases', () => {
    expectAll(
      [
        'nobody asked me what I wanted',
        'we went back to where we started',
        'a cancer survivor spoke at the meeting',
        'breeding rabbits is his hobby',
        'we need to get out of here before the rain',
        'нас никто не спрашивал, когда закрывали консульство',
        'закрой окно, пожалуйста',
      ],
      'neutral',
    );
  });
});

describe('swearing that hurts nobody', () => {
  it('calls an English exclamation at a bus or a printer neutral, with a word about tone', () => {
    for (const text of [
      'shit, the consulate closed early',
      'the fucking website crashed again',
      'damn, I lost the ballot form',
    ]) {
      const judgement = rules.judge(text);
      expect(judgement.verdict, text).toBe('neutral');
      expect(judgement.tipKeys, text).toContain('tone:swearing');
    }
  });

  it('still calls swearing that dismisses or names someone toxic, and keeps мат a rude register', () => {
    expectAll(
      [
        'that argument is bullshit',
        'what a pile of crap',
        'eat shit',
        'crap for brains',
        'бля, опять ты за своё',
      ],
      'toxic',
    );
  });

  it('does not count a word that is quoted, reported or warned against', () => {
    expectAll(
      [
        'the word "moron" is not going to help you',
        'my sister called me a traitor yesterday',
        'dad said I was stupid for leaving',
        "please don't call your mum an idiot",
        'отец назвал меня предателем',
        'не называй бабушку дурой',
        'the vet found parasites in the dog',
        'a zombie film marathon tonight',
      ],
      'neutral',
    );
    expectAll(['I call you an idiot because you are one'], 'toxic');
  });

  it('reads a capitalised name as a name', () => {
    expectAll(['Dick Turpin was a highwayman'], 'neutral');
  });
});

describe('Russian contempt without мат', () => {
  it("hears the forums' jeers, lackeys and lowlifes, people as vermin, and sending someone off", () => {
    expectAll(
      [
        'у тебя пукан подгорел',
        'ну всё, слился',
        'кукарекай дальше',
        'холуи кремлёвские',
        'отморозок, иначе не скажешь',
        'ты жалкий',
        'расплодились как крысы',
        'их всех на помойку',
        'тебе вообще слова не давали',
        'твоё место в дурке',
        'сгинь',
        'кто тебя вообще сюда пустил',
      ],
      'toxic',
    );
  });

  it('keeps the same words in their plain senses', () => {
    expectAll(
      [
        'у меня порвался пакет',
        'у тебя горит свет на кухне',
        'мусор отвезли на свалку',
        'пёс лаял всю ночь',
        'это жалкое зрелище, а не ремонт',
        'тебя никто не ждёт, не спеши',
      ],
      'neutral',
    );
  });
});

describe('scorn for things, and laughing at oneself', () => {
  it('calls "ridiculous", "disgusting", "rubbish" said of a thing neutral', () => {
    expectAll(
      [
        'the rents in Prague are ridiculous',
        'the coffee on the train was disgusting',
        "it's absurd how many forms the consulate wants",
        'rubbish collection moved to Thursday',
        'my spelling is embarrassing these days lol',
        'you people are wonderful',
        'this was a wake up call for me',
      ],
      'neutral',
    );
  });

  it('still calls them scorn when said of the other person or their words', () => {
    expectAll(
      [
        "that's ridiculous",
        'ridiculous.',
        'your comment is garbage',
        "it's absurd that you still watch him",
        'lol',
        'lmao the kremlin told you that',
        'typical npc behaviour lol',
      ],
      'toxic',
    );
  });
});

describe('reassurance that denies a name', () => {
  it('hears "you are not stupid" and "ты не дура" as warm', () => {
    expectAll(
      [
        "you're not stupid for trusting her",
        'you are not a bad son for leaving',
        "you're doing your best, and it shows",
        "you're smashing it",
        'ты не глупая, это правда запутанно',
        'как же больно, когда тебя не слышат',
      ],
      'empathic',
    );
  });
});

describe('names and jeers of the fourth round', () => {
  it('hears a mind or a face likened to a thing, names that insult wherever they stand, and a name after an order', () => {
    expectAll(
      [
        'you have the attention span of a toddler',
        'honestly, pea brain stuff',
        'typical trailer trash opinion',
        'calm down you drongo',
        'traitor to your own country, that is what you are',
        'sweetie, leave politics to people who read',
        'did your mummy write that for you?',
        'who raised you, honestly',
        "say it to my face and we'll see",
        'ты у меня ещё попляшешь',
        'эти ваши блогеры просто клоуны',
        'рожа как у бульдога',
        'милочка, ты в этом не разбираешься',
      ],
      'toxic',
    );
  });

  it('keeps a word asked about, quoted from someone else, or said of oneself', () => {
    expect(rules.judge('what does "sheeple" mean, is it rude?').verdict).not.toBe('toxic');
    expectAll(
      [
        'что такое «скуф», это обидно?',
        'my son says the man on the bus shouted "move it, you clown" at him',
        'my two brain cells gave up at noon',
      ],
      'neutral',
    );
  });
});

describe('reflections of a life or a meaning', () => {
  it('hears them as warm, and a reflection used to scorn as toxic', () => {
    expectAll(
      [
        'you taught for thirty years, so for you this is personal',
        'ты всю жизнь проработала в школе, и для тебя это не просто слова',
      ],
      'empathic',
    );
    expectAll(
      [
        'you lived through all of it and learned nothing',
        'ты пережила девяностые и так и не научилась думать',
      ],
      'toxic',
    );
  });
});
