import { run } from '@grammyjs/runner';
import { Api, BotError, GrammyError, HttpError } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Services } from '../app/services.js';
import { type BotOptions, createBot } from './bot.js';
import { setCommandMenus } from './command-menu.js';
import { describeError } from './errors.js';
import { startReminderTimer } from './guide/reminder-timer.js';
import { InFlight } from './in-flight.js';
import { telegramFetch } from './telegram-fetch.js';
import { createWebhookHandler } from './webhook.js';

/** Why the bot cannot start, in one line for a person (the command prints it and exits 1). */
export class TelegramStartError extends Error {
  override name = 'TelegramStartError';
}

export interface TelegramHandle {
  mode: 'polling' | 'webhook';
  /** Stop taking updates, finish those in flight (the caller closes the store afterwards). */
  stop(): Promise<void>;
  /** Webhook mode: the handler for the web server to mount at `path` (TELEGRAM_WEBHOOK_URL's path). */
  webhook?: { path: string; handle(request: Request): Promise<Response> };
  /** Settles with the reason if updates stop coming without stop() (polling refused: token revoked, 409). */
  failure: Promise<Error>;
}

export interface StartTelegramOptions extends BotOptions {
  /** Long-polling timeout in seconds (default 30). */
  pollingTimeoutSeconds?: number;
  /** Updates handled at once (default 50). */
  concurrency?: number;
  /** How often the guide's due reminders are sent (default every minute). */
  remindersIntervalMs?: number;
}

/**
 * The work of an update is CPU and a synchronous SQLite call, so more updates in flight than the runner's default
 * of 500 only hold more memory across awaits and lengthen the tail (bench/bot-load.ts compares them).
 */
const DEFAULT_CONCURRENCY = 50;

const TELEGRAM_API = 'https://api.telegram.org';
/** The only updates the bot handles; Telegram then does not send the others at all. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/**
 * Starts the bot: checks the token, registers the command menus, then long polling through the runner, or,
 * when TELEGRAM_WEBHOOK_URL is set, registers the webhook with its secret and returns a handler to mount.
 */
export async function startTelegram(
  services: Services,
  options: StartTelegramOptions = {},
): Promise<TelegramHandle> {
  const { config, log } = services;
  const token = options.token ?? config.TELEGRAM_BOT_TOKEN;
  if (!token)
    throw new TelegramStartError(
      'TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and set its token',
    );
  const apiRoot = apiRootOf(options.apiRoot ?? config.TELEGRAM_API_ROOT);
  const plain = plainApi(token, apiRoot);
  const botInfo = options.botInfo ?? (await checkToken(token, apiRoot));
  const bot = createBot(services, { ...options, token, apiRoot, botInfo });
  try {
    await setCommandMenus(bot.api);
  } catch (error) {
    // The menu is a convenience; the bot answers commands without it.
    log.warn({ event: 'telegram-commands-not-set', error: describeError(error) }, 'setMyCommands failed');
  }

  // Reminders go through an Api without auto-retry: the broadcast waits out a 429 itself and must not be doubled.
  // Started once the bot is on, so that a refused start leaves no timer behind.
  const startReminders = () =>
    startReminderTimer(services, plain, {
      ...(options.remindersIntervalMs ? { intervalMs: options.remindersIntervalMs } : {}),
    });
  const inFlight = new InFlight();
  const handle = (update: Update): Promise<void> =>
    inFlight.track(
      bot.handleUpdate(update).catch((error: unknown) => {
        log.error(
          {
            event: 'telegram-update-failed',
            error: describeError(error instanceof BotError ? error.error : error),
          },
          'update failed',
        );
      }),
    );
  let reportFailure: (error: Error) => void = () => {};
  const failure = new Promise<Error>((resolve) => {
    reportFailure = resolve;
  });

  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  if (webhookUrl && secret) {
    await refusedAs(`Telegram refused the webhook ${webhookUrl}`, () =>
      bot.api.setWebhook(webhookUrl, { secret_token: secret, allowed_updates: ALLOWED_UPDATES }),
    );
    const reminders = startReminders();
    let accepting = true;
    const handleRequest = createWebhookHandler({ secret, handle, accepting: () => accepting });
    log.info(
      { event: 'telegram-started', mode: 'webhook', bot: botInfo.username },
      'telegram bot started (webhook)',
    );
    return {
      mode: 'webhook',
      webhook: {
        path: new URL(webhookUrl).pathname,
        // The whole request is in flight, body included, so that a stop waits for one already accepted.
        handle: (request) => inFlight.track(handleRequest(request)),
      },
      failure,
      async stop() {
        // The webhook stays registered: Telegram keeps updates and retries until an instance answers again.
        accepting = false;
        await inFlight.drain();
        await reminders.stop();
      },
    };
  }

  // A webhook left from another deployment would make every getUpdates fail with 409.
  await refusedAs('Telegram refused deleteWebhook', () => bot.api.deleteWebhook());
  const reminders = startReminders();
  let highest = -1;
  const runner = run(
    {
      handleUpdate(update: Update) {
        highest = Math.max(highest, update.update_id);
        return handle(update);
      },
      errorHandler: (error: unknown) => {
        log.error({ event: 'telegram-update-failed', error: describeError(error) }, 'update failed');
      },
      api: {
        async getUpdates(args, signal) {
          try {
            return await bot.api.getUpdates(args, signal);
          } catch (error) {
            // The runner retries with a growing pause; the log says why the bot is quiet meanwhile.
            if (!signal.aborted)
              log.warn(
                { event: 'telegram-get-updates-failed', error: describeError(error) },
                'getUpdates failed',
              );
            throw error;
          }
        },
      },
    },
    {
      runner: {
        fetch: { timeout: options.pollingTimeoutSeconds ?? 30, allowed_updates: ALLOWED_UPDATES },
        silent: true,
      },
      sink: { concurrency: options.concurrency ?? DEFAULT_CONCURRENCY },
    },
  );
  let stopping: Promise<void> | undefined;
  runner.task()?.catch((error: unknown) => {
    log.fatal({ event: 'telegram-polling-stopped', error: describeError(error) }, 'polling stopped');
    reportFailure(new TelegramStartError(pollingFailure(error)));
  });
  log.info(
    { event: 'telegram-started', mode: 'polling', bot: botInfo.username },
    'telegram bot started (long polling)',
  );
  return {
    mode: 'polling',
    failure,
    stop() {
      stopping ??= (async () => {
        await runner.stop();
        await inFlight.drain();
        await reminders.stop();
        // Tell Telegram what was handled, or it would deliver those updates again to the next start.
        if (highest >= 0)
          await plain.getUpdates({ offset: highest + 1, limit: 1, timeout: 0 }).catch((error: unknown) => {
            log.warn(
              { event: 'telegram-offset-not-confirmed', error: describeError(error) },
              'offset not confirmed',
            );
          });
      })();
      return stopping;
    },
  };
}

