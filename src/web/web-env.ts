import type { Hono } from 'hono';

/** Per-request values the middleware shares with the handlers. */
export interface WebEnv {
  Variables: {
    /** A route's name for logs and metrics, when its path must not be shown (the webhook's). */
    routeLabel: string;
  };
}

export type WebApp = Hono<WebEnv>;
