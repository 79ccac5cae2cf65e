// The baseline of `npm run bench`: a bare grammY echo bot, polled by the same runner as sobesednik's bot and
// talking to the same local Bot API server. Prints "ready" once polling; stops on SIGTERM.
import { run, sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';

const token = process.env.TELEGRAM_BOT_TOKEN ?? '';
const bot = new Bot(token, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
bot.on('callback_query:data', async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.callbackQuery.data);
});
await bot.init();
const runner = run(bot);
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await runner.stop();
  process.exit(0);
});
