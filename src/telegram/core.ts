import type { Composer } from 'grammy';
import { FORGET, MENU } from '../dialogue/buttons.js';
import type { AdapterDeps, BotContext } from './context.js';
import { engineComposer } from './converse.js';

// The parts every bot shares, each with its own commands and buttons; the engine's core answers them.

export const menu = (deps: AdapterDeps): Composer<BotContext> =>
  engineComposer(deps, { commands: ['start', 'menu'], namespace: MENU });

/** How the bot speaks: the language, and the user's own grammatical gender in Russian (/settings). */
export const language = (deps: AdapterDeps): Composer<BotContext> =>
  engineComposer(deps, { commands: ['lang', 'settings'] });

export const privacy = (deps: AdapterDeps): Composer<BotContext> =>
  engineComposer(deps, { commands: ['privacy'] });

export const forget = (deps: AdapterDeps): Composer<BotContext> =>
  engineComposer(deps, { commands: ['forget'], namespace: FORGET });

export const help = (deps: AdapterDeps): Composer<BotContext> => engineComposer(deps, { commands: ['help'] });
