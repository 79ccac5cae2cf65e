import { createHash, timingSafeEqual } from 'node:crypto';
import type { HTTPException } from 'hono/http-exception';
import { refuse } from '../../errors.js';

// Bearer tokens as count's routes read them: a volunteer's or coordinator's from joining, or ADMIN_TOKEN.

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]{1,200}=*) *$/i;

/** The token of an `Authorization: Bearer …` header, or undefined for none or another scheme. */
export function bearerToken(header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1];
}

/** 401 with the header that tells a client a bearer token is wanted. */
export function unauthorized(message: string): HTTPException {
  return refuse(401, message, { 'WWW-Authenticate': 'Bearer' });
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so that the time taken tells nothing of how much of the token was right. */
export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
