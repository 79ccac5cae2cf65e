import type { Lang } from '../texts.js';
import { observe } from './clock.js';

// The two calls the counter makes besides sending actions (sync.ts): redeeming the invite, and the station's
// total as everyone may see it. Each answer also tells the server's time (clock.ts).

export interface Joined {
  token: string;
  election: string;
  station: string;
}

export type JoinResult = { ok: true; joined: Joined } | { ok: false; reason: 'refused' | 'offline' | 'busy' };

/** JSON from the same origin, or null for a body that is not JSON; rejects when the server cannot be reached. */
async function call(path: string, init: RequestInit = {}): Promise<{ status: number; data: unknown }> {
  const sentAt = Date.now();
  const response = await fetch(path, {
    ...init,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
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
        joined: { token: joined.token, election: joined.election, station: joined.station },
      };
    if (status === 429) return { ok: false, reason: 'busy' };
    // A restarting server or its proxy: the code is not spent, the link may be tried again.
    if (status >= 500) return { ok: false, reason: 'offline' };
    return { ok: false, reason: 'refused' };
  } catch {
    return { ok: false, reason: 'offline' };
  }
}

interface Live {
  stations: { station: string; counted: { value: number | null } }[];
}

/** The station's counted figure (null while it has none), or undefined when the server cannot be asked. */
export async function stationTotal(election: string, station: string): Promise<number | null | undefined> {
  try {
    const { status, data } = await call(`/api/count/elections/${encodeURIComponent(election)}/live`);
    const live = data as Live | null;
    if (status !== 200 || !Array.isArray(live?.stations)) return undefined;
    const value = live.stations.find((s) => s.station === station)?.counted.value;
    return typeof value === 'number' ? Math.round(value) : null;
  } catch {
    return undefined;
  }
}

/** The election's title in both languages, or undefined when it cannot be had (the id is shown instead). */
export async function electionTitle(election: string): Promise<Record<Lang, string> | undefined> {
  try {
    const { status, data } = await call('/api/count/elections');
    const list = (data as { elections?: { id: string; title: Record<Lang, string> }[] } | null)?.elections;
    return status === 200 && Array.isArray(list) ? list.find((e) => e.id === election)?.title : undefined;
  } catch {
    return undefined;
  }
}

/** The invite code is kept only as this hash: enough to know the same link when it is opened again. */
export async function hashCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
