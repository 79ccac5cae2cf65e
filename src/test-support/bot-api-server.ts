import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { CallbackQuery, Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';

// A small Telegram Bot API server over real HTTP, for the bot's end-to-end tests and benchmarks: the bot talks
// to it exactly as to api.telegram.org (TELEGRAM_API_ROOT), and tests play the users. It keeps everything in
// memory, enforces the limits that bite in production (4,096 characters, 64-byte callback data, answered
// callback queries, getUpdates vs webhook), and can misbehave on purpose (429 with retry_after, re-delivery).

export const DEFAULT_TEST_TOKEN = '123456:TEST-token_for-the-local-bot-api';
/** What getMe answers; unit tests give it to the bot directly, so that it needs no getMe. */
export const TEST_BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: 'Sobesednik',
  username: 'sobesednik_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
const MAX_TEXT = 4096;
const MAX_CALLBACK_DATA_BYTES = 64;

/** A message the bot sent, as a test reads it. */
export interface SentMessage {
  message_id: number;
  chat_id: number;
  text: string;
  /** The inline keyboard, flattened to what a person sees and what pressing sends back. */
  buttons: { text: string; data: string }[][];
  /** A photo's uploaded bytes (sendPhoto); `text` is then its caption. */
  photo?: Buffer;
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface UserOptions {
  /** Telegram's `language_code` of the user; null leaves it out, as for users who hide it. Default 'ru'. */
  languageCode?: string | null;
  /** Another chat than the user's private one (a group). */
  chat?: Chat;
}

export interface BotApiServer {
  /** The value for TELEGRAM_API_ROOT. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botUsername: string;
  /** Every call the bot made, in order (getUpdates left out: it is only noise). */
  readonly calls: readonly ApiCall[];
  /** The webhook the bot set, if any; getUpdates is refused while one is set, as on Telegram. */
  readonly webhook: { url: string; secretToken?: string } | undefined;
  /** Queues an update for getUpdates; the update_id is assigned unless given. */
  pushUpdate(update: UpdateContent & { update_id?: number }): Update;
  /** A text message from a user; a leading /command gets its bot_command entity, as Telegram adds it. */
  sendText(userId: number, text: string, options?: UserOptions): Update;
  /** A message that is not text: a photo, a sticker or a voice note. */
  sendMedia(userId: number, kind: 'photo' | 'sticker' | 'voice', options?: UserOptions): Update;
  /** A press on an inline button with this callback data, on the last message the bot sent to the user. */
  pressButton(userId: number, data: string, options?: UserOptions): Update;
  /** Delivers an update once more with the same update_id, as Telegram may after a timeout or a crash. */
  redeliver(update: Update): void;
  /** The next `count` sendMessage calls fail with 429 and parameters.retry_after = `retryAfter` seconds. */
  inject429(count: number, retryAfter: number): void;
  /** From now on, messages to the chat fail with 403 as Telegram answers: the user blocked the bot, or is gone. */
  block(chatId: number, why?: 'blocked' | 'deactivated'): void;
  /** How many sendMessage calls were answered 429 so far (injected or over messagesPerSecond). */
  readonly tooManyRequests: number;
  /** Every message sent to a chat so far. */
  messagesTo(chatId: number): SentMessage[];
  /**
   * Waits until `count` more messages reached the chat since the last call for it, and returns them. Each chat
   * has a read cursor, so a test reads the bot's replies in order without racing it.
   */
  replies(chatId: number, count: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** Waits `ms` and returns whatever else reached the chat after the cursor (a test expects none). */
  quiet(chatId: number, ms?: number): Promise<SentMessage[]>;
  /** Waits until the predicate holds, checked after every call the bot makes. */
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  callsOf(method: string): ApiCall[];
  /** Callback queries pressed but not (yet) answered by the bot. */
  unansweredCallbacks(): string[];
  close(): Promise<void>;
}

interface Queued {
  update: Update;
  delivered: boolean;
}

type Result =
  | { ok: true; result: unknown }
  | { ok: false; status: number; description: string; retryAfter?: number };

const ok = (result: unknown): Result => ({ ok: true, result });
const bad = (description: string): Result => ({
  ok: false,
  status: 400,
  description: `Bad Request: ${description}`,
});

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Form and query values arrive as strings; Telegram accepts JSON inside them for objects and arrays. */
function field(payload: Record<string, unknown>, name: string): unknown {
  const value = payload[name];
  if (typeof value === 'string' && /^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function numberField(payload: Record<string, unknown>, name: string): number | undefined {
  const value = payload[name];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

async function readPayload(request: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const body = raw.toString('utf8');
  const payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (body === '') return payload;
  const type = request.headers['content-type'] ?? '';
  // An upload (sendPhoto with a file): fields as strings, files as their bytes under their part's name.
  const boundary = /^multipart\/form-data;.*boundary=("?)([^";]+)\1/i.exec(type)?.[2];
  if (boundary) return { ...payload, ...readMultipart(raw, boundary) };
  if (type.includes('json')) return { ...payload, ...(asRecord(JSON.parse(body)) ?? {}) };
  return { ...payload, ...Object.fromEntries(new URLSearchParams(body)) };
}

/**
 * A multipart/form-data body as grammY writes it (headers without spaces, which Node 20's own parser refuses):
 * each part's `name`, its text, or its bytes when the part is a file.
 */
function readMultipart(raw: Buffer, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    const part = raw.subarray(start + 2, next - 2); // the CRLF after the delimiter and before the next one
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      const body = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined)
        fields[name] = /filename=/i.test(headers) ? Buffer.from(body) : body.toString('utf8');
    }
    at = next;
  }
  return fields;
}

/** Checks an inline keyboard as Telegram does; returns the problem, or the buttons as a test reads them. */
function readKeyboard(markup: unknown): string | SentMessage['buttons'] {
  if (markup === undefined) return [];
  const rows = asRecord(markup)?.inline_keyboard;
  if (!Array.isArray(rows)) return 'reply_markup must be an inline keyboard';
  const buttons: SentMessage['buttons'] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) return 'inline keyboard rows must be arrays';
    const read: { text: string; data: string }[] = [];
    for (const item of row) {
      const button = asRecord(item);
      const text = button?.text;
      const data = button?.callback_data;
      if (typeof text !== 'string' || text === '') return 'button text must not be empty';
      if (typeof data === 'string') {
        const bytes = Buffer.byteLength(data, 'utf8');
        if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) return 'BUTTON_DATA_INVALID';
        read.push({ text, data });
      } else if (typeof button?.url === 'string') read.push({ text, data: '' });
      else return 'a button needs callback_data or url';
    }
    buttons.push(read);
  }
  return buttons;
}

