import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import { runCli } from '../test-support/cli.js';

async function withPhrasings(texts: [string, 'ru' | 'en', string][]): Promise<string> {
  const url = `sqlite:${path.join(mkdtempSync(path.join(tmpdir(), 'sobesednik-review-')), 'x.db')}`;
  const store = await openStore(url);
  for (const [text, lang, day] of texts) await store.talk.sharePhrasing(text, lang, day);
  await store.close();
  return url;
}

const SHARED: [string, 'ru' | 'en', string][] = [
  ['бензин подорожал из-за санкций', 'ru', '2026-03-01'],
  ['Они там все воруют', 'ru', '2026-03-02'],
  ['они там все воруют!!!', 'ru', '2026-03-03'],
  ['цены на бензин растут из-за санкций', 'ru', '2026-03-04'],
  ['Бензин подорожал из-за санкций.', 'ru', '2026-03-05'],
  ['The West just wants to destroy Russia', 'en', '2026-03-06'],
];

describe('sobesednik review', () => {
  it('groups shared phrasings by similarity, the most frequent theme first', async () => {
    const result = await runCli(['review', '--json'], { env: { DATABASE_URL: await withPhrasings(SHARED) } });
    expect(result.code).toBe(0);
    const review = JSON.parse(result.stdout);
    expect(review.phrasings).toBe(6);
    expect(review.groups.map((g: { size: number; example: string }) => [g.size, g.example])).toEqual([
      [3, 'бензин подорожал из-за санкций'],
      [2, 'Они там все воруют'],
      [1, 'The West just wants to destroy Russia'],
    ]);
    expect(review.groups[0]).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-05', langs: ['ru'] });
  });

  it('prints a readable list for editors', async () => {
    const result = await runCli(['review'], { env: { DATABASE_URL: await withPhrasings(SHARED) } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('6 shared phrasings in 3 groups, most frequent first');
    expect(result.stdout).toContain('   3×  бензин подорожал из-за санкций   [ru; 2026-03-01 … 2026-03-05]');
    expect(result.stdout).toContain('         1×  цены на бензин растут из-за санкций');
  });

  it('says when nobody has shared anything', async () => {
    const result = await runCli(['review'], { env: { DATABASE_URL: await withPhrasings([]) } });
    expect(result.stdout).toBe('No shared phrasings yet.\n');
  });
});
