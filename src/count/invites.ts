import type { Election } from '../catalogue/election.js';

// Invite codes as every front end hands them out (the CLI's `count invite`, the API's POST /api/count/invites):
// when they stop working, and the two links a volunteer opens. One rule for all, so that a code lasts as long
// whoever made it.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * When the codes stop working: at the end of the day after the election's last day wherever that day ends last
 * (UTC−12), so that a volunteer abroad can still join for late tallies; but never sooner than a week from now,
 * so that codes made after an election (paper tallies entered later, a rehearsal) are usable at all.
 */
export function inviteExpiry(election: Pick<Election, 'days'>, now: number): number {
  const lastDay = election.days.at(-1) ?? new Date(now).toISOString().slice(0, 10);
  const dayAfterEndsEverywhere = Date.parse(`${lastDay}T00:00:00Z`) + 2 * DAY_MS + 12 * HOUR_MS;
  return Math.max(dayAfterEndsEverywhere, now + 7 * DAY_MS);
}

export interface InviteLinks {
  code: string;
  /** Opens the web counter and joins. */
  web: string;
  /** Opens the bot and joins; null while the bot's username is not known. */
  telegram: string | null;
}

/** `base` is the web page's address as people reach it (no trailing slash); `bot` the bot's username. */
export function inviteLinks(code: string, where: { base: string; bot?: string | undefined }): InviteLinks {
  // The code goes after '#': a fragment is never sent to a server, so it stays out of every access log.
  const web = `${where.base.replace(/\/+$/, '')}/count/join#${code}`;
  return { code, web, telegram: where.bot ? `https://t.me/${where.bot}?start=c_${code}` : null };
}
