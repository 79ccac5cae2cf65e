import { describe, expect, it } from 'vitest';
import { langOf } from './language.js';

describe('langOf', () => {
  it('Russian for Russian, its neighbours and no language; English for the rest', () => {
    for (const code of [undefined, '', 'ru', 'ru-RU', 'uk', 'be', 'kk', 'RU'])
      expect(langOf(code), String(code)).toBe('ru');
    for (const code of ['en', 'en-GB', 'de', 'he', 'kka', 'rus']) expect(langOf(code), code).toBe('en');
  });
});
