import { describe, expect, it } from 'vitest';
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
    expect(tips.map((tip) => tip.key)).toEqual(['insult', 'next:balance']);
    expect(tips[0]?.text).toContain('«ты зомби»');
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
});
