import type { Counting, LiveStation } from '../../../count/counting.js';

// The stream's fan-out: one watch of counting per election that has clients, one serialization per station
// update, the same bytes handed to every client; and one heartbeat timer for all of them. With 5,000 clients an
// update costs one JSON.stringify and 5,000 queued writes, not 5,000 serializations.

export interface StreamClient {
  /** Receives ready-made Server-Sent Events bytes; must not throw. */
  send(chunk: Uint8Array): void;
  /** Ends the client's response (the server is stopping). */
  end(): void;
}

export interface Broadcaster {
  /** Adds a client to an election's stream; returns its removal. */
  join(election: string, client: StreamClient): () => void;
  /** Clients connected now, over all elections. */
  readonly clients: number;
  /** Ends every client's stream, and any that joins later: the server is stopping and must not wait for them. */
  close(): void;
}

export interface BroadcasterOptions {
  watch: Counting['watch'];
  /** A comment line this often keeps proxies from closing an idle stream (they often give up after 30–60 s). */
  heartbeatMs: number;
}

const encoder = new TextEncoder();
/** A comment (ignored by EventSource): sent at connection and as the heartbeat. */
export const HEARTBEAT = encoder.encode(':\n\n');

/** One station update as an SSE message of the default type, so EventSource's `onmessage` receives it. */
export function stationMessage(station: LiveStation): Uint8Array {
  return encoder.encode(`data: ${JSON.stringify(station)}\n\n`);
}

export function createBroadcaster(options: BroadcasterOptions): Broadcaster {
  const elections = new Map<string, { clients: Set<StreamClient>; unwatch: () => void }>();
  let count = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  const sendAll = (clients: Iterable<StreamClient>, chunk: Uint8Array) => {
    for (const client of clients) client.send(chunk);
  };

  return {
    join(election, client) {
      if (closed) {
        client.end();
        return () => {};
      }
      let group = elections.get(election);
      if (!group) {
        const clients = new Set<StreamClient>();
        group = { clients, unwatch: options.watch(election, (s) => sendAll(clients, stationMessage(s))) };
        elections.set(election, group);
      }
      group.clients.add(client);
      count++;
      heartbeat ??= setInterval(() => {
        for (const { clients } of elections.values()) sendAll(clients, HEARTBEAT);
      }, options.heartbeatMs).unref();

      const joined = group;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        joined.clients.delete(client);
        count--;
        if (joined.clients.size === 0) {
          joined.unwatch();
          elections.delete(election);
        }
        if (count === 0 && heartbeat) {
          clearInterval(heartbeat);
          heartbeat = undefined;
        }
      };
    },
    get clients() {
      return count;
    },
    close() {
      closed = true;
      for (const { clients } of [...elections.values()]) for (const client of [...clients]) client.end();
    },
  };
}
