import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { jsonLines, runCli } from '../test-support/cli.js';
import { createCoach } from './coach.js';
import { evaluateCoach, readCoachCases } from './evaluate.js';
import { readToneExamples } from './learned.js';

const catalogue = loadCatalogue();
const matcher = createMatcher(catalogue);
const coach = createCoach(catalogue, matcher);
// The rules alone: the tests of rule kinds must not pass only because the learned layer heard the tone.
const rules = createCoach(catalogue, matcher, { tone: null });
const kinds = (text: string) => coach.judge(text).markers.map((marker) => marker.kind);
const ruleKinds = (text: string) => rules.judge(text).markers.map((marker) => marker.kind);

describe('coach verdicts', () => {
  it('finds insults through Russian morphology', () => {
    for (const text of [
      'вы там все ватники',
      'ты стала совсем зомбированная',
      'не будь дурой, мам',
      'орки они и есть',
    ]) {
      expect(coach.judge(text).verdict, text).toBe('toxic');
      expect(kinds(text), text).toContain('insult');
    }
  });

  it('names labels, ultimatums, sarcasm, lectures and rhetorical questions', () => {
    expect(kinds('Мам, тебе просто промыли мозги')).toContain('labelling');
    expect(kinds('Не звони мне, пока не признаешь, что это война')).toContain('threat');
    expect(kinds('ну да, конечно, по телевизору же не врут')).toContain('sarcasm');
    expect(kinds("Don't you see what is happening?")).toContain('rhetorical-question');
    expect(
      kinds(
        'По данным ООН погибли тысячи мирных жителей, по данным ОБСЕ обстрелы шли с обеих сторон, в 2014 году всё началось',
      ),
    ).toContain('lecture');
    expect(kinds('shut up and read this https://example.org/a https://example.org/b')).toContain('link-dump');
  });

  it('calls a warm reply empathic and names its moves', () => {
    const judgement = coach.judge(
      'Мам, похоже, тебе очень страшно за Серёжу. Что тебя больше всего тревожит?',
    );
    expect(judgement.verdict).toBe('empathic');
    expect(judgement.markers.map((marker) => marker.kind)).toEqual(
      expect.arrayContaining(['complex-reflection', 'open-question']),
    );
    expect(judgement.empathy).toBeGreaterThan(0.5);
    expect(judgement.toxicity).toBe(0);
  });

  it('knows the street-epistemology questions', () => {
    expect(kinds('How sure are you about that, on a scale from 0 to 10?')).toContain('confidence-scale');
    expect(kinds('А что могло бы изменить твоё мнение?')).toContain('change-mind');
  });

  it('calls a bare fact neutral, however true: arguments alone change nothing', () => {
    const judgement = coach.judge('Выборы в 2024 году наблюдатели ОБСЕ не наблюдали.');
    expect(judgement.verdict).toBe('neutral');
    expect(judgement.empathy).toBe(0);
  });

  it('lets one toxic move outweigh warmth', () => {
    expect(coach.judge('I love you, mum, but you are an idiot').verdict).toBe('toxic');
  });
});

