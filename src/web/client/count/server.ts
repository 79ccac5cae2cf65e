import type { StationReview } from '../../../count/review.js';
import type { VolunteerRole } from '../../../count/storage.js';
import type { Lang } from '../texts.js';
import { observe } from './clock.js';
import type { PollAnswer } from './journal.js';

// The calls the counter makes besides sending actions (sync.ts): redeeming the invite, the station's total as
// everyone may see it, and, for a coordinator, inviting a volunteer. Each answer also tells the server's time
// (clock.ts).

export interface Joined {
  token: string;
  election: string;
  station: string;
  role: VolunteerRole;
}

export type JoinResult = { ok: true; joined: Joined } | { ok: false; reason: 'refused' | 'offline' | 'busy' };

/** JSON from the same origin, or null for a body that is not JSON; rejects when the server cannot be reached. */
async function call(
  path: string,
  init: RequestInit = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; data: unknown }> {
  const sentAt = Date.now();
  const response = await fetch(path, {
    ...init,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    credentials: 'omit',
    cache: 'no-store',
  });
  observe(response, sentAt);
  return { status: response.status, data: await response.json().catch(() => null) };
}

export async function redeem(code: string): Promise<JoinResult> {
  try {
    const { status, data } = await call('/api/count/join', {
      method: 'POST',
      body: JSON.stringify({ code }),
    });
    const joined = data as Partial<Joined> | null;
    if (status === 200 && joined?.token && joined.election && joined.station)
      return {
        ok: true,
        joined: {
          token: joined.token,
          election: joined.election,
          station: joined.station,
          role: joined.role === 'coordinator' ? 'coordinator' : 'volunteer',
        },
      };
    if (status === 429) return { ok: false, reason: 'busy' };
    // A restarting server or its proxy: the code is not spent, the link may be tried again.
    if (status >= 500) return { ok: false, reason: 'offline' };
    return { ok: false, reason: 'refused' };
  } catch {
    return { ok: false, reason: 'offline' };
  }
}

/** The station's counted figure (null while it has none), or undefined when the server cannot be asked. */
export async function stationTotal(election: string, station: string): Promise<number | null | undefined> {
  try {
    const { status, data } = await call(
      `/api/count/elections/${encodeURIComponent(election)}/stations/${encodeURIComponent(station)}/live`,
    );
    const live = data as { counted?: { value?: unknown } } | null;
    if (status !== 200 || typeof live?.counted !== 'object') return undefined;
    const value = live.counted.value;
    return typeof value === 'number' ? Math.round(value) : null;
  } catch {
    return undefined;
  }
}

export interface Invite {
  /** The link that opens the web counter and joins. */
  web: string;
  /** The same invite through the bot, when the server knows the bot's name. */
  telegram: string | null;
  expiresAt: string;
}

export type InviteResult =
  | { ok: true; invite: Invite }
  | { ok: false; reason: 'offline' | 'refused' | 'busy' | 'failed' };

/** One single-use invite for a volunteer at the coordinator's own station, made with their token. */
export async function makeInvite(session: {
  token: string;
  election: string;
  station: string;
}): Promise<InviteResult> {
  try {
    const { status, data } = await call(
      '/api/count/invites',
      { method: 'POST', body: JSON.stringify({ election: session.election, station: session.station }) },
      { Authorization: `Bearer ${session.token}` },
    );
    const made = data as { codes?: Partial<Invite>[]; expiresAt?: string } | null;
    const first = made?.codes?.[0];
    if (status === 201 && typeof first?.web === 'string' && typeof made?.expiresAt === 'string')
      return {
        ok: true,
        invite: {
          web: first.web,
          telegram: typeof first.telegram === 'string' ? first.telegram : null,
          expiresAt: made.expiresAt,
        },
      };
    if (status === 401 || status === 403) return { ok: false, reason: 'refused' };
    if (status === 429) return { ok: false, reason: 'busy' };
    return { ok: false, reason: status >= 500 ? 'offline' : 'failed' };
  } catch {
    return { ok: false, reason: 'offline' };
  }
}

export interface ElectionInfo {
  title: Record<Lang, string>;
  answers: PollAnswer[];
}

/** The election's title and exit-poll answers, or undefined when they cannot be had (the id is shown instead). */
export async function electionInfo(election: string): Promise<ElectionInfo | undefined> {
  try {
    const { status, data } = await call('/api/count/elections');
    const list = (data as { elections?: (Partial<ElectionInfo> & { id: string })[] } | null)?.elections;
    const found = status === 200 && Array.isArray(list) ? list.find((e) => e.id === election) : undefined;
    if (!found?.title) return undefined;
    return { title: found.title, answers: Array.isArray(found.answers) ? found.answers : [] };
  } catch {
    return undefined;
  }
}

/** The invite code is kept only as this hash: enough to know the same link when it is opened again. */
export async function hashCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type ReviewResult =
  | { ok: true; review: StationReview }
  | { ok: false; reason: 'offline' | 'refused' | 'busy' | 'failed' };

type CoordinatorSession = { token: string; election: string; station: string };

const reviewPath = (session: CoordinatorSession, what: 'review' | 'exclusions') =>
  `/api/count/elections/${encodeURIComponent(session.election)}/stations/${encodeURIComponent(session.station)}/${what}`;

function refusedFor(status: number): Extract<ReviewResult, { ok: false }>['reason'] {
  if (status === 401 || status === 403) return 'refused';
  if (status === 429) return 'busy';
  return status >= 500 ? 'offline' : 'failed';
}

/** The coordinator's review of their own station (the server checks that it is theirs). */
export async function fetchReview(session: CoordinatorSession): Promise<ReviewResult> {
  try {
    const { status, data } = await call(
      reviewPath(session, 'review'),
      {},
      {
        Authorization: `Bearer ${session.token}`,
      },
    );
    const review = data as StationReview | null;
    if (status === 200 && Array.isArray(review?.volunteers) && Array.isArray(review?.buckets))
      return { ok: true, review };
    return { ok: false, reason: refusedFor(status) };
  } catch {
    return { ok: false, reason: 'offline' };
  }
}

/** Excludes a volunteer from the station's figures, or counts them again. */
export async function setExclusion(
  session: CoordinatorSession,
  volunteer: string,
  excluded: boolean,
): Promise<{ ok: true } | Extract<ReviewResult, { ok: false }>> {
  try {
    const { status } = await call(
      reviewPath(session, 'exclusions'),
      { method: 'POST', body: JSON.stringify({ volunteer, excluded }) },
      { Authorization: `Bearer ${session.token}` },
    );
    return status === 200 ? { ok: true } : { ok: false, reason: refusedFor(status) };
  } catch {
    return { ok: false, reason: 'offline' };
  }
}
