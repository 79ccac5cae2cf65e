import type { UserFromGetMe } from 'grammy/types';
import { readConfig } from '../app/config.js';
import { type Services, startServices } from '../app/services.js';
import { serveWebhook, type WebhookServer } from '../telegram/serve-webhook.js';
import { checkToken, startTelegram, type TelegramHandle } from '../telegram/start.js';
import { type Command, fail, parse } from './command.js';
import { addressInUse, firstSignal, isPersonsProblem, untilStopped } from './lifecycle.js';

// `sobesednik bot`: the Telegram bot alone. Long polling, or a webhook served on HOST:PORT when
// TELEGRAM_WEBHOOK_URL is set. SIGTERM or SIGINT: stop taking updates, finish those in flight, close the
// database, exit 0. What a person must fix (no token, a rejected token, a bad setting, an unusable
// database) is one line on stderr and exit 1.

export interface RunBotOptions {
  env?: NodeJS.ProcessEnv;
  /** Resolves when the bot should stop (default: the first SIGTERM or SIGINT). */
  stopSignal?: Promise<string>;
}

const NO_TOKEN =
  'TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather, then run TELEGRAM_BOT_TOKEN=<token> sobesednik bot';

export async function runBot(options: RunBotOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  let botInfo: UserFromGetMe;
  try {
    const config = readConfig(env);
    if (!config.TELEGRAM_BOT_TOKEN) return fail(NO_TOKEN, false);
    // A rejected token is the likeliest mistake: say so before spending seconds loading the catalogue.
    botInfo = await checkToken(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT);
  } catch (error) {
    if (isPersonsProblem(error)) return fail(error.message, false);
    throw error;
  }
  // Listen before starting, so that a signal during the start is not the default abrupt exit.
  const stopSignal = options.stopSignal ?? firstSignal();

  let services: Services;
  try {
    services = await startServices({ env });
  } catch (error) {
    if (isPersonsProblem(error)) return fail(error.message, false);
    throw error;
  }
  let telegram: TelegramHandle | undefined;
  let server: WebhookServer | undefined;
  try {
    telegram = await startTelegram(services, { botInfo });
    if (telegram.webhook) {
      server = await serveWebhook(telegram.webhook, {
        host: services.config.HOST,
        port: services.config.PORT,
      });
      services.log.info(
        { event: 'telegram-webhook-listening', url: server.url },
        `webhook listening on ${server.url}`,
      );
    }
  } catch (error) {
    await telegram?.stop();
    await services.close();
    if (isPersonsProblem(error)) return fail(error.message, false);
    const inUse = addressInUse(error, services.config.HOST, services.config.PORT);
    if (inUse) return fail(inUse, false);
    throw error;
  }

  const outcome = await untilStopped(stopSignal, telegram.failure);
  services.log.info({ event: 'telegram-stopping', signal: outcome.signal }, 'stopping the bot');
  await telegram.stop();
  await server?.close();
  await services.close();
  if (outcome.error) return fail(outcome.error.message, false);
  services.log.info({ event: 'telegram-stopped' }, 'bot stopped');
  return 0;
}

export const botCommand: Command = {
  name: 'bot',
  usage: 'bot',
  summary: 'the Telegram bot alone (long polling; a webhook on HOST:PORT when TELEGRAM_WEBHOOK_URL is set)',
  run(argv) {
    parse(argv, {});
    return runBot();
  },
};
