import { describe, expect, it } from 'vitest';
import { TEXTS } from '../dialogue/texts.js';
import { commandList } from './command-menu.js';
import { botHelp } from './help.js';

// A user who reads /help finds every command of the menu Telegram shows them, the bot's own ones too.

describe('the bot /help', () => {
  it('names every command of the command menu, in both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      const help = botHelp(TEXTS[lang].help, lang);
      for (const { command } of commandList(lang))
        expect(help, `${lang} /${command}`).toContain(`/${command}`);
    }
  });
});