describe('tips and rewrite', () => {
  it('gives tips in the language of the reply', () => {
    expect(coach.judge('тебе промыли мозги').tips[0]).toMatch(/[а-я]/);
    expect(coach.judge("you've been brainwashed").tips[0]).toMatch(/^[^а-я]*$/i);
    expect(coach.judge('you have been brainwashed', { lang: 'ru' }).tips[0]).toMatch(/[а-я]/);
  });

  it('drops the toxic part, keeps the disagreement in a respectful line, and adds a reflection and a question', () => {
    const judgement = coach.judge('Ты дура. Выборы давно подделывают, это видно по видео с участков.');
    expect(judgement.rewrite).not.toMatch(/дур/);
    expect(judgement.rewrite).toContain('Я вижу это немного иначе');
    expect(judgement.rewrite).toMatch(/\?$/);
    expect(coach.judge(judgement.rewrite).verdict).toBe('empathic');
  });

  it('never pastes the user\'s words after "to me", nor brings back a line it found hurtful', () => {
    for (const reply of [
      'не знаю что ответить',
      'хорошо, не давлю',
      'To me, these are facts and you simply do not know them.',
    ]) {
      const { rewrite } = coach.judge(reply, { context: 'По телевизору всё объяснили' });
      expect(rewrite, reply).not.toMatch(/Мне кажется|To me/);
      expect(rewrite, reply).not.toContain(reply.slice(0, 12));
    }
  });

  it("keeps the user's own warm moves word for word, and has nothing to add to a reply that reflects and asks", () => {
    const warmReply = 'Я слышу, как тебе тревожно. Что тебя пугает больше всего?';
    expect(coach.judge(warmReply).rewrite).toBe('');
    const half = coach.judge('Я слышу, как тебе тревожно. Но это неправда.');
    expect(half.rewrite).toContain('Я слышу, как тебе тревожно.');
    expect(half.rewrite).toMatch(/\?$/);
  });

  it('keeps a reflection only the tone heard, and says "I see it differently" only where the user disagreed', () => {
    const reply =
      'You served for thirty years, and it hurts when it seems nobody values that. What was the hardest part?';
    const judgement = coach.judge(reply);
    expect(judgement.verdict).toBe('empathic');
    expect(judgement.rewrite).toContain(
      'You served for thirty years, and it hurts when it seems nobody values that.',
    );
    expect(judgement.rewrite).not.toContain('I see it a bit differently');
    // "What was the hardest part?" is already open in form: no tip to add a question or to open it up.
    expect(judgement.tipKeys).not.toContain('next:open');
    expect(judgement.tipKeys).not.toContain('next:question');
  });

  it('puts the user\'s warm line before "I see it a bit differently", and their question after it', () => {
    const { rewrite } = coach.judge('The news lies to you. That must be hard for you.');
    expect(rewrite.indexOf('That must be hard for you.')).toBeGreaterThanOrEqual(0);
    expect(rewrite.indexOf('That must be hard for you.')).toBeLessThan(
      rewrite.indexOf('I see it a bit differently'),
    );
    const asked = coach.judge('Это всё неправда. Почему ты так думаешь?').rewrite;
    expect(asked).toMatch(/Я вижу это немного иначе.+ Почему ты так думаешь\?$/);
  });

  it('hears a life or a meaning said back as a reflection, with no feeling word in it', () => {
    for (const text of [
      "You've spent your whole life trusting the news, and now I'm questioning it.",
      'so for you an order is an order and you dont argue with it',
      'Ты сорок лет проработал на заводе, и для тебя это часть жизни.',
      'то есть ты веришь тем, кого знаешь лично, а не сайтам',
    ]) {
      const judgement = coach.judge(text);
      expect(judgement.verdict, text).toBe('empathic');
      expect(judgement.tipKeys, text).not.toContain('next:reflection');
      expect(judgement.rewrite, text).not.toMatch(/I see it a bit differently|Я вижу это немного иначе/);
    }
    // Said only to scorn it, a life is no reflection.
    for (const text of [
      'you lived through the nineties and learned absolutely nothing',
      'ты сорок лет отпахал на заводе и так и не научился думать своей головой',
    ])
      expect(coach.judge(text).verdict, text).toBe('toxic');
  });

  it('hears hurt the relative hears from others, said back to them, as warm rather than as an insult', () => {
    for (const text of [
      'and then people tell you you are brainwashed, that must sting',
      'it must feel like nobody cares what you think',
      'и тебе ещё говорят, что ты ничего не понимаешь — обидно, наверное',
      'тебя называют ватником, а ты просто за свою страну переживаешь',
    ])
      expect(coach.judge(text).verdict, text).toBe('empathic');
    expect(coach.judge('I call you an idiot because you are one').verdict).toBe('toxic');
    expect(coach.judge('я тебя назвал дураком, потому что ты дурак').verdict).toBe('toxic');
  });

  it('hears "I can tell this really worries you" as a reflection: no tip to reflect right after one', () => {
    const judgement = coach.judge(
      "I can tell this really worries you, Uncle. What makes you most sure it's the West running things?",
    );
    expect(judgement.markers.map((marker) => marker.kind)).toContain('complex-reflection');
    expect(judgement.tipKeys).not.toContain('next:reflection');
    expect(judgement.rewrite).toBe('');
    const tired = coach.judge(
      'I know how tired you are after those shifts. What would make voting feel worth it to you?',
    );
    expect(tired.tipKeys).not.toContain('next:reflection');
    expect(tired.rewrite).toBe('');
  });

  it('builds the rewrite only from answers that call no particular relative by name', () => {
    for (let seed = 0; seed < 12; seed++) {
      const { rewrite } = coach.judge(`Это неправда ${'!'.repeat(seed)}`, {
        context: 'Мы должны поддерживать наших ребят, там наш Серёжа',
        position: 'support-troops',
      });
      expect(rewrite).not.toMatch(/Серёж|мам|пап/i);
    }
  });

  it('refers to what the relative said when given the context', () => {
    const context = 'НАТО подошло к самым нашим границам, у нас не было выбора';
    const judgement = coach.judge('Это пропагандистский бред', { context });
    const answers = catalogue.position('nato-threat')!.ru.answers;
    expect(answers.some((answer) => judgement.rewrite.includes(answer.relate))).toBe(true);
    expect(answers.some((answer) => judgement.rewrite.includes(answer.ask))).toBe(true);
  });

  it('returns a well-formed judgement for empty, binary, huge and right-to-left input', () => {
    const inputs = ['', '\u0000\u0001\uFFFF', 'ы'.repeat(1_000_000), '\u202Eשלום עולם\u202C', '🙂🙂🙂'];
    for (const input of inputs) {
      const judgement = coach.judge(input);
      expect(['toxic', 'neutral', 'empathic']).toContain(judgement.verdict);
      expect(judgement.rewrite.length).toBeLessThan(5000);
    }
  });
});

