import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseElection } from './election.js';

// The spec's example, written as a coordinator would: unquoted dates, flow mappings.
const SPEC_EXAMPLE = `
id: pres-2024
kind: presidential
title: { ru: "Выборы Президента России 2024", en: "Russian presidential election 2024" }
days: [2024-03-15, 2024-03-16, 2024-03-17]
hours: { opens: "08:00", closes: "20:00" }
answers:
  - { id: davankov, ru: "Даванков", en: "Davankov" }
  - { id: invalid, ru: "Недействительный бюллетень", en: "Spoiled ballot" }
  - { id: removed, ru: "Бюллетень унесён или испорчен", en: "Ballot taken away or destroyed" }
  - { id: declined, ru: "Не захотел отвечать", en: "Declined to answer" }
sources: [ { publisher: "Example publisher", title: "Example decree", year: 2024, url: "https://example.org/decree" } ]
`;

function example(): Record<string, unknown> {
  return parseYaml(SPEC_EXAMPLE);
}

function problemsOf(value: unknown) {
  const result = parseElection(value);
  return result.ok ? [] : result.problems.map(({ field, message }) => `${field}: ${message}`);
}

describe('parseElection', () => {
  it("accepts the spec's example as YAML gives it", () => {
    const result = parseElection(example());
    expect(result).toMatchObject({
      ok: true,
      election: {
        id: 'pres-2024',
        kind: 'presidential',
        days: ['2024-03-15', '2024-03-16', '2024-03-17'],
        hours: { opens: '08:00', closes: '20:00' },
      },
    });
    if (result.ok)
      expect(result.election.answers.map((answer) => answer.id).slice(-3)).toEqual([
        'invalid',
        'removed',
        'declined',
      ]);
  });

  it('names a malformed day and an impossible one by their place in the list', () => {
    expect(problemsOf({ ...example(), days: ['2024-03-15', '15.03.2024', '2024-02-30'] })).toEqual([
      'days.1: expected YYYY-MM-DD',
      'days.2: expected YYYY-MM-DD',
    ]);
  });

  it('wants the days in order, each once', () => {
    expect(problemsOf({ ...example(), days: ['2024-03-16', '2024-03-15'] })).toEqual([
      'days: expected the days in order, each once',
    ]);
  });

  it('wants closing after opening, both HH:MM', () => {
    expect(problemsOf({ ...example(), hours: { opens: '20:00', closes: '08:00' } })).toEqual([
      'hours.closes: expected closes after opens',
    ]);
    expect(problemsOf({ ...example(), hours: { opens: '8:00', closes: '24:00' } })).toEqual([
      'hours.opens: expected HH:MM',
      'hours.closes: expected HH:MM',
    ]);
  });

  it('says which field is missing and which kind is unknown', () => {
    const { kind: _kind, ...withoutKind } = example();
    expect(problemsOf(withoutKind)).toEqual(['kind: is required']);
    expect(problemsOf({ ...example(), kind: 'mayor' })).toEqual([
      'kind: expected presidential | duma | referendum',
    ]);
    expect(problemsOf('pres-2024')).toEqual(['(root): expected an election']);
  });

  it('refuses answers with a repeated id or without the three closing answers in order', () => {
    const answers = (ids: string[]) => ids.map((id) => ({ id, ru: id, en: id }));
    expect(
      problemsOf({ ...example(), answers: answers(['putin', 'putin', 'invalid', 'removed', 'declined']) }),
    ).toEqual(['answers.1.id: putin is used twice']);
    expect(
      problemsOf({ ...example(), answers: answers(['putin', 'invalid', 'declined', 'removed']) }),
    ).toEqual(['answers: expected the last three to be invalid, removed, declined']);
    expect(problemsOf({ ...example(), answers: answers(['invalid', 'removed', 'declined']) })).toEqual([
      'answers: expected at least one answer before invalid, removed, declined',
    ]);
  });

  it('wants sources with an https address, and no stray keys in a title', () => {
    const source = { publisher: 'P', title: 'T', year: 2024, url: 'http://example.org' };
    expect(problemsOf({ ...example(), sources: [source] })).toEqual(['sources.0.url: expected an https URL']);
    expect(problemsOf({ ...example(), sources: [] })).toEqual(['sources: expected at least one source']);
    expect(problemsOf({ ...example(), title: { ru: 'Т', en: 'T', de: 'T' } })).toEqual([
      expect.stringMatching(/^title: .*"de"/),
    ]);
  });
});
