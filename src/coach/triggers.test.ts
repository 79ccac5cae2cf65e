import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../catalogue/load.js';
import { clean } from '../matcher/normalize.js';
import { splitSentences } from './detect.js';
import { toneReading } from './learned.js';
import { firstOf, type Pattern, type Rules } from './patterns.js';
import { EN_RULES } from './rules-en.js';
import { RU_RULES } from './rules-ru.js';
import { patternClauses, TriggerIndex } from './triggers.js';

const GAP = String.raw`[\s,;:—–-]+`;
const words = (source: string) =>
  patternClauses(`(?:${source.replaceAll(' ', GAP)})`).map((clause) =>
    clause.map((trigger) => (trigger.wordStart ? trigger.text : `~${trigger.text}`)),
  );

describe('triggers derived from a pattern', () => {
  it('takes the words a match must start with, endings and all', () => {
    expect(words(String.raw`ватник\p{L}*`)).toEqual([['ватник']]);
    expect(words('дур(?:а|ы|ой)')).toEqual([['дура', 'дурой', 'дуры']]);
    expect(words('орк(?:и|ов)?')).toEqual([['орк']]);
  });

  it('takes rare words from further on, and leaves out what a rarer clause already implies', () => {
    expect(words(String.raw`(?:ты|вы) (?:\p{L}+ )?(?:наивн\p{L}*|сумасшедш\p{L}*)`)).toEqual([
      ['наивн', 'сумасшедш'],
      ['вы', 'ты'],
    ]);
  });

  it('looks for a string anywhere when a match need not start a word with it', () => {
    expect(words('😂')).toEqual([['😂']]);
    expect(words(String.raw`ура-?патриот\p{L}*`)).toEqual([['~патриот'], ['ура-', 'урапатриот']]);
  });

  it('has none for a pattern that could match any word, or one it cannot read', () => {
    expect(words(String.raw`\p{L}+`)).toEqual([]);
    expect(words(String.raw`a\u0062`)).toEqual([]);
  });
});

// The replies the coach is measured and trained on, as the rules read them.
const readings = [
  'eval/coach.jsonl',
  ...['', '-2', '-3', '-4', '-5', '-6'].map((suffix) => `eval/holdout/coach${suffix}.jsonl`),
  'coach-training.jsonl',
].flatMap((file) =>
  readFileSync(path.join(DEFAULT_CONTENT_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .flatMap((line) => splitSentences(clean((JSON.parse(line) as { text: string }).text)))
    .map(toneReading),
);

describe.each([
  ['Russian', RU_RULES],
  ['English', EN_RULES],
])('the %s rules', (_, rules: Rules) => {
  const kinds = Object.entries(rules) as [string, Pattern[]][];
  const all = kinds.flatMap(([, lines]) => lines);
  const index = new TriggerIndex(all.map((line) => line.clauses));

  it('build every line', () => {
    for (const line of all) expect(line.regex, line.expression).toBeInstanceOf(RegExp);
  });

  it('find what the lines of a kind joined in one expression found, trying only the triggered lines', () => {
    // How the rules were matched before they had triggers: each kind's lines as alternatives, after a word edge.
    const joined = kinds.map(([kind, lines]) => {
      const alternatives = lines.map((line) => line.expression).join('|');
      return {
        kind,
        lines,
        regex: new RegExp(`(?<![0-9a-zа-яёіїєґ])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'u'),
      };
    });
    let matches = 0;
    for (const reading of readings) {
      const triggered = new Set(index.triggered(reading).map((id) => all[id]));
      for (const { kind, lines, regex } of joined) {
        const expected = regex.exec(reading);
        const found = firstOf(
          lines.filter((line) => triggered.has(line)),
          reading,
        );
        expect(found && [found.index, found[0]], `${kind}: ${reading}`).toEqual(
          expected && [expected.index, expected[0]],
        );
        if (expected) matches++;
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });
});
