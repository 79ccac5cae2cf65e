import { describe, expect, it } from 'vitest';
import type { PracticeState } from '../state.js';
import { progressText, summaryText } from './summary.js';

// The summary and the progress view say what the user did in words people use, about the relative by name.

function practice(counts: Partial<PracticeState['counts']>): PracticeState {
  return {
    persona: 'mother',
    position: 'tv-says',
    openness: 72,
    turn: 4,
    used: [],
    lastLine: 'line:tv-says:open:0',
    opennessTrail: [30, 45, 60, 72],
    counts: { empathic: 3, neutral: 1, toxic: 0, questions: 0, reflections: 0, ...counts },
    tips: [],
    serial: 1,
    maxTurns: 12,
    history: [],
  };
}

describe('summaryText', () => {
  it('names the relative in her grammatical gender and counts the moves in words', () => {
    const text = summaryText(practice({ reflections: 2, questions: 1 }), 'opened', 'ru', {
      name: 'Мама',
      gender: 'female',
    });
    expect(text).toMatch(/^Мама раскрылась — получился настоящий разговор\./);
    expect(text).toContain('Вы дважды пересказали её чувства и один раз спросили — хорошо');
    expect(text).not.toMatch(/Собеседник|Отражений/);
  });

  it('needs no gender when none is known, and says plainly what never happened', () => {
    const text = summaryText(practice({}), 'closed', 'ru', { name: 'Кто-то', gender: undefined });
    expect(text).toMatch(/^Разговор не сложился\./);
    expect(text).toContain('Вы ни разу не пересказали чувства собеседника и ни о чём не спросили');
    const five = summaryText(practice({ reflections: 5, questions: 22 }), 'limit', 'ru', {
      name: 'Брат',
      gender: 'male',
    });
    expect(five).toContain('Вы 5 раз пересказали его чувства и 22 раза спросили');
  });

  it('counts replies and openness in plain words, not in ratios or arrows', () => {
    const en = summaryText(practice({ empathic: 3, neutral: 1 }), 'opened', 'en', {
      name: 'Mum',
      gender: 'female',
    });
    expect(en).toContain('Replies: 3 warm, 1 neutral, none hurtful');
    expect(en).toContain('from 30 to 72 out of 100');
    expect(en).not.toMatch(/→|%|·/);
    const ru = summaryText(practice({ empathic: 3, neutral: 1 }), 'opened', 'ru', {
      name: 'Мама',
      gender: 'female',
    });
    expect(ru).toContain('Ответы: тёплых — 3, нейтральных — 1, ранящих — ни одного');
    expect(ru).toContain('с 30 до 72 из 100');
  });

  it('names "add an open question" once, not also "open up your question"', () => {
    const both = {
      ...practice({}),
      tips: [
        ['next:question', 2],
        ['next:open', 1],
      ] as PracticeState['tips'],
    };
    const text = summaryText(both, 'limit', 'en', { name: 'Mum', gender: 'female' });
    expect(text).toContain('Add an open question');
    expect(text).not.toContain('can be opened up');
  });
});

describe('progressText', () => {
  it('dates each practice as people write a date', () => {
    const summary = {
      finishedAt: '2026-12-07T18:30:00.000Z',
      persona: 'mother',
      position: 'tv-says',
      outcome: 'opened' as const,
      turns: 4,
      empathic: 3,
      neutral: 1,
      toxic: 0,
      questions: 1,
      reflections: 2,
      openness: [30, 72],
    };
    expect(progressText([summary], 'ru', () => 'Мама')).toContain('7 декабря · Мама');
    expect(progressText([summary], 'en', () => 'Mum')).toContain('7 December · Mum');
  });

  it('says how many replies were warm, not a percentage', () => {
    const summary = {
      finishedAt: '2026-12-07T18:30:00.000Z',
      persona: 'mother',
      position: 'tv-says',
      outcome: 'opened' as const,
      turns: 3,
      empathic: 2,
      neutral: 1,
      toxic: 0,
      questions: 1,
      reflections: 2,
      openness: [30, 72],
    };
    const en = progressText([summary], 'en', () => 'Mum');
    expect(en).toContain('Mum · 3 turns, 2 warm');
    expect(en).not.toContain('%');
    expect(progressText([{ ...summary, empathic: 0 }], 'ru', () => 'Мама')).toContain(
      'Мама · 3 хода, тёплых ни одного',
    );
  });
});
