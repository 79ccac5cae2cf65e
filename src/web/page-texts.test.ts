import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TALK_TEXTS as SERVER } from '../dialogue/talk/texts.js';
import { TEXTS } from './client/texts.js';

// The HTML names its words by key ([data-i18n*] attributes), which the type checker cannot follow.

const CLIENT = new URL('./client/', import.meta.url);
const PAGES = readdirSync(CLIENT).filter((file) => file.endsWith('.html'));

describe('the words of the pages', () => {
  it('has every word the HTML names, as text, in both languages', () => {
    expect(PAGES).toContain('index.html');
    for (const page of PAGES) {
      const html = readFileSync(new URL(page, CLIENT), 'utf8');
      const keys = [...html.matchAll(/data-i18n(?:-[a-z]+)?="([^"]+)"/g)].map((match) => match[1] ?? '');
      expect(keys.length, page).toBeGreaterThan(3);
      for (const key of keys)
        for (const lang of ['ru', 'en'] as const)
          expect(typeof TEXTS[lang][key as keyof (typeof TEXTS)['ru']], `${page} ${key} ${lang}`).toBe(
            'string',
          );
    }
  });

  it('takes the words the bot also says from the server', () => {
    for (const lang of ['ru', 'en'] as const) {
      expect(TEXTS[lang].verdict).toBe(SERVER[lang].verdicts);
      expect(TEXTS[lang].tabAdvice).toBe(SERVER[lang].buttons.advice);
      expect(SERVER[lang].steps.relate).toContain(TEXTS[lang].relate);
    }
  });
});
