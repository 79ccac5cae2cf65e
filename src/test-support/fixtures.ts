import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

const many = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);

function positionText(lang: string) {
  return {
    title: `${lang} title`,
    examples: many(`${lang} example`, 6),
    needs: many(`${lang} need`, 2),
    answers: [1, 2].map((i) => ({ relate: `relate ${i}`, unite: `unite ${i}`, ask: `ask ${i}?` })),
    pitfalls: [1, 2].map((i) => ({ avoid: `avoid ${i}`, why: `why ${i}` })),
  };
}

/** A smallest valid position, to be broken one field at a time by the tests. */
export function fixturePosition(id: string, related: string[] = []) {
  return {
    id,
    group: 'vote',
    related,
    counterarguments: [1, 2, 3].map((i) => ({
      claim: { ru: `факт ${i}`, en: `fact ${i}` },
      source: { publisher: 'OSCE/ODIHR', title: `Report ${i}`, year: 2021, url: `https://example.org/${i}` },
    })),
    ru: positionText('ru'),
    en: positionText('en'),
  };
}

function personaText(lang: string, positions: string[]) {
  const states = { defensive: many('d', 3), guarded: many('g', 3), open: many('o', 3) };
  return {
    name: `${lang} name`,
    background: 'background',
    manner: 'manner',
    lines: Object.fromEntries(positions.map((id) => [id, states])),
    reactions: { hurt: many('hurt', 3), dismiss: many('dismiss', 3) },
    confidence: { defensive: many('{n}', 2), guarded: many('{n}', 2), open: many('{n}', 2) },
    closing: { warm: many('warm', 3), cold: many('cold', 3) },
  };
}

export function fixturePersona(id: string, positions: string[]) {
  return { id, age: 60, positions, ru: personaText('ru', positions), en: personaText('en', positions) };
}

/** Writes a catalogue folder of real YAML files; a value that is a string is written verbatim. */
export function writeCatalogue(files: {
  positions?: Record<string, unknown>;
  personas?: Record<string, unknown>;
}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-content-'));
  for (const kind of ['positions', 'personas'] as const) {
    mkdirSync(path.join(dir, kind));
    for (const [name, value] of Object.entries(files[kind] ?? {})) {
      const text = typeof value === 'string' ? value : stringify(value);
      writeFileSync(path.join(dir, kind, `${name}.yaml`), text);
    }
  }
  return dir;
}
