import { createHash, timingSafeEqual } from 'node:crypto';
import type { HTTPException } from 'hono/http-exception';
import type { Counting } from '../../../count/counting.js';
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

/** OpenAPI's "no token, or either"; typed here, since a literal of alternatives confuses the route's inference. */
export const ANYONE_OR_TOKEN: Record<string, string[]>[] = [{}, { adminToken: [] }, { countToken: [] }];

/**
 * Whether the caller may see an election's exit poll before it is public: ADMIN_TOKEN, or a coordinator of that
 * election. No Authorization header: no; a header that is not a known bearer token: 401.
 */
export async function seesExitPollEarly(
  deps: { counting: Pick<Counting, 'volunteerByToken'>; adminToken?: string | undefined },
  election: string,
  header: string | undefined,
): Promise<boolean> {
  if (header === undefined) return false;
  const token = bearerToken(header);
  if (token === undefined)
    throw unauthorized('send ADMIN_TOKEN or a coordinator token as Authorization: Bearer TOKEN');
  if (deps.adminToken !== undefined && sameToken(token, deps.adminToken)) return true;
  const holder = await deps.counting.volunteerByToken(token);
  if (!holder) throw unauthorized('unknown token');
  return holder.role === 'coordinator' && holder.election === election;
}
