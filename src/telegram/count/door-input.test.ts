import { describe, expect, it } from 'vitest';
import { doorFromText } from './door-input.js';

describe('a door typed by its name', () => {
  it('takes the name as typed, or the spelling already in use at the station', () => {
    expect(doorFromText('  боковой ', ['main'])).toBe('боковой');
    expect(doorFromText('«Северный»', ['main'])).toBe('Северный');
    expect(doorFromText('северный', ['main', 'Северный'])).toBe('Северный');
    expect(doorFromText('Ёлка', ['main', 'елка'])).toBe('елка');
  });

  it('knows the main door by its name in either language', () => {
    for (const text of ['главный', 'Главный вход', 'main', 'Main door'])
      expect(doorFromText(text, [])).toBe('main');
  });

  it('refuses what events would refuse', () => {
    for (const text of ['', '   ', 'вход №2!', 'x'.repeat(41)])
      expect(doorFromText(text, []), text).toBeUndefined();
  });
});
