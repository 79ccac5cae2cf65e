import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';
import { fixturePersona, fixturePosition, writeCatalogue } from '../test-support/fixtures.js';
import { formatProblem, readCatalogue } from './load.js';

function problemsOf(files: Parameters<typeof writeCatalogue>[0]) {
  return readCatalogue(writeCatalogue(files), { contract: false }).problems.map(formatProblem);
}

describe('content check on fixture folders', () => {
  it('accepts a small valid catalogue', () => {
    const dir = writeCatalogue({
      positions: { a: fixturePosition('a', ['b']), b: fixturePosition('b', ['a']) },
      personas: { mum: fixturePersona('mum', ['a', 'b']) },
    });
    const { catalogue, problems } = readCatalogue(dir, { contract: false });
    expect(problems).toEqual([]);
    expect(catalogue?.positions.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('names a missing language', () => {
    const { en: _dropped, ...position } = fixturePosition('a');
    expect(problemsOf({ positions: { a: position } })).toEqual([expect.stringMatching(/a\.yaml: en: /)]);
  });

  it('names a list with fewer items than required', () => {
    const position = fixturePosition('a');
    position.ru.examples = position.ru.examples.slice(0, 5);
    expect(problemsOf({ positions: { a: position } })).toEqual([
      expect.stringMatching(/a\.yaml: ru\.examples: needs at least 6 items/),
    ]);
  });

  it('names a persona holding an unknown position', () => {
    const problems = problemsOf({
      positions: { a: fixturePosition('a') },
      personas: { mum: fixturePersona('mum', ['a', 'ghost']) },
    });
    expect(problems).toContainEqual(
      expect.stringMatching(/mum\.yaml: positions\[1\]: unknown position id 'ghost'/),
    );
  });

  it('names a duplicate id', () => {
    const problems = problemsOf({ positions: { a: fixturePosition('a'), b: fixturePosition('a') } });
    expect(problems).toContainEqual(
      expect.stringMatching(/b\.yaml: id: duplicate id 'a' \(also in .*a\.yaml\)/),
    );
  });

  it('names a related position that does not exist', () => {
    expect(problemsOf({ positions: { a: fixturePosition('a', ['nowhere']) } })).toEqual([
      expect.stringMatching(/a\.yaml: related\[0\]: unknown position id 'nowhere'/),
    ]);
  });

  it('names a source without URL', () => {
    const position = fixturePosition('a');
    const { url: _dropped, ...source } = position.counterarguments[1]!.source;
    (position.counterarguments[1] as { source: unknown }).source = source;
    expect(problemsOf({ positions: { a: position } })).toEqual([
      expect.stringMatching(/a\.yaml: counterarguments\.1\.source\.url: /),
    ]);
  });

  it('names a text longer than a Telegram message', () => {
    const position = fixturePosition('a');
    position.en.needs[1] = 'x'.repeat(4097);
    expect(problemsOf({ positions: { a: position } })).toEqual([
      expect.stringMatching(/a\.yaml: en\.needs\.1: is longer than 4096 characters/),
    ]);
  });

  it('names malformed YAML with its line', () => {
    expect(problemsOf({ positions: { a: 'id: a\ngroup: [vote\nrelated: []\n' } })).toContainEqual(
      expect.stringMatching(/a\.yaml: line \d+, column \d+: malformed YAML/),
    );
  });

  it('names an empty list of off-topic examples', () => {
    const dir = writeCatalogue({ positions: { a: fixturePosition('a') } });
    writeFileSync(path.join(dir, 'matcher-negatives.yaml'), 'ru: []\nen: ["ok"]\n');
    expect(readCatalogue(dir, { contract: false }).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/matcher-negatives\.yaml: ru: needs at least 1 items/),
    ]);
  });

  it('exits 1 from the command line, naming file and field', async () => {
    const position = fixturePosition('a');
    position.ru.answers = position.ru.answers.slice(0, 1);
    const dir = writeCatalogue({ positions: { a: position } });
    const result = await runCli(['content', 'check', '--dir', dir, '--subset']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/positions\/a\.yaml: ru\.answers: needs at least 2 items/);
  });

  it('requires every id of the catalogue spec unless asked to check a subset', async () => {
    const dir = writeCatalogue({ positions: { a: fixturePosition('a') } });
    const result = await runCli(['content', 'check', '--dir', dir, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { problems: { file: string; message: string }[] };
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/vote-rigged\.yaml$/),
        message: expect.any(String),
      }),
    );
  });
});
