import { describe, expect, it } from 'vitest';
import type { GuideTopic } from '../catalogue/guide.js';
import { renderTopic, topicView } from './topics.js';

const source = (title: string) => ({
  publisher: 'TASS',
  title,
  year: 2024,
  url: `https://example.org/${title}`,
});
const topic: GuideTopic = {
  id: 'ballot',
  elections: ['pres-2024', 'duma-2026'],
  ru: { title: 'Бюллетень', short: 'Коротко.', details: 'Подробно.', questions: [] },
  en: { title: 'The ballot', short: 'In short.', details: 'In detail.', questions: [] },
  byElection: { 'duma-2026': { ru: 'Только партийный список.', en: 'Only the party list.' } },
  facts: [
    { claim: { ru: 'Общее.', en: 'For all.' }, source: source('all'), checked: '2026-12-07' },
    {
      claim: { ru: 'Про 2024.', en: 'About 2024.' },
      elections: ['pres-2024'],
      source: source('2024'),
      checked: '2026-12-07',
    },
    {
      claim: { ru: 'Про 2026.', en: 'About 2026.' },
      elections: ['duma-2026'],
      source: source('2026'),
      checked: '2026-12-06',
      note: { ru: 'Источники расходятся.', en: 'Sources disagree.' },
    },
  ],
};

describe('a guide topic as a person reads it', () => {
  it('keeps the facts about the election asked about, and says what differs for it', () => {
    const view = topicView(topic, 'en', 'duma-2026');
    expect(view.facts.map((fact) => fact.claim)).toEqual(['For all.', 'About 2026.']);
    expect(view.election).toEqual({ id: 'duma-2026', note: 'Only the party list.' });
    expect(topicView(topic, 'en', 'pres-2024').election).toBeNull();
    expect(topicView(topic, 'ru').facts).toHaveLength(3);
  });

  it('prints every fact with its source, the day it was checked and any disagreement', () => {
    const text = renderTopic(topicView(topic, 'ru', 'duma-2026'), 'ru');
    expect(text).toContain('На этих выборах (duma-2026): Только партийный список.');
    expect(text).toContain('(Источники расходятся.)');
    expect(text).toContain('— TASS, «2026», 2024: https://example.org/2026 (проверено 6 декабря 2026)');
    expect(renderTopic(topicView(topic, 'en'), 'en')).toContain('(checked 7 December 2026)');
  });
});