describe('kinds of move the rules learnt from the third and fourth sets', () => {
  it('finds insults in more forms and leaves alone the ones people call themselves', () => {
    for (const text of [
      'дядь вась, ну ты ватничек классический',
      'поколение терпил',
      'диванный вояка, вот ты кто',
    ]) {
      expect(ruleKinds(text), text).toContain('insult');
    }
    expect(ruleKinds('я в 2014 сам как дурак радовался, потом многое понял')).not.toContain('insult');
    expect(ruleKinds('honestly i was an idiot back then, i cheered too')).not.toContain('insult');
    expect(ruleKinds('я сама в 2014 была как зомби, радовалась крыму')).not.toContain('insult');
    expect(ruleKinds('I was cheering for Crimea like a total zombie myself')).not.toContain('insult');
    // Taking one word back does not hide the next.
    expect(ruleKinds('я как дурак радовался, а ты дура')).toContain('insult');
  });

  it('does not count an insult the reply denies', () => {
    for (const text of [
      'нет мам, ты не дура и я никогда так не думал',
      "No, Mum, you're not an idiot and I've never thought that",
    ]) {
      expect(ruleKinds(text), text).not.toContain('insult');
    }
    expect(ruleKinds('не будь дурой, мам')).toContain('insult');
    expect(ruleKinds("don't be an idiot")).toContain('insult');
  });

  it('takes one link behind a stated fact for a source, and a link with hardly a word for a dump', () => {
    const cited =
      'The UN human rights office documented the killings there. Report is here: https://www.ohchr.org/en/countries/ukraine';
    expect(coach.judge(cited).verdict).toBe('neutral');
    expect(kinds('на, почитай https://example.org/truth')).toContain('link-dump');
  });

  it.each([
    {
      what: 'mock praise and mock agreement',
      kind: 'sarcasm',
      texts: [
        'ah the classic cope. very deep, very philosophical',
        'ну раз по телевизору показывали, то конечно',
        'там же никогда не врут. святые люди',
        'Логика уровня первого канала',
        'there is nobody else because he jails them all, genius',
        'верю-верю',
        'lol, still waiting',
      ],
    },
    {
      what: 'condescension and contempt said politely',
      kind: 'contempt',
      texts: [
        'Дедуль, тебе простительно не разбираться в экономике',
        "Sweetie, I know it's confusing, that's why I'm explaining it slowly",
        "I've just accepted you're not really capable of understanding this",
        'конечно некогда, а потом удивляетесь',
      ],
    },
    {
      what: 'soft ultimatums',
      kind: 'threat',
      texts: [
        'Хорошо, не будем. Только на Новый год меня не жди',
        'можешь больше не звонить тогда',
        "then your daughter won't be bringing the grandkids this summer",
        'Fine. Then I will just stop calling on Sundays',
        'either this stops at the table, or we stay home',
      ],
    },
    {
      what: 'blame of a generation and of a nation',
      kind: 'group-blame',
      texts: [
        'хуже уже некуда, спасибо вашему поколению',
        'это у вас поколение такое',
        'says the generation that drank away the nineties',
        'Typical Russian men, honestly',
      ],
    },
  ])('hears $what', ({ kind, texts }) => {
    for (const text of texts) expect(ruleKinds(text), text).toContain(kind);
  });

  it('counts starred-out swearing as swearing, and not emphasis', () => {
    expect(ruleKinds('б**ть, да никому вы не нужны')).toContain('profanity');
    expect(ruleKinds('sacred duty my a**')).toContain('profanity');
    expect(ruleKinds('this is *really* important to me')).not.toContain('profanity');
  });

  it('reads Russian typed in Latin letters with the Russian rules', () => {
    expect(ruleKinds('nu da, a ty prosto bydlo')).toContain('insult');
    expect(rules.judge('hm, ya takogo ne slyshal. a chto tebya v etom ubedilo?').verdict).toBe('empathic');
    expect(rules.judge('nu da, a ty prosto bydlo').tips[0]).toMatch(/[а-я]/);
  });

  it('hears warmth phrased loosely', () => {
    for (const text of [
      'ребят правда очень жалко',
      'а для тебя что это значит?',
      'а у вас в городе как, по магазинам что-то заметно?',
      'hm, so for you it feels like Russia was cornered. is that about right?',
      "yeah, that's something we agree on",
      'i want him to love where his family comes from, same as you do',
      'я за то чтобы наши парни вернулись домой живыми',
      'some people here can be rude, you are not wrong',
    ]) {
      expect(rules.judge(text).verdict, text).toBe('empathic');
    }
  });

  it('does not count a put-off talk, a small-talk question or a question for a figure as warmth', () => {
    for (const text of [
      'давай вечером созвонимся, я в метро',
      'can we talk later, i am at work',
      'как там кот, поправился?',
      'а в каком году это было?',
      'how many people were there?',
      'ты уверена, что это он сказал?',
    ]) {
      expect(rules.judge(text).verdict, text).toBe('neutral');
    }
  });

  it('counts a pile of facts by claims, not by numbers: one claim with a date range is not a lecture', () => {
    expect(
      ruleKinds('по данным оон с 2014 по 2021 погибло около 3400 мирных жителей, больше всего в 2014-2015'),
    ).not.toContain('lecture');
    expect(
      ruleKinds(
        'Respectfully: here is the UN report, the ICC warrant, the Meduza investigation, and the Levada polls.',
      ),
    ).toContain('lecture');
  });
});

