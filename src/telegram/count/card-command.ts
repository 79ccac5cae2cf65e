import { Composer, Context, InputFile } from 'grammy';
import { type CountCards, createCountCards } from '../../app/count-cards.js';
import type { Election } from '../../catalogue/election.js';
import type { Lang } from '../../catalogue/schema.js';
import type { Counting } from '../../count/counting.js';
import type { AdapterDeps, BotContext } from '../context.js';
import { langOf } from '../language.js';
import { COUNT_BOT_TEXTS } from './texts.js';

// /card sends the share card as a photo: the volunteer's own station's, else the whole card of the latest
// election that has stations, in the user's language. Only public live figures are on it (count/card.ts).

/** The election a card is made of for someone who counts nowhere: the one with stations that ends last. */
export async function latestWithStations(
  counting: Pick<Counting, 'elections' | 'stations'>,
): Promise<Election | undefined> {
  const byEnd = [...(await counting.elections())].sort((a, b) =>
    (b.days.at(-1) ?? '').localeCompare(a.days.at(-1) ?? ''),
  );
  for (const election of byEnd) if ((await counting.stations(election.id)).length > 0) return election;
  return undefined;
}

export function countCard(
  deps: AdapterDeps,
  cards: CountCards = createCountCards(deps),
): Composer<BotContext> {
  const { counting, volunteers, log } = deps;
  const isCard = Context.has.command('card');

  async function langFor(ctx: BotContext, userKey: string): Promise<Lang> {
    return (await deps.users.loadUser(userKey))?.lang ?? langOf(ctx.from?.language_code);
  }

  async function card(ctx: BotContext, userKey: string, chatId: number): Promise<void> {
    const lang = await langFor(ctx, userKey);
    const t = COUNT_BOT_TEXTS[lang];
    const link = await volunteers.userLink(userKey);
    let made: { png: Buffer | undefined; caption: string } | undefined;
    try {
      if (link) {
        const { election, station } = link.volunteer;
        made = { png: await cards.station(election, station, lang), caption: t.cardStation };
      }
      if (!made?.png) {
        const election = await latestWithStations(counting);
        if (!election) return void (await ctx.api.sendMessage(chatId, t.noCard));
        made = {
          png: await cards.election(election.id, lang),
          caption: t.cardElection(election.title[lang]),
        };
      }
    } catch (error) {
      log.warn({ event: 'count-card-failed', error: (error as Error).message }, 'share card not made');
      return void (await ctx.api.sendMessage(chatId, t.cardFailed));
    }
    if (!made.png) return void (await ctx.api.sendMessage(chatId, t.noCard));
    await ctx.api.sendPhoto(chatId, new InputFile(made.png, 'sobesednik-card.png'), {
      caption: made.caption,
    });
  }

  return new Composer<BotContext>(async (ctx, next) => {
    const { userKey } = ctx;
    const chatId = ctx.chat?.id ?? ctx.from?.id;
    if (userKey === undefined || chatId === undefined || !isCard(ctx)) return next();
    ctx.report.kind = 'command:card';
    return card(ctx, userKey, chatId);
  });
}
