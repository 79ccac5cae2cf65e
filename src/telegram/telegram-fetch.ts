import type { Readable } from 'node:stream';
import type { ApiClientOptions } from 'grammy';
import { Agent, request } from 'undici';

// grammY's own client (node-fetch over Node's http module) was the largest cost of an update on the bot's
// event loop (see bench/); undici's pooled request costs about half. grammY passes a URL, a method, headers, a
// body (a string, or a stream for file uploads) and an abort signal, and reads only the response's JSON.

type GrammyFetch = NonNullable<ApiClientOptions['fetch']>;
type FetchInit = NonNullable<Parameters<GrammyFetch>[1]>;

/** One pool of keep-alive connections per Bot API origin, for the whole process (as grammY keeps its agents). */
const dispatcher = new Agent({ keepAliveTimeout: 30_000 });

async function undiciFetch(url: Parameters<GrammyFetch>[0], init: FetchInit = {}) {
  const response = await request(String(url), {
    dispatcher,
    method: (init.method ?? 'GET') as 'GET' | 'POST',
    headers: init.headers as Record<string, string> | undefined,
    body: init.body as string | Readable | null | undefined,
    signal: init.signal as AbortSignal | null | undefined,
  });
  // Telegram answers every call, refused ones included, with JSON that grammY reads for `ok`.
  return { json: () => response.body.json() };
}

/** grammY's `client.fetch`: the Bot API over undici. Only what grammY uses of a fetch Response is there. */
export const telegramFetch = undiciFetch as unknown as GrammyFetch;
