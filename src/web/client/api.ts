// JSON over fetch to the same origin; the answer's shape is the caller's to state, since the server's
// schemas live on the Node side of the build.

export interface ApiReply<T> {
  status: number;
  data: T | null;
}

/** Resolves on any HTTP status (a refusal is data too); rejects only when the server cannot be reached. */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiReply<T>> {
  const init: RequestInit = {
    method,
    headers: { Accept: 'application/json', ...headers },
    credentials: 'same-origin',
  };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const data = (await response.json().catch(() => null)) as T | null;
  return { status: response.status, data };
}

/** The server's `{ error }` refusal as an Error to show. */
export function refusal(reply: ApiReply<unknown>): Error {
  const error = (reply.data as { error?: unknown } | null)?.error;
  return new Error(typeof error === 'string' ? error : `HTTP ${reply.status}`);
}
