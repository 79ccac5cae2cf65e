import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { afterAll, describe, expect, it } from 'vitest';

// The rules of .dependency-cruiser.cjs, which `npm run check` applies to the project, shown to catch what
// they are for on a small tree of their own.

const root = path.resolve(import.meta.dirname, '..');
const config = (await extractDepcruiseConfig(path.join(root, '.dependency-cruiser.cjs'))) as IConfiguration;

async function violations(baseDir: string): Promise<string[]> {
  const { output } = await cruise(['src'], {
    ...config.options,
    validate: true,
    ruleSet: config,
    baseDir,
    tsConfig: undefined,
  });
  if (typeof output === 'string') throw new Error('expected a cruise result');
  // The temporary tree links to the project's node_modules; name a package by its place inside it.
  const named = (file: string) => file.replace(/^.*node_modules\//, 'node_modules/');
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${named(v.to)}`).sort();
}

describe('architecture rules', () => {
  const tree = mkdtempSync(path.join(tmpdir(), 'sobesednik-boundaries-'));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    writeFileSync(path.join(tree, file), text);
  };
  symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');

  it('fails a domain that imports grammY, Kysely or node:http, and a part that reaches into another', async () => {
    write('src/dialogue/talk/advise.ts', 'export const advise = 1;\n');
    write(
      'src/dialogue/engine.ts',
      "import { advise } from './talk/advise.js';\nexport const engine = advise;\n",
    );
    write(
      'src/count/tally.ts',
      [
        "import { Bot } from 'grammy';",
        "import type { Kysely } from 'kysely';",
        "import http from 'node:http';",
        "import { engine } from '../dialogue/engine.js';",
        "import { advise } from '../dialogue/talk/advise.js';",
        'export const used = [Bot, http, engine, advise];',
        'export type Db = Kysely<unknown>;',
      ].join('\n'),
    );
    write('src/telegram/talk/menu.ts', 'export const menu = 1;\n');
    write(
      'src/telegram/count/composer.ts',
      "import { menu } from '../talk/menu.js';\nexport const m = menu;\n",
    );
    write(
      'src/store/count.ts',
      "import { engine } from '../telegram/talk/menu.js';\nexport const e = engine;\n",
    );
    expect(await violations(tree)).toEqual([
      'domain-does-no-io: src/count/tally.ts → node_modules/grammy/out/mod.js',
      'domain-does-no-io: src/count/tally.ts → node_modules/kysely/dist/esm/index.js',
      'domain-no-network-modules: src/count/tally.ts → http',
      'engine-core-knows-parts-by-registry: src/dialogue/engine.ts → src/dialogue/talk/advise.ts',
      'front-end-parts-apart: src/telegram/count/composer.ts → src/telegram/talk/menu.ts',
      'parts-apart: src/count/tally.ts → src/dialogue/talk/advise.ts',
      'store-below-app: src/store/count.ts → src/telegram/talk/menu.ts',
    ]);
  });

  it('passes the project itself', async () => {
    expect(await violations(root)).toEqual([]);
  });
});
