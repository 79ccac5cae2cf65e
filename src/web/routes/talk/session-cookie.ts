import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { refuse } from '../../errors.js';

// A web session is a random 128-bit id, held by the browser in an httpOnly cookie and repeated in the URL.
// Requiring both means another site cannot drive a session (SameSite=Strict keeps the cookie off its requests)
// and a leaked URL alone is useless. The store sees only services.userKey('web', id), an HMAC of it.

export const SESSION_COOKIE = 'sobesednik_session';
const SESSION_ID = /^[0-9a-f]{32}$/;

export function newSessionId(): string {
  return randomBytes(16).toString('hex');
}

function cookieOptions(c: Context) {
  return {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    // Secure only over HTTPS: Chromium refuses Secure cookies on plain http://127.0.0.1.
    secure: new URL(c.req.url).protocol === 'https:',
  } as const;
}

/** No Max-Age: the cookie ends with the browser session, and the conversation state is then unreachable. */
export function setSessionCookie(c: Context, id: string): void {
  setCookie(c, SESSION_COOKIE, id, cookieOptions(c));
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
}

/** Lets the request through only if the session of the URL is the cookie's: 403 otherwise. */
export const ownSession: MiddlewareHandler = async (c, next) => {
  const id = c.req.param('id') ?? '';
  if (!SESSION_ID.test(id) || getCookie(c, SESSION_COOKIE) !== id)
    throw refuse(403, 'this session does not belong to this browser (the session cookie does not match)');
  await next();
};
