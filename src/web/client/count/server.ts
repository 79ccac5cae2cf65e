import { api } from '../api.js';

// The two calls the counter makes besides sending actions (sync.ts): redeeming the invite, and the station's
// total as everyone may see it.

export interface Joined {
  token: string;
  election: string;
  station: string;
}

export type JoinResult = { ok: true; joined: Joined } | { ok: false; reason: 'refused' | 'offline' | 'busy' };

export async function redeem(code: string): Promise<JoinResult> {
  try {
    const reply = await api<Joined>('POST', '/api/count/join', { code });
    const joined = reply.data;
    if (reply.status === 200 && joined && typeof joined.token === 'string') return { ok: true, joined };
    if (reply.status === 429) return { ok: false, reason: 'busy' };
    // A restarting server or its proxy: the code is not spent, the link may be tried again.
    if (reply.status >= 500) return { ok: false, reason: 'offline' };
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
    const reply = await api<Live>('GET', `/api/count/elections/${encodeURIComponent(election)}/live`);
    if (reply.status !== 200 || !reply.data) return undefined;
    const found = reply.data.stations.find((s) => s.station === station);
    const value = found?.counted.value;
    return typeof value === 'number' ? Math.round(value) : null;
  } catch {
    return undefined;
  }
}

/** The invite code is kept only as this hash: enough to know the same link when it is opened again. */
export async function hashCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
