import { describe, expect, it } from 'vitest';
import { gendered, markProblem } from '../catalogue/gendered.js';
import { LANGS } from '../catalogue/schema.js';
import { TIP_KEYS, tipSummary, tipsFor } from './tips.js';

describe('tips', () => {
  it('name each tip by a key: the move a fix is about, or the move to try next', () => {
    const tips = tipsFor(
      [
        { kind: 'insult', text: 'ты зомби' },
        { kind: 'open-question', text: 'Что тебя пугает' },
      ],
      'ru',
    );
    expect(tips.map((tip) => tip.key)).toEqual(['insult', 'next:reflection']);
    expect(tips[0]?.text).toContain('«ты зомби»');
  });

  it('never contradict the turn: one question is no interrogation, and a question asked is one to open up', () => {
    const question = { kind: 'open-question' as const, text: 'Что тебя пугает' };
    expect(tipsFor([question], 'ru').map((tip) => tip.key)).toEqual(['next:reflection']);
    expect(tipsFor([question, { ...question, text: 'А почему' }], 'ru').map((tip) => tip.key)).toEqual([
      'next:balance',
    ]);
    const asked = tipsFor([], 'en', { asked: true }).map((tip) => tip.key);
    expect(asked).toContain('next:open');
    expect(asked).not.toContain('next:question');
    // A question that starts as an open one, though not counted, is neither to add nor to open up.
    expect(tipsFor([], 'en', { asked: true, openWord: true }).map((tip) => tip.key)).toEqual([
      'next:reflection',
    ]);
  });

  it('word every tip for the summary without a place for the words of a reply', () => {
    for (const lang of LANGS) {
      const summaries = TIP_KEYS.map((key) => tipSummary(key, lang));
      for (const summary of summaries) expect(summary).not.toMatch(/\{text\}|^$/);
      expect(new Set(summaries).size, lang).toBe(TIP_KEYS.length);
    }
    expect(tipSummary('insult', 'ru')).toMatch(/^Уберите оскорбления:/);
    expect(tipSummary('next:question', 'en')).toMatch(/^Add an open question/);
  });

  it('speak of the relative as "she", "he" or, when nobody says, "they"', () => {
    const labelling = tipSummary('labelling', 'en');
    expect(gendered(labelling, { relative: 'female' })).toMatch(/Ask where her view comes from\.$/);
    expect(gendered(labelling, { relative: 'male' })).toMatch(/Ask where his view comes from\.$/);
    expect(gendered(labelling)).toMatch(/Ask where their view comes from\.$/);
    const [lecture] = tipsFor([{ kind: 'lecture', text: 'read the facts' }], 'en');
    expect(gendered(lecture?.text ?? '', { relative: 'female' })).toContain('Ask what she thinks first');
    expect(gendered(lecture?.text ?? '')).toContain('Ask what they think first');
    for (const lang of LANGS)
      for (const key of TIP_KEYS)
        expect(markProblem(tipSummary(key, lang)), `${lang} ${key}`).toBeUndefined();
  });
});
