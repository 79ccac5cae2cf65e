import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { jsonLines, runCli } from '../test-support/cli.js';
import { createCoach } from './coach.js';
import { evaluateCoach, readCoachCases } from './evaluate.js';

const catalogue = loadCatalogue();
const coach = createCoach(catalogue, createMatcher(catalogue));
const kinds = (text: string) => coach.judge(text).markers.map((marker) => marker.kind);

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

  it('drops the toxic part, keeps the point, and adds a reflection and an open question', () => {
    const judgement = coach.judge('Ты дура. Выборы давно подделывают, это видно по видео с участков.');
    expect(judgement.rewrite).not.toMatch(/дур/);
    expect(judgement.rewrite).toContain('выборы давно подделывают');
    expect(judgement.rewrite).toMatch(/\?$/);
    expect(coach.judge(judgement.rewrite).verdict).toBe('empathic');
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

describe('accuracy on the evaluation sets (floors; the figures are printed by `sobesednik eval coach`)', () => {
  it('meets the floor on content/eval/coach.jsonl', () => {
    const report = evaluateCoach(coach, readCoachCases(path.join(catalogue.dir, 'eval/coach.jsonl')));
    expect(report.cases).toBeGreaterThanOrEqual(150);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.95);
  });

  it('meets the floor on the held-out set', () => {
    const report = evaluateCoach(coach, readCoachCases(path.join(catalogue.dir, 'eval/holdout/coach.jsonl')));
    expect(report.macroF1).toBeGreaterThanOrEqual(0.85);
  });

  it('meets the floor on the second set, a development set after its blind run', () => {
    // Blind it scored 0.730 (implied insults and soft ultimatums passed as neutral); the rules then learnt those
    // kinds of move from it, so eval/holdout/coach-3.jsonl is the one that measures unseen replies.
    const report = evaluateCoach(
      coach,
      readCoachCases(path.join(catalogue.dir, 'eval/holdout/coach-2.jsonl')),
    );
    expect(report.cases).toBe(180);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.95);
  });

  it('meets the floor on the third set, written blind and measured once (0.748)', () => {
    const report = evaluateCoach(
      coach,
      readCoachCases(path.join(catalogue.dir, 'eval/holdout/coach-3.jsonl')),
    );
    expect(report.cases).toBe(150);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.72);
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
