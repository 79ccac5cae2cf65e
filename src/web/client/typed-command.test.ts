import { describe, expect, it } from 'vitest';
import { parseTyped } from './typed-command.js';

// A slash command typed into the page's boxes is a command, as in the bot; anything else reaches the conversation.

describe('typed commands', () => {
  it('knows the commands, with an argument or a bot name', () => {
    expect(parseTyped('/again')).toEqual({ kind: 'command', command: 'again' });
    expect(parseTyped(' /STOP ')).toEqual({ kind: 'command', command: 'stop' });
    expect(parseTyped('/lang en')).toEqual({ kind: 'command', command: 'lang', argument: 'en' });
    expect(parseTyped('/help@sobesednik_bot')).toEqual({ kind: 'command', command: 'help' });
  });

  it('names an unknown command rather than sending it to the relative', () => {
    expect(parseTyped('/nonsense')).toEqual({ kind: 'unknown', name: 'nonsense' });
  });

  it('leaves text alone, a slash inside it or before a Russian word too', () => {
    for (const text of ['Мам, как ты?', 'и/или', '/ну да, конечно', 'see http://x.org/again'])
      expect(parseTyped(text)).toEqual({ kind: 'text', text });
  });
});
