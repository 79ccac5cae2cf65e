import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import {
  answerWithPlace,
  answerWizard,
  type WizardAnswers,
  type WizardContext,
  wizardBack,
  wizardScreen,
} from './wizard.js';

const catalogue = loadCatalogue();
const election = catalogue.elections.find((candidate) => candidate.id === 'pres-2024');
if (!election) throw new Error('pres-2024 is shipped');
const context: WizardContext = {
  election,
  stations: catalogue.stations.get('pres-2024') ?? [],
  cities: catalogue.cities,
};

function answerAll(values: string[], lang: 'ru' | 'en' = 'en'): WizardAnswers {
  let answers: WizardAnswers = {};
  for (const value of values) {
    const next = answerWizard(answers, value, context, lang);
    expect(next, `'${value}' is offered`).not.toBe(answers);
    answers = next;
  }
  return answers;
}

describe('the wizard "Can I vote, and what do I need?"', () => {
  it('leads someone in Belgrade with a valid passport to a checklist naming station 8267 and its day', () => {
    const screen = wizardScreen(answerAll(['yes', 'RS', 'foreign', 'yes', 'no']), context, 'ru');
    if (screen.kind !== 'checklist') throw new Error('expected the checklist');
    expect(screen.verdict).toBe('ready');
    expect(screen.stations.map((s) => s.station)).toEqual(['8267']);
    const station = screen.items.find((item) => item.kind === 'station');
    expect(station?.text).toContain('№ 8267 — Белград');
    expect(station?.text).toContain('17 марта 2024');
    expect(screen.items.find((item) => item.kind === 'documents')?.status).toBe('ok');
  });

  it('asks for the city only where a country has several, and numbers the questions so they never grow', () => {
    const first = wizardScreen({}, context, 'en');
    expect(first).toMatchObject({ kind: 'question', question: 'citizen', number: 1, total: 6 });
    const city = wizardScreen(answerAll(['yes', 'TR']), context, 'en');
    expect(city).toMatchObject({ question: 'city', number: 3, total: 6 });
    if (city.kind !== 'question') throw new Error('expected a question');
    expect(city.options.map((o) => o.value)).toEqual(
      expect.arrayContaining(['Istanbul', 'Antalya', 'other']),
    );
    const passport = wizardScreen(answerAll(['yes', 'RS']), context, 'en');
    expect(passport).toMatchObject({ question: 'passport', number: 3, total: 5 });
  });

  it('stops at once for a non-citizen, and says an expired passport keeps one from voting', () => {
    const noncitizen = wizardScreen(answerAll(['no']), context, 'en');
    expect(noncitizen).toMatchObject({ kind: 'checklist', verdict: 'cannot' });
    const expired = wizardScreen(answerAll(['yes', 'RS', 'foreign', 'expired', 'no']), context, 'en');
    if (expired.kind !== 'checklist') throw new Error('expected the checklist');
    expect(expired.verdict).toBe('cannot');
    expect(expired.items.find((item) => item.kind === 'documents')).toMatchObject({
      status: 'stop',
      topic: 'documents',
    });
  });

  it('sends someone applied elsewhere to the topic on applying ahead', () => {
    const screen = wizardScreen(answerAll(['yes', 'DE', 'Berlin', 'foreign', 'yes', 'yes']), context, 'en');
    if (screen.kind !== 'checklist') throw new Error('expected the checklist');
    expect(screen.verdict).toBe('ready');
    expect(screen.items.find((item) => item.kind === 'register')).toMatchObject({
      status: 'todo',
      topic: 'register-ahead',
    });
  });

  it('takes a typed city, in any language and with a typo, as the answer to the country and the city', () => {
    const citizen = answerAll(['yes']);
    expect(answerWithPlace(citizen, 'Beograd', context)).toEqual({ citizen: 'yes', country: 'RS' });
    expect(answerWithPlace(citizen, 'анталя', context)).toEqual({
      citizen: 'yes',
      country: 'TR',
      city: 'Antalya',
    });
    expect(answerWithPlace(citizen, 'Atlantis', context)).toBeNull();
    // At "which city?" in Turkey, a German city is not an answer.
    expect(answerWithPlace(answerAll(['yes', 'TR']), 'Berlin', context)).toBeNull();
  });

  it('ignores a value the current question does not offer, and goes back one answer at a time', () => {
    const answers = answerAll(['yes', 'RS']);
    expect(answerWizard(answers, 'XX', context)).toBe(answers);
    expect(answerWizard(answers, '<script>', context)).toBe(answers);
    expect(wizardBack(answers)).toEqual({ citizen: 'yes' });
    expect(wizardBack({})).toEqual({});
  });
});
