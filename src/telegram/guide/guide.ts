import type { Composer } from 'grammy';
import { GUIDE } from '../../dialogue/guide/buttons.js';
import { GUIDE_COMMANDS } from '../../dialogue/guide/commands.js';
import type { AdapterDeps, BotContext } from '../context.js';
import { engineComposer } from '../converse.js';

// The guide on Telegram: /vote, /remind and the `guide:` buttons go to the engine; a reminder the user asked for
// is kept here, since only the bot knows the chat it will be written to.

export function guide(deps: AdapterDeps): Composer<BotContext> {
  return engineComposer(deps, {
    commands: GUIDE_COMMANDS,
    namespace: GUIDE,
    async apply(ctx, effects) {
      const { userKey, chat } = ctx;
      if (userKey === undefined || chat === undefined) return;
      for (const effect of effects) {
        if (effect.kind === 'reminder')
          await deps.reminders.subscribe(userKey, chat.id, effect.election, effect.station, effect.lang);
        else if (effect.kind === 'reminder-off') await deps.reminders.unsubscribe(userKey);
      }
    },
  });
}
