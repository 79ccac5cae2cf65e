import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// What Vite wrote (vitest's global setup builds it first): names the server serves, and nothing of the
// machine or of Node inside.

const BUILT = new URL('../../dist/web/static/', import.meta.url);
const files = readdirSync(BUILT);
const scripts = files.filter((file) => file.endsWith('.js'));
const text = (file: string) => readFileSync(new URL(file, BUILT), 'utf8');

describe('the built pages', () => {
  it('have stable names the server can serve', () => {
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'stats.html', 'admin.html', 'app.js', 'style.css', 'icon.svg']),
    );
    for (const file of files) expect(file).toMatch(/^[a-z0-9-]+\.(?:html|js|css|svg)$/);
  });

  it('carry no source path and no Node module', () => {
    for (const file of scripts) {
      expect(text(file), file).not.toContain(process.cwd());
      expect(text(file), file).not.toMatch(/from\s*["'`]node:|jsxDEV/);
    }
  });

  it('hold each word shared with the server once', () => {
    const all = scripts.map(text).join('\n');
    expect(all.split('Это ранит').length - 1).toBe(1);
  });
});
