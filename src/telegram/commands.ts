import { Composer } from 'grammy';
import { COMMANDS } from '../dialogue/messages.js';
import type { AdapterDeps, BotContext } from './context.js';
import { converse } from './converse.js';
import { langOf } from './language.js';
import { sendMessages } from './send.js';
import { STATS_DAYS, statsText } from './stats.js';

/** /start, /advice, … go to the engine as commands; /stats is answered here from the anonymous counters. */
export function commands(deps: AdapterDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  // One handler for all of them: grammY checks each registered command on every update, at a cost per check.
  composer.command([...COMMANDS], (ctx) => {
    // grammY matched "/name" or "/name@bot" at the start of the text.
    const typed = ctx.msg.text.slice(1).split(/[\s@]/, 1)[0];
    const name = COMMANDS.find((command) => command === typed);
    if (name === undefined) return;
    ctx.report.kind = `command:${name}`;
    const argument = ctx.match.trim();
    return converse(ctx, deps, { kind: 'command', name, ...(argument ? { argument } : {}) });
  });
  composer.command('stats', async (ctx) => {
    ctx.report.kind = 'command:stats';
    const { from, userKey } = ctx;
    if (!from || !userKey) return;
    // The user's chosen language when they have one; the statistics themselves carry nothing of anyone.
    const lang = (await deps.users.loadUser(userKey))?.lang ?? langOf(from.language_code);
    const { positions, days } = await deps.talk.positionStats(STATS_DAYS);
    await sendMessages(ctx.api, ctx.chat.id, [
      { text: statsText(positions, days, lang, deps.catalogue), buttons: [] },
    ]);
  });
  return composer;
}
