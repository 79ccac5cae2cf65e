import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveStation } from '../../../count/counting.js';
import { createBroadcaster, HEARTBEAT } from './broadcaster.js';

// The fan-out alone, with a hand-driven watch: one subscription and one serialization per election, whatever the
// number of clients.

const station = (number: string): LiveStation => ({
  station: number,
  country: 'RS',
  city: 'Belgrade',
  timezone: 'Europe/Belgrade',
  counted: { value: 12, coverage: 0.5 },
  queue: null,
  updatedAt: '2026-03-10T12:00:00.000Z',
});

function fakeWatch() {
  const listeners = new Map<string, (s: LiveStation) => void>();
  const watch = vi.fn((election: string, listener: (s: LiveStation) => void) => {
    listeners.set(election, listener);
    return () => listeners.delete(election);
  });
  return { watch, listeners, emit: (election: string, s: LiveStation) => listeners.get(election)?.(s) };
}

/** A client that keeps what it was sent. */
function collector() {
  const chunks: Uint8Array[] = [];
  const state = { ended: false };
  return {
    chunks,
    state,
    client: {
      send: (chunk: Uint8Array) => void chunks.push(chunk),
      end: () => {
        state.ended = true;
      },
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the stream broadcaster', () => {
  it("watches each election once and hands every client of it the same bytes, and only its election's", () => {
    const { watch, listeners, emit } = fakeWatch();
    const broadcaster = createBroadcaster({ watch, heartbeatMs: 60_000 });
    const clients = Array.from({ length: 1000 }, collector);
    const received = clients.map((c) => c.chunks);
    const leaves = clients.map((c) => broadcaster.join('a', c.client));
    const { chunks: other, client } = collector();
    const leaveOther = broadcaster.join('b', client);
    expect(watch).toHaveBeenCalledTimes(2);
    expect(broadcaster.clients).toBe(1001);

    emit('a', station('8267'));
    const first = received[0]?.[0];
    expect(new TextDecoder().decode(first)).toBe(`data: ${JSON.stringify(station('8267'))}\n\n`);
    expect(received.every((chunks) => chunks.length === 1 && chunks[0] === first)).toBe(true);
    expect(other).toEqual([]);

    for (const leave of leaves) leave();
    expect(listeners.has('a')).toBe(false);
    expect(listeners.has('b')).toBe(true);
    leaveOther();
    leaveOther();
    expect(broadcaster.clients).toBe(0);
  });

  it('sends a heartbeat comment to every client while any is connected, and stops after the last', () => {
    vi.useFakeTimers();
    const broadcaster = createBroadcaster({ watch: fakeWatch().watch, heartbeatMs: 15_000 });
    const { chunks: a, client: clientA } = collector();
    const { chunks: b, client: clientB } = collector();
    const leaveA = broadcaster.join('x', clientA);
    const leaveB = broadcaster.join('y', clientB);
    vi.advanceTimersByTime(30_000);
    expect(a).toEqual([HEARTBEAT, HEARTBEAT]);
    expect(b).toHaveLength(2);
    leaveA();
    leaveB();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends every stream when the server stops, and any that opens after', () => {
    const broadcaster = createBroadcaster({ watch: fakeWatch().watch, heartbeatMs: 15_000 });
    const [a, b, late] = [collector(), collector(), collector()];
    broadcaster.join('x', a.client);
    broadcaster.join('y', b.client);
    broadcaster.close();
    expect([a.state.ended, b.state.ended]).toEqual([true, true]);
    broadcaster.join('x', late.client);
    expect(late.state.ended).toBe(true);
  });
});
