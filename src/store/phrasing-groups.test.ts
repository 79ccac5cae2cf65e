import { describe, expect, it } from 'vitest';
import { groupPhrasings, normalisePhrasing, type Phrasing } from './phrasing-groups.js';

const ru = (text: string, day = '2026-03-10'): Phrasing => ({ text, lang: 'ru', day });

describe('grouping shared phrasings for editors', () => {
  it('folds case, ё and punctuation, but keeps й', () => {
    expect(normalisePhrasing('  Ёлки-палки, ВСЁ дорожает!!! ')).toBe('елки палки все дорожает');
    expect(normalisePhrasing('Мой район')).toBe('мой район');
  });

  it('puts rewordings of one complaint together and unrelated ones apart, largest group first', () => {
    const groups = groupPhrasings([
      ru('пенсию опять не проиндексировали'),
      ru('Бензин подорожал из-за санкций'),
      ru('цены на бензин растут из-за санкций'),
      ru('бензин подорожал из за санкций!'),
      { text: 'The West wants to destroy us', lang: 'en', day: '2026-03-09' },
      { text: 'the west just wants to destroy russia', lang: 'en', day: '2026-03-11' },
    ]);
    expect(groups.map((g) => g.size)).toEqual([3, 2, 1]);
    expect(groups[0]).toMatchObject({
      example: 'Бензин подорожал из-за санкций',
      variants: [
        { text: 'Бензин подорожал из-за санкций', count: 2 },
        { text: 'цены на бензин растут из-за санкций', count: 1 },
      ],
    });
    expect(groups[1]).toMatchObject({ langs: ['en'], firstDay: '2026-03-09', lastDay: '2026-03-11' });
    expect(groups[2]?.example).toBe('пенсию опять не проиндексировали');
  });

  it('shows the spelling typed most often and skips empty texts', () => {
    const groups = groupPhrasings([ru('все воруют!'), ru('Все воруют'), ru('Все воруют'), ru('?!')]);
    expect(groups).toEqual([
      {
        size: 3,
        example: 'Все воруют',
        variants: [{ text: 'Все воруют', count: 3 }],
        langs: ['ru'],
        firstDay: '2026-03-10',
        lastDay: '2026-03-10',
      },
    ]);
  });
});
