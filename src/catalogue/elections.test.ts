import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../test-support/cli.js';
import { CLOSING_ANSWERS } from './election.js';
import { DEFAULT_CONTENT_DIR, formatProblem, loadCatalogue, readCatalogue } from './load.js';

describe('the shipped elections', () => {
  const elections = loadCatalogue().elections;
  const byId = new Map(elections.map((election) => [election.id, election]));

  it('hold the presidential election of 2024 with its four candidates in the ballot order', () => {
    const election = byId.get('pres-2024');
    expect(election).toMatchObject({
      kind: 'presidential',
      days: ['2024-03-15', '2024-03-16', '2024-03-17'],
      hours: { opens: '08:00', closes: '20:00' },
    });
    expect(election?.answers.map((answer) => answer.id)).toEqual([
      'davankov',
      'putin',
      'slutsky',
      'kharitonov',
      ...CLOSING_ANSWERS,
    ]);
  });

  it('hold the Duma election of September 2026 with parties and a plain note of what is unverified', () => {
    const election = byId.get('duma-2026');
    expect(election?.kind).toBe('duma');
    expect(election?.days.every((day) => day.startsWith('2026-09-'))).toBe(true);
    expect(election?.answers.length).toBeGreaterThan(CLOSING_ANSWERS.length + 1);
    // parseElection drops keys it does not know, so the note is read from the file itself.
    const file = path.join(DEFAULT_CONTENT_DIR, 'elections', 'duma-2026.yaml');
    expect(parse(readFileSync(file, 'utf8'))).toMatchObject({
      notes: { ru: expect.stringMatching(/не проверено/i), en: expect.stringMatching(/not checked/i) },
    });
  });

  it('name every answer in Russian and English and cite https sources', () => {
    for (const election of elections) {
      for (const answer of election.answers) {
        expect(answer.ru, `${election.id} ${answer.id}`).toMatch(/[а-яё]/i);
        expect(answer.en, `${election.id} ${answer.id}`).toMatch(/^[^а-яё]*$/i);
      }
      expect(election.sources.length, election.id).toBeGreaterThanOrEqual(3);
      for (const source of election.sources) expect(source.url).toMatch(/^https:\/\//);
    }
  });
});

// Broken copies of the real content folder, so the checks run exactly as `content check` runs them.
describe('a broken election file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function copyContent(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-elections-'));
    dirs.push(dir);
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    return dir;
  }

  /** Rewrites one shipped election in a fresh copy and returns the copy's folder. */
  function withElection(id: string, change: (election: Record<string, unknown>) => void): string {
    const dir = copyContent();
    const file = path.join(dir, 'elections', `${id}.yaml`);
    const election = parse(readFileSync(file, 'utf8'));
    change(election);
    writeFileSync(file, stringify(election));
    return dir;
  }

  function problemsIn(dir: string): string[] {
    return readCatalogue(dir).problems.map(formatProblem);
  }

  it('is reported with file and field when its id differs from the file name', () => {
    const dir = withElection('duma-2026', (election) => {
      election.id = 'duma-2021';
    });
    expect(problemsIn(dir)).toEqual([
      expect.stringMatching(/elections\/duma-2026\.yaml: id: 'duma-2021' does not match the file name$/),
    ]);
  });

  it('is reported when a source has no URL', () => {
    const dir = withElection('pres-2024', (election) => {
      const [first] = election.sources as Record<string, unknown>[];
      delete first?.url;
    });
    expect(problemsIn(dir)).toEqual([
      expect.stringMatching(/elections\/pres-2024\.yaml: sources\.0\.url: is required$/),
    ]);
  });

  it('is reported when it cites no source at all', () => {
    const dir = withElection('duma-2026', (election) => {
      election.sources = [];
    });
    expect(problemsIn(dir)).toEqual([
      expect.stringMatching(/elections\/duma-2026\.yaml: sources: expected at least one source$/),
    ]);
  });

  it('is reported when the answers do not end with invalid, removed, declined', () => {
    const dir = withElection('pres-2024', (election) => {
      const answers = election.answers as { id: string }[];
      answers.splice(answers.length - 2, 1);
    });
    expect(problemsIn(dir)).toEqual([
      expect.stringMatching(
        /elections\/pres-2024\.yaml: answers: expected the last three to be invalid, removed, declined$/,
      ),
    ]);
  });

  it('is reported when its days are out of order', () => {
    const dir = withElection('pres-2024', (election) => {
      election.days = ['2024-03-17', '2024-03-15', '2024-03-16'];
    });
    expect(problemsIn(dir)).toEqual([
      expect.stringMatching(/elections\/pres-2024\.yaml: days: expected the days in order, each once$/),
    ]);
  });

  it("is reported when pres-2024 loses or renames one of the count spec's candidates", () => {
    const dir = withElection('pres-2024', (election) => {
      const answers = election.answers as { id: string }[];
      const putin = answers.find((answer) => answer.id === 'putin');
      if (putin) putin.id = 'incumbent';
    });
    expect(problemsIn(dir)).toEqual([
      expect.stringMatching(
        /pres-2024\.yaml: answers\.1\.id: 'incumbent' is not a candidate of the count spec$/,
      ),
      expect.stringMatching(/pres-2024\.yaml: answers: missing the candidate 'putin' of the count spec$/),
    ]);
  });

  it('is required for every election of the count spec unless a subset is checked', () => {
    const dir = copyContent();
    renameSync(path.join(dir, 'elections', 'duma-2026.yaml'), path.join(dir, 'elections', 'duma.txt'));
    const [missing, ...references] = problemsIn(dir);
    expect(missing).toMatch(/elections\/duma-2026\.yaml: \(file\): missing: the count spec requires it$/);
    // The guide's topics that speak of that election say so too; nothing else is wrong.
    expect(references.length).toBeGreaterThan(0);
    for (const problem of references)
      expect(problem).toMatch(/guide\/topics\/.*unknown election id 'duma-2026'$/);
    const subset = readCatalogue(dir, { contract: false }).problems.map(formatProblem);
    for (const problem of subset) expect(problem).toMatch(/unknown election id 'duma-2026'$/);
  });

  it('makes `content check` exit 1 naming the file and the field', async () => {
    const dir = withElection('pres-2024', (election) => {
      election.days = ['2024-03-16', '2024-03-15'];
    });
    const result = await runCli(['content', 'check', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/elections\/pres-2024\.yaml: days: expected the days in order, each once/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
