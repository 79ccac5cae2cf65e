import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';
import { CONTRACT_PERSONAS, CONTRACT_POSITIONS, GROUPS } from './contract.js';
import { gendered } from './gendered.js';
import { loadCatalogue } from './load.js';
import { LANGS, STATES } from './schema.js';

const catalogue = loadCatalogue();

describe('the real catalogue', () => {
  it('holds every position of the spec in its group', () => {
    for (const group of GROUPS) {
      for (const id of CONTRACT_POSITIONS[group]) expect(catalogue.position(id)?.group, id).toBe(group);
    }
    expect(catalogue.positions.length).toBeGreaterThanOrEqual(40);
  });

  it('holds every persona of the spec with the positions it must hold', () => {
    for (const [id, held] of Object.entries(CONTRACT_PERSONAS)) {
      expect(catalogue.persona(id)?.positions, id).toEqual(expect.arrayContaining([...held]));
    }
  });

  it('speaks of the relative in English as "he", "she" or, when nobody said, "they" — never "he/she"', () => {
    for (const position of catalogue.positions) {
      const { answers, pitfalls } = position.en;
      const lines = [
        ...answers.flatMap(({ relate, unite, ask }) => [relate, unite, ask]),
        ...pitfalls.flatMap(({ avoid, why }) => [avoid, why]),
      ];
      for (const line of lines) {
        for (const mark of line.match(/\{[^{}]*\}/g) ?? [])
          expect(mark.split('|'), `${position.id}: ${mark}`).toHaveLength(3);
        expect(gendered(line), position.id).not.toMatch(/[{}[\]]/);
      }
    }
  });

  it('is complete in Russian and English, with distinct Russian and English texts', () => {
    for (const position of catalogue.positions) {
      for (const lang of LANGS) {
        const text = position[lang];
        expect(text.examples.length, `${position.id} ${lang}`).toBeGreaterThanOrEqual(6);
        expect(new Set(text.examples).size, `${position.id} ${lang} distinct`).toBe(text.examples.length);
      }
      expect(position.ru.title).toMatch(/[а-яё]/i);
      expect(position.en.title).toMatch(/^[^а-яё]*$/i);
      expect(position.counterarguments.length).toBeGreaterThanOrEqual(3);
    }
    for (const persona of catalogue.personas) {
      for (const lang of LANGS) {
        for (const id of persona.positions) {
          for (const state of STATES) {
            expect(
              persona[lang].lines[id]?.[state].length,
              `${persona.id} ${lang} ${id}`,
            ).toBeGreaterThanOrEqual(3);
          }
        }
      }
    }
  });

  it('passes content check', async () => {
    const result = await runCli(['content', 'check']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/content ok: \d+ positions, 6 personas/);
    expect(result.code).toBe(0);
  });
});

describe('catalogue commands', () => {
  it('prints a position as JSON in the asked language', async () => {
    const result = await runCli(['position', 'vote-rigged', '--lang', 'en', '--json']);
    expect(result.code).toBe(0);
    const view = JSON.parse(result.stdout);
    expect(view).toMatchObject({
      id: 'vote-rigged',
      group: 'vote',
      title: catalogue.position('vote-rigged')?.en.title,
    });
    expect(view.counterarguments[0].source.url).toMatch(/^https?:\/\//);
    expect(view.answers[0]).toEqual({
      relate: expect.any(String),
      unite: expect.any(String),
      ask: expect.any(String),
    });
  });

  it('lists all positions', async () => {
    const result = await runCli(['positions', '--json']);
    const views = JSON.parse(result.stdout) as { id: string }[];
    expect(views.map((view) => view.id)).toEqual(catalogue.positions.map((p) => p.id));
  });

  it('lists personas as text', async () => {
    const result = await runCli(['personas', '--lang', 'ru']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(catalogue.persona('mother')?.ru.name);
  });

  it('refuses an unknown id clearly, with JSON when asked', async () => {
    const text = await runCli(['position', 'flat-earth']);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe("sobesednik: unknown position 'flat-earth' (see: sobesednik positions)\n");
    const json = await runCli(['position', 'flat-earth', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: "unknown position 'flat-earth' (see: sobesednik positions)",
    });
  });

  it('refuses a bad language without a stack trace', async () => {
    const result = await runCli(['positions', '--lang', 'de', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatch(/--lang must be one of ru, en/);
    expect(result.stderr).toBe('');
  });
});
