// The phone's clock may be wrong: set by hand to local time in the wrong time zone, it is off by hours, and the
// server refuses a tap "from the future" or files it under the wrong quarter of an hour. Every answer from the
// server carries its time (the Date header); the difference, when it is more than the network's delay, is kept
// and added to every action's time, so the counts are right even before the volunteer fixes the clock.

const KEY = 'sobesednik-count-clock';
/** Below this a difference is the network's delay and the header's whole seconds, not a wrong clock. */
const TRUST_MS = 60_000;

let offset = Number(localStorage.getItem(KEY)) || 0;

/** The server's idea of now, as far as this phone knows it. */
export function now(): number {
  return Date.now() + offset;
}

/** How far the phone's clock is off, in milliseconds (positive: the phone is behind). */
export function clockOffset(): number {
  return offset;
}

/** Learns the server's time from an answer to a request sent at `sentAt` (the phone's Date.now()). */
export function observe(response: Response, sentAt: number): void {
  const server = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(server)) return;
  // The header's time is somewhere in the request's round trip, rounded down to the second.
  const skew = server + 500 - (sentAt + Date.now()) / 2;
  offset = Math.abs(skew) > TRUST_MS ? Math.round(skew) : 0;
  localStorage.setItem(KEY, String(offset));
}