describe('the learned layer', () => {
  it('names the line of a training file that is not JSON or not a labelled reply', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'coach-training-')), 'coach-training.jsonl');
    const good = JSON.stringify({ text: 'ok', lang: 'en', verdict: 'neutral' });
    writeFileSync(file, `${good}\n{"text": "cut off\n`);
    expect(() => readToneExamples(file)).toThrow(/coach-training\.jsonl:2:/);
    writeFileSync(
      file,
      `${good}\n${good}\n${JSON.stringify({ text: 'hm', lang: 'de', verdict: 'neutral' })}\n`,
    );
    expect(() => readToneExamples(file)).toThrow(/coach-training\.jsonl:3:/);
  });

  it('hears the tone of a reply the rules have no words for, and names it with a known move', () => {
    for (const [text, verdict] of [
      ["you've turned into a walking advert for state tv", 'toxic'],
      ['ну ты и фантазёр, папа', 'toxic'],
      ['мам, мне так приятно, когда ты рассказываешь про деревню', 'empathic'],
    ] as const) {
      expect(rules.judge(text).verdict, text).toBe('neutral');
      const judgement = coach.judge(text);
      expect(judgement.verdict, text).toBe(verdict);
      expect(judgement.markers).toHaveLength(1);
      expect(judgement.markers[0]?.text).toBe(text);
    }
  });

  it('leaves calm facts and small talk neutral', () => {
    for (const text of [
      'the bridge was finished in 2019',
      'у нас в субботу обещают дождь',
      'did you get the money i sent?',
    ]) {
      expect(coach.judge(text).verdict, text).toBe('neutral');
    }
  });

  it('drops the sentence it finds toxic from the rewrite', () => {
    const judgement = coach.judge("Prices went up again. You've turned into a walking advert for state tv.");
    expect(judgement.verdict).toBe('toxic');
    expect(judgement.rewrite).not.toMatch(/advert/);
    expect(judgement.rewrite).toContain('I see it a bit differently');
  });

  it('learns from replies written for it, none copied from the evaluation sets', () => {
    const normal = (text: string) =>
      text
        .toLowerCase()
        .replace(/ё/g, 'е')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const lines = (file: string) =>
      readFileSync(path.join(catalogue.dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line) => normal(JSON.parse(line).text));
    const training = new Set(lines('coach-training.jsonl'));
    expect(training.size).toBeGreaterThan(1000);
    for (const file of [
      'eval/coach.jsonl',
      'eval/holdout/coach.jsonl',
      'eval/holdout/coach-2.jsonl',
      'eval/holdout/coach-3.jsonl',
      'eval/holdout/coach-4.jsonl',
      'eval/holdout/coach-5.jsonl',
      'eval/holdout/coach-6.jsonl',
    ]) {
      // Short replies ("ок", "понятно") are said the same way by anyone; longer ones must be our own words.
      const shared = lines(file).filter((line) => line.split(' ').length > 4 && training.has(line));
      expect(shared, file).toEqual([]);
    }
  });
});

