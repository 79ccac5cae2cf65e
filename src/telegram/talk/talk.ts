import type { Composer } from 'grammy';
import { TALK } from '../../dialogue/talk/buttons.js';
import { talk as talkPart } from '../../dialogue/talk/talk.js';
import type { AdapterDeps, BotContext } from '../context.js';
import { engineComposer } from '../converse.js';
import { langOf } from '../language.js';
import { sendMessages } from '../send.js';
import { STATS_DAYS, statsText } from './stats.js';

/** Talk: its commands and `talk:` buttons go to the engine; /stats is answered here from the shared counters. */
export function talk(deps: AdapterDeps): Composer<BotContext> {
  const composer = engineComposer(deps, { commands: talkPart.commands, namespace: TALK });
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
