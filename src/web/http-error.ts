import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error whose message is safe and meant for the client: shown as {error} with its status. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