function apiRootOf(configured: string | undefined): string {
  // grammY refuses a trailing slash; people copy URLs with one.
  return (configured ?? TELEGRAM_API).replace(/\/+$/, '');
}

/** Without auto-retry: a wrong token or an unreachable server must fail now, not be retried for an hour. */
function plainApi(token: string, apiRoot: string): Api {
  return new Api(token, { apiRoot, timeoutSeconds: 30, fetch: telegramFetch });
}

/**
 * Asks Telegram who the bot is (getMe): the bot's identity, or a TelegramStartError in one line when the token
 * is rejected or the Bot API cannot be reached. `sobesednik bot` calls it first, to fail before loading anything.
 */
export async function checkToken(token: string, configuredApiRoot?: string): Promise<UserFromGetMe> {
  const apiRoot = apiRootOf(configuredApiRoot);
  try {
    return await plainApi(token, apiRoot).getMe();
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401)
      throw new TelegramStartError('Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized)');
    if (error instanceof GrammyError && error.error_code === 404)
      throw new TelegramStartError(
        'Telegram rejected TELEGRAM_BOT_TOKEN (404 Not Found: it is not a bot token)',
      );
    if (error instanceof HttpError)
      throw new TelegramStartError(`cannot reach the Telegram Bot API at ${apiRoot} (${networkCode(error)})`);
    if (error instanceof GrammyError)
      throw new TelegramStartError(`Telegram refused getMe (${error.error_code} ${error.description})`);
    throw error;
  }
}

async function refusedAs<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GrammyError)
      throw new TelegramStartError(`${what} (${error.error_code} ${error.description})`);
    if (error instanceof HttpError) throw new TelegramStartError(`${what} (${networkCode(error)})`);
    throw error;
  }
}

function networkCode(error: HttpError): string {
  // Only the cause's code: a network error's message may quote the request URL, which holds the token.
  const code = (error.error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'network error';
}

function pollingFailure(error: unknown): string {
  if (error instanceof GrammyError && error.error_code === 401)
    return 'Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized)';
  if (error instanceof GrammyError && error.error_code === 409)
    return `Telegram refused long polling (409 ${error.description}): another instance is polling, or a webhook is set`;
  if (error instanceof GrammyError)
    return `Telegram refused getUpdates (${error.error_code} ${error.description})`;
  return 'long polling stopped after repeated network failures';
}
