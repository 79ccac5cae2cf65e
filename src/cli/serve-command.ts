import type { UserFromGetMe } from 'grammy/types';
import { readConfig } from '../app/config.js';
import { type Services, startServices } from '../app/services.js';
import { checkToken, startTelegram, type TelegramHandle } from '../telegram/start.js';
import { serveWeb, type WebServer } from '../web/server.js';
import { type Command, fail, parse } from './command.js';
import { addressInUse, firstSignal, isPersonsProblem, untilStopped } from './lifecycle.js';

// `npm start`: the web page and API on HOST:PORT, and the Telegram bot beside them when TELEGRAM_BOT_TOKEN is
// set (its webhook mounted in the same server when TELEGRAM_WEBHOOK_URL is). SIGTERM or SIGINT: stop taking
// requests and updates, finish those in flight, close the database, exit 0.

export async function runServer(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let botInfo: UserFromGetMe | undefined;
  try {
    const config = readConfig(env);
    // A rejected token is the likeliest mistake: say so before spending seconds loading the catalogue.
    if (config.TELEGRAM_BOT_TOKEN)
      botInfo = await checkToken(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT);
  } catch (error) {
    if (isPersonsProblem(error)) return fail(error.message, false);
    throw error;
  }
  const stopSignal = firstSignal();

  let services: Services | undefined;
  let telegram: TelegramHandle | undefined;
  let web: WebServer | undefined;
  try {
    // Retention starts once the server listens, so that the first line of the log gives the URL.
    services = await startServices({ env, retention: false });
    // A webhook must be mounted when the server starts; long polling can begin once the URL is logged.
    if (botInfo && services.config.TELEGRAM_WEBHOOK_URL)
      telegram = await startTelegram(services, { botInfo });
    web = await serveWeb(services, telegram?.webhook ? { webhook: telegram.webhook } : {});
    if (botInfo && !telegram) telegram = await startTelegram(services, { botInfo });
    services.startRetention();
  } catch (error) {
    await telegram?.stop();
    await services?.close();
    if (isPersonsProblem(error)) return fail(error.message, false);
    const inUse = services && addressInUse(error, services.config.HOST, services.config.PORT);
    if (inUse) return fail(inUse, false);
    throw error;
  }

  const outcome = await untilStopped(stopSignal, telegram?.failure);
  services.log.info({ event: 'stopping', signal: outcome.signal }, 'stopping');
  await web.close();
  await telegram?.stop();
  await services.close();
  if (outcome.error) return fail(outcome.error.message, false);
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve',
  summary: 'the web page and API on HOST:PORT, and the Telegram bot when its token is set (npm start)',
  run(argv) {
    parse(argv, {});
    return runServer();
  },
};