function checkText(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return 'message text is empty';
  // String length counts UTF-16 code units, as Telegram's limit does for entities; never fewer than characters.
  if (text.length > MAX_TEXT) return 'message is too long';
  return undefined;
}

/** An update as the tests write it; the server or the test gives it its update_id. */
export type UpdateContent = Omit<Update, 'update_id'>;

/** Builds the updates a user's actions produce, as Telegram shapes them (also for tests without HTTP). */
export interface UpdateFactory {
  /** A text message; a leading /command gets its bot_command entity, as Telegram adds it. */
  text(userId: number, text: string, options?: UserOptions): UpdateContent;
  media(userId: number, kind: 'photo' | 'sticker' | 'voice', options?: UserOptions): UpdateContent;
  /** A press on a button with this data, on `message` (the bot's message that carries the button). */
  press(userId: number, data: string, options?: UserOptions, message?: Message): UpdateContent;
}

export function updateFactory(): UpdateFactory {
  let nextId = 1;
  const chatOf = (userId: number, options: UserOptions): Chat =>
    options.chat ?? { id: userId, type: 'private', first_name: 'Test' };
  const userOf = (userId: number, options: UserOptions): User => {
    const languageCode = options.languageCode === undefined ? 'ru' : options.languageCode;
    return {
      id: userId,
      is_bot: false,
      first_name: 'Test',
      ...(languageCode === null ? {} : { language_code: languageCode }),
    };
  };
  const incoming = (
    userId: number,
    options: UserOptions,
    content: Record<string, unknown>,
  ): UpdateContent => ({
    message: {
      message_id: nextId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatOf(userId, options),
      from: userOf(userId, options),
      ...content,
    } as Update['message'],
  });
  return {
    text(userId, text, options = {}) {
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      return incoming(userId, options, {
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      });
    },
    media(userId, kind, options = {}) {
      const file = { file_id: `file-${kind}`, file_unique_id: `unique-${kind}` };
      const content =
        kind === 'photo'
          ? { photo: [{ ...file, width: 90, height: 90 }] }
          : kind === 'sticker'
            ? {
                sticker: {
                  ...file,
                  type: 'regular',
                  width: 512,
                  height: 512,
                  is_animated: false,
                  is_video: false,
                },
              }
            : { voice: { ...file, duration: 3 } };
      return incoming(userId, options, content);
    },
    press(userId, data, options = {}, message) {
      const chat = chatOf(userId, options);
      const query = {
        id: `cb-${userId}-${nextId++}`,
        from: userOf(userId, options),
        chat_instance: `instance-${chat.id}`,
        data,
        message: message ?? { message_id: 1, date: 0, chat, text: '…' },
      } as CallbackQuery;
      return { callback_query: query };
    },
  };
}