describe('accuracy on the evaluation sets (floors; the figures are printed by `sobesednik eval coach`)', () => {
  // Each set's floor sits a little below what the coach reaches on it. The blind figures were measured once,
  // before anything was learnt from the set: coach-2 (0.730: implied insults and soft ultimatums passed as
  // neutral), coach-3 (0.748: mock praise, condescension), coach-4 (0.788, on 0c3e8a9), coach-5 (0.883, on
  // 6cf009b, after the rules and the learned layer were built without it; a denied insult, a story of one's own
  // past and one link behind a stated fact were fixed from it since) and coach-6 (0.911, on b01d08c).
  it.each([
    { file: 'eval/coach.jsonl', about: 'the development set', cases: 210, floor: 0.98 },
    { file: 'eval/holdout/coach.jsonl', about: 'written apart', cases: 150, floor: 0.97 },
    { file: 'eval/holdout/coach-2.jsonl', about: 'blind once: 0.730', cases: 180, floor: 0.96 },
    { file: 'eval/holdout/coach-3.jsonl', about: 'blind once: 0.748', cases: 150, floor: 0.97 },
    { file: 'eval/holdout/coach-4.jsonl', about: 'blind once: 0.788', cases: 240, floor: 0.96 },
    { file: 'eval/holdout/coach-5.jsonl', about: 'blind once: 0.883', cases: 240, floor: 0.88 },
    { file: 'eval/holdout/coach-6.jsonl', about: 'blind once: 0.911', cases: 180, floor: 0.9 },
  ])('meets the macro-F1 floor on $file ($about)', ({ file, cases, floor }) => {
    const report = evaluateCoach(coach, readCoachCases(path.join(catalogue.dir, file)));
    expect(report.cases).toBe(cases);
    expect(report.macroF1).toBeGreaterThanOrEqual(floor);
  });
});

describe('sobesednik coach', () => {
  it('prints the JSON the design promises', async () => {
    const result = await runCli(['coach', 'Мам, мне тоже страшно. Как ты сама?', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      verdict: 'empathic',
      toxicity: 0,
      empathy: expect.any(Number),
      markers: expect.arrayContaining([{ kind: 'emotional-reaction', text: expect.any(String) }]),
      tips: expect.any(Array),
      tipKeys: expect.any(Array),
      rewrite: expect.any(String),
    });
  });

  it('judges JSON lines in order, with the context of each', async () => {
    const input = [
      JSON.stringify({ text: 'ты зомби', context: 'по телевизору сказали' }),
      '{broken',
      JSON.stringify({ text: 'What matters most to you here?' }),
    ].join('\n');
    const result = await runCli(['coach', '--jsonl'], { input });
    const lines = jsonLines(result.stdout);
    expect(lines.map((line) => line.verdict ?? line.error)).toEqual([
      'toxic',
      'line 2: not valid JSON',
      'empathic',
    ]);
  });

  it('refuses an empty reply and a bad language clearly', async () => {
    const empty = await runCli(['coach', '  ', '--json']);
    expect(empty.code).toBe(1);
    expect(JSON.parse(empty.stdout).error).toMatch(/empty/);
    const lang = await runCli(['coach', 'hi', '--lang', 'fr', '--json']);
    expect(lang.code).toBe(1);
    expect(JSON.parse(lang.stdout).error).toMatch(/--lang/);
  });
});

describe('warm replies that swear, rage at a third party or reject a label', () => {
  it('are not toxic, and a blow after a warm opening still is', () => {
    for (const text of [
      'Oh no, those bastards. They prey on kind people, it is disgusting. It is NOT your fault, Dad.',
      'Блин, мам, как же это хреново. Я переведу тебе в пятницу, и не спорь.',
      'Missing home does not make you a hypocrite.',
      'хватит извиняться, у меня правда есть время',
      'хреновый у меня интернет сегодня, перезвоню',
      'слушай, никакая ты не зомби, это все новости так действуют',
    ])
      expect(coach.judge(text, { context: 'Мне так тяжело сейчас.' }).verdict, text).not.toBe('toxic');
    for (const text of [
      "Aw, sorry, Mum. Well, that's what you voted for.",
      'you poor old vatnik, love you anyway',
      'Ой, ну попроси у своего любимого президента.',
      'пост говно, автор тоже',
    ])
      expect(coach.judge(text, { context: 'Мне так тяжело сейчас.' }).verdict, text).toBe('toxic');
  });
});