/** A message of the bot as Telegram returns it (and as a callback query carries it). */
function botMessage(me: User, sent: SentMessage): Message {
  const chatId = sent.chat_id;
  return {
    message_id: sent.message_id,
    date: Math.floor(Date.now() / 1000),
    chat:
      chatId > 0
        ? { id: chatId, type: 'private', first_name: 'Test' }
        : { id: chatId, type: 'group', title: 'Group' },
    from: me,
    text: sent.text,
    ...(sent.buttons.length > 0
      ? {
          reply_markup: {
            inline_keyboard: sent.buttons.map((row) =>
              row.map((b) => ({ text: b.text, callback_data: b.data })),
            ),
          },
        }
      : {}),
  } as Message;
}

export interface BotApiServerOptions {
  token?: string;
  botUsername?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Called with every message the bot sends (the by-hand console below prints them). */
  onSent?: (message: SentMessage) => void;
  /** Called when getUpdates hands updates to the bot (benchmarks time replies from here). */
  onServed?: (updates: readonly Update[]) => void;
  /**
   * Default true: every call and message is kept for the tests to read. A benchmark reads replies through
   * onSent and sets false: then only each chat's last message is kept (for pressButton), so that the stand-in
   * for Telegram, on the same cores as the bot, does not grow by every message of a long run.
   */
  keepHistory?: boolean;
  /**
   * Telegram's broadcast limit: at most this many sendMessage calls in any second across all chats; more are
   * answered 429 with parameters.retry_after (whole seconds, as Telegram gives it). Default: no limit.
   */
  messagesPerSecond?: number;
}

export async function startBotApiServer(options: BotApiServerOptions = {}): Promise<BotApiServer> {
  const token = options.token ?? DEFAULT_TEST_TOKEN;
  const botUsername = options.botUsername ?? TEST_BOT_INFO.username;
  const me: UserFromGetMe = { ...TEST_BOT_INFO, username: botUsername };

  const keepHistory = options.keepHistory ?? true;
  const calls: ApiCall[] = [];
  let queue: Queued[] = [];
  const chats = new Map<number, SentMessage[]>();
  const cursors = new Map<number, number>();
  /** Callback queries pressed and not answered yet; an answered one is gone, as on Telegram. */
  const unanswered = new Set<string>();
  const commands = new Map<string, unknown>();
  const listeners = new Set<() => void>();
  const pollers = new Set<() => void>();
  let webhook: { url: string; secretToken?: string } | undefined;
  let nextUpdateId = 1;
  const updates = updateFactory();
  let nextSentId = 1;
  let failures429 = 0;
  let retryAfter = 1;
  let answered429 = 0;
  const blocked = new Map<number, 'blocked' | 'deactivated'>();
  /** When the accepted sendMessage calls of the last second came, oldest first (for messagesPerSecond). */
  const lastSecond: number[] = [];

  /** 429 when one more message would exceed messagesPerSecond; otherwise counts it. */
  function overRate(): Result | undefined {
    const limit = options.messagesPerSecond;
    if (limit === undefined) return undefined;
    const now = performance.now();
    while (lastSecond.length > 0 && (lastSecond[0] ?? 0) <= now - 1000) lastSecond.shift();
    if (lastSecond.length < limit) {
      lastSecond.push(now);
      return undefined;
    }
    const wait = Math.max(1, Math.ceil(((lastSecond[0] ?? now) + 1000 - now) / 1000));
    answered429++;
    return {
      ok: false,
      status: 429,
      description: `Too Many Requests: retry after ${wait}`,
      retryAfter: wait,
    };
  }

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const wakePollers = () => {
    for (const poller of [...pollers]) poller();
  };

  function pushUpdate(update: UpdateContent & { update_id?: number }): Update {
    const full = { ...update, update_id: update.update_id ?? nextUpdateId++ } as Update;
    nextUpdateId = Math.max(nextUpdateId, full.update_id + 1);
    queue.push({ update: full, delivered: false });
    wakePollers();
    return full;
  }

  /** Updates for getUpdates: unconfirmed ones (id ≥ offset) and re-deliveries not yet handed out. */
  function takeUpdates(offset: number, limit: number): Update[] {
    const confirmed = (entry: Queued) => entry.delivered && entry.update.update_id < offset;
    // Confirmed updates leave from the front, where they gather, since updates are handed out in order: not a
    // pass over the whole queue per call, which held tens of thousands of updates under the benchmark's load.
    // One confirmed behind an unconfirmed re-delivery is skipped until it reaches the front.
    while (queue[0] && confirmed(queue[0])) queue.shift();
    const batch: Queued[] = [];
    for (const entry of queue) {
      if (batch.length >= limit) break;
      if (!confirmed(entry)) batch.push(entry);
    }
    for (const entry of batch) entry.delivered = true;
    return batch.map((entry) => entry.update);
  }

  async function getUpdates(
    payload: Record<string, unknown>,
    response: ServerResponse,
  ): Promise<Result | undefined> {
    if (webhook)
      return {
        ok: false,
        status: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      };
    const offset = numberField(payload, 'offset') ?? 0;
    const limit = Math.min(Math.max(numberField(payload, 'limit') ?? 100, 1), 100);
    const timeout = Math.max(numberField(payload, 'timeout') ?? 0, 0);
    let updates = takeUpdates(offset, limit);
    if (updates.length === 0 && timeout > 0) {
      // Long polling: answer as soon as an update arrives, or empty after `timeout` seconds.
      let wake = () => {};
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const timer = setTimeout(wake, timeout * 1000);
      const onClose = () => wake();
      pollers.add(wake);
      response.on('close', onClose);
      await woken;
      clearTimeout(timer);
      pollers.delete(wake);
      response.off('close', onClose);
      // The bot gave up (it is stopping): hand out nothing, so nothing is marked delivered in vain.
      if (response.destroyed || response.writableEnded) return undefined;
      updates = takeUpdates(offset, limit);
    }
    if (updates.length > 0) options.onServed?.(updates);
    return ok(updates);
  }

  function record(chatId: number, text: string, buttons: SentMessage['buttons']): SentMessage {
    const sent: SentMessage = { message_id: nextSentId++, chat_id: chatId, text, buttons };
    const list = (keepHistory && chats.get(chatId)) || [];
    list.push(sent);
    chats.set(chatId, list);
    options.onSent?.(sent);
    return sent;
  }

  function call(method: string, payload: Record<string, unknown>): Result {
    switch (method) {
      case 'getMe':
        return ok(me);
      case 'sendMessage': {
        if (failures429 > 0) {
          failures429--;
          answered429++;
          return {
            ok: false,
            status: 429,
            description: `Too Many Requests: retry after ${retryAfter}`,
            retryAfter,
          };
        }
        const chatId = numberField(payload, 'chat_id');
        if (chatId === undefined) return bad('chat_id is empty');
        const limited = overRate();
        if (limited) return limited;
        const gone = blocked.get(chatId);
        if (gone)
          return {
            ok: false,
            status: 403,
            description:
              gone === 'blocked'
                ? 'Forbidden: bot was blocked by the user'
                : 'Forbidden: user is deactivated',
          };
        const text = payload.text;
        const textProblem = checkText(text);
        if (textProblem) return bad(textProblem);
        const buttons = readKeyboard(field(payload, 'reply_markup'));
        if (typeof buttons === 'string') return bad(buttons);
        const sent = record(chatId, String(text), buttons);
        return ok(botMessage(me, sent));
      }
      case 'sendPhoto': {
        const chatId = numberField(payload, 'chat_id');
        if (chatId === undefined) return bad('chat_id is empty');
        // A file sent with the request is named `attach://part` (grammY does so); a string is a file_id or URL.
        const given = payload.photo;
        const photo =
          typeof given === 'string' && given.startsWith('attach://') ? payload[given.slice(9)] : given;
        if (!Buffer.isBuffer(photo) || photo.length === 0) return bad('there is no photo in the request');
        const caption = payload.caption;
        if (caption !== undefined && (typeof caption !== 'string' || caption.length > 1024))
          return bad('message caption is too long');
        const buttons = readKeyboard(field(payload, 'reply_markup'));
        if (typeof buttons === 'string') return bad(buttons);
        const sent = record(chatId, typeof caption === 'string' ? caption : '', buttons);
        sent.photo = photo;
        const { text: _, ...message } = botMessage(me, sent) as Message & { text?: string };
        const id = `photo-${sent.message_id}`;
        return ok({ ...message, caption, photo: [{ file_id: id, file_unique_id: id, width: 0, height: 0 }] });
      }
      case 'editMessageText': {
        const chatId = numberField(payload, 'chat_id');
        const messageId = numberField(payload, 'message_id');
        const message = chats.get(chatId ?? Number.NaN)?.find((m) => m.message_id === messageId);
        if (!message || chatId === undefined) return bad('message to edit not found');
        const textProblem = checkText(payload.text);
        if (textProblem) return bad(textProblem);
        const buttons = readKeyboard(field(payload, 'reply_markup'));
        if (typeof buttons === 'string') return bad(buttons);
        if (message.text === payload.text && JSON.stringify(message.buttons) === JSON.stringify(buttons))
          return bad('message is not modified');
        message.text = String(payload.text);
        message.buttons = buttons;
        return ok(botMessage(me, message));
      }
      case 'answerCallbackQuery': {
        const id = String(payload.callback_query_id ?? '');
        if (!unanswered.has(id))
          return bad('query is too old and response timeout expired or query ID is invalid');
        if (typeof payload.text === 'string' && payload.text.length > 200) return bad('MESSAGE_TOO_LONG');
        unanswered.delete(id);
        return ok(true);
      }
      case 'sendChatAction':
        return numberField(payload, 'chat_id') === undefined ? bad('chat_id is empty') : ok(true);
      case 'setMyCommands': {
        const list = field(payload, 'commands');
        if (!Array.isArray(list) || list.length > 100) return bad('commands must be a list of at most 100');
        for (const item of list) {
          const command = asRecord(item);
          if (typeof command?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command))
            return bad('BOT_COMMAND_INVALID');
          if (
            typeof command.description !== 'string' ||
            command.description.length < 1 ||
            command.description.length > 256
          )
            return bad('BOT_COMMAND_DESCRIPTION_INVALID');
        }
        commands.set(String(payload.language_code ?? ''), list);
        return ok(true);
      }
      case 'getMyCommands':
        return ok(commands.get(String(payload.language_code ?? '')) ?? []);
      case 'deleteMyCommands':
        commands.delete(String(payload.language_code ?? ''));
        return ok(true);
      case 'setWebhook': {
        const url = payload.url;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url))
          return bad('bad webhook: an HTTPS URL must be provided');
        const secret = payload.secret_token;
        webhook = { url, ...(typeof secret === 'string' ? { secretToken: secret } : {}) };
        wakePollers();
        return ok(true);
      }
      case 'deleteWebhook':
        webhook = undefined;
        if (payload.drop_pending_updates === true || payload.drop_pending_updates === 'true') queue = [];
        return ok(true);
      case 'getWebhookInfo':
        return ok({
          url: webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: queue.filter((entry) => !entry.delivered).length,
        });
      default:
        // Harmless methods (logOut, setMyDescription, …) succeed without doing anything.
        return ok(true);
    }
  }

  function respond(response: ServerResponse, result: Result): void {
    const body =
      result.ok === true
        ? { ok: true, result: result.result }
        : {
            ok: false,
            error_code: result.status,
            description: result.description,
            ...(result.retryAfter === undefined ? {} : { parameters: { retry_after: result.retryAfter } }),
          };
    const text = JSON.stringify(body);
    response.writeHead(result.ok ? 200 : result.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return respond(response, { ok: false, status: 404, description: 'Not Found' });
    const [, givenToken, method = ''] = match;
    // Read the body even when refusing, so that a keep-alive connection stays usable.
    let payload: Record<string, unknown>;
    try {
      payload = await readPayload(request, url);
    } catch {
      return respond(response, bad("can't parse request body"));
    }
    if (givenToken !== token)
      return respond(response, { ok: false, status: 401, description: 'Unauthorized' });
    // Telegram's method names are case-insensitive.
    const name = KNOWN_METHODS.find((known) => known.toLowerCase() === method.toLowerCase()) ?? method;
    if (name === 'getUpdates') {
      const result = await getUpdates(payload, response);
      if (result) respond(response, result);
      return;
    }
    if (keepHistory) calls.push({ method: name, payload });
    const result = call(name, payload);
    respond(response, result);
    notify();
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        respond(response, { ok: false, status: 500, description: `Internal Server Error: ${String(error)}` });
    });
  });
  // Many bots keep a connection open per request in flight; do not let Node's default limits get in the way.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'a condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      listeners.add(listener);
    });
  }

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botUsername,
    calls,
    get webhook() {
      return webhook;
    },
    pushUpdate,
    sendText: (userId, text, options) => pushUpdate(updates.text(userId, text, options)),
    sendMedia: (userId, kind, options) => pushUpdate(updates.media(userId, kind, options)),
    pressButton(userId, data, options = {}) {
      const chatId = options.chat?.id ?? userId;
      const last = chats.get(chatId)?.at(-1);
      const update = updates.press(userId, data, options, last && botMessage(me, last));
      unanswered.add(update.callback_query?.id ?? '');
      return pushUpdate(update);
    },
    redeliver(update) {
      queue.push({ update, delivered: false });
      wakePollers();
    },
    inject429(count, seconds) {
      failures429 = count;
      retryAfter = seconds;
    },
    block(chatId, why = 'blocked') {
      blocked.set(chatId, why);
    },
    get tooManyRequests() {
      return answered429;
    },
    messagesTo: (chatId) => [...(chats.get(chatId) ?? [])],
    async replies(chatId, count, timeoutMs = 5000) {
      const start = cursors.get(chatId) ?? 0;
      const arrived = () => chats.get(chatId)?.length ?? 0;
      try {
        await waitFor(() => arrived() >= start + count, timeoutMs, `${count} replies to chat ${chatId}`);
      } catch (error) {
        const got = (chats.get(chatId) ?? []).slice(start).map((m) => m.text.slice(0, 60));
        throw new Error(`${(error as Error).message}; got ${got.length}: ${JSON.stringify(got)}`);
      }
      cursors.set(chatId, start + count);
      return (chats.get(chatId) ?? []).slice(start, start + count);
    },
    async quiet(chatId, ms = 300) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const start = cursors.get(chatId) ?? 0;
      const extra = (chats.get(chatId) ?? []).slice(start);
      cursors.set(chatId, start + extra.length);
      return extra;
    },
    waitFor,
    callsOf: (method) => calls.filter((entry) => entry.method === method),
    unansweredCallbacks: () => [...unanswered],
    async close() {
      wakePollers();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const KNOWN_METHODS = [
  'getMe',
  'getUpdates',
  'sendMessage',
  'sendPhoto',
  'editMessageText',
  'answerCallbackQuery',
  'sendChatAction',
  'setMyCommands',
  'getMyCommands',
  'deleteMyCommands',
  'setWebhook',
  'deleteWebhook',
  'getWebhookInfo',
];

/**
 * By hand: `node --import tsx src/test-support/bot-api-server.ts [port]` serves the fake Telegram and plays one
 * user on the terminal. Start the bot against it in another terminal with the two variables it prints; then
 * type a line to send it as text (or a /command), `#2` to press the second button of the last message, or
 * `@photo` to send a photo. Every message of the bot is printed with its numbered buttons.
 */
async function playByHand(port: number): Promise<void> {
  const USER = 1;
  let buttons: string[] = [];
  const server = await startBotApiServer({
    port,
    onSent(message) {
      const flat = message.buttons.flat();
      if (flat.length > 0) buttons = flat.map((button) => button.data);
      const numbered = flat.map((button, i) => `  [${i + 1}] ${button.text}`).join('\n');
      process.stdout.write(`\n${message.text}\n${numbered}${numbered ? '\n' : ''}> `);
    },
  });
  process.stdout.write(
    `Fake Telegram on ${server.apiRoot}. Run the bot with:\n` +
      `  TELEGRAM_API_ROOT=${server.apiRoot} TELEGRAM_BOT_TOKEN='${server.token}' npx sobesednik bot\n> `,
  );
  for await (const line of createInterface({ input: process.stdin })) {
    const press = /^#(\d+)$/.exec(line.trim());
    if (press) {
      const data = buttons[Number(press[1]) - 1];
      if (data) server.pressButton(USER, data);
      else process.stdout.write(`no button ${press[1]}\n> `);
    } else if (line.trim() === '@photo') server.sendMedia(USER, 'photo');
    else if (line.trim() !== '') server.sendText(USER, line);
  }
  await server.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await playByHand(Number(process.argv[2] ?? 8081));
