import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { type Child, cpuUs, startChild } from './child.js';
import { BENCH_ANSWERS, type CountFixture, prepareCount } from './count-fixture.js';

// Count under load, from other processes over loopback HTTP, on SQLite:
// 1. volunteers' batches (1–20 events, fresh UUIDs, timed now) through POST /api/count/events: saturated
//    (autocannon), and sent at an even pace at the offered rate; beside a bare Hono endpoint that only parses the
//    same JSON;
// 2. thousands of open live streams while events flow: how long an accepted event takes to reach the last reader,
//    and the server's memory.

export interface CountLoadOptions {
  stations: number;
  volunteers: number;
  /** Length of each saturated run and of the run at the offered rate. */
  seconds: number;
  connections: number;
  /** Events per second offered for the latency run (the target is 5,000). */
  offeredEventsPerS: number;
  sseClients: number;
  sseSeconds: number;
  /** Events per second flowing to the other stations while the streams are open. */
  sseEventsPerS: number;
}

export interface CountLoadResult {
  eventsPerS: number;
  saturatedP99Ms: number;
  p99Ms: number;
  offeredEventsPerS: number;
  bareEventsPerS: number;
  ratioVsBare: number;
  errors: number;
  fanoutP99Ms: number | null;
  fanoutSamples: number;
  /** Probe updates a stream client never received (a dropped or lagging client). */
  sseMissed: number;
  /** Streams the server closed during the run. */
  sseClosed: number;
  /** The server died during the streams' run (out of memory, most likely). */
  sseServerExited: boolean;
  /** Server CPU time (all threads) per event accepted, in the saturated run. */
  cpuUsPerEvent: number;
  sseRssMb: number;
  peakRssMb: number;
}

/** The mean number of events in a batch of 1–20. */
const MEAN_BATCH = 10.5;
/** Apart by more than the stream's coalescing (one update a second per station), so each probe is sent alone. */
const PROBE_EVERY_MS = 1500;

const now = () => performance.timeOrigin + performance.now();

/** A phone's batch, as the offline counter sends it: mostly taps, a queue report or an exit-poll answer now and then. */
export function batch(size: number, at = Date.now()): { events: object[] } {
  const events: object[] = [];
  for (let j = 0; j < size; j++) {
    // Taps a few hundred milliseconds apart, the newest a moment ago: what queued up while the network was slow.
    const time = new Date(at - (size - j) * 400 - Math.floor(Math.random() * 1000)).toISOString();
    const roll = Math.random();
    if (roll < 0.9) events.push({ id: randomUUID(), kind: 'entry', at: time });
    else if (roll < 0.95)
      events.push({
        id: randomUUID(),
        kind: 'queue',
        at: time,
        people: Math.floor(Math.random() * 400),
        waitMinutes: Math.floor(Math.random() * 180),
      });
    else {
      const answer = BENCH_ANSWERS[Math.floor(Math.random() * BENCH_ANSWERS.length)];
      events.push({ id: randomUUID(), kind: 'exitpoll', at: time, answer });
    }
  }
  return { events };
}

interface Cannon {
  accepted: number;
  eventsPerS: number;
  p99Ms: number;
  errors: number;
}

/** Posts batches round the volunteers' tokens; counts the events the server says it accepted. */
async function cannon(
  base: string,
  tokens: readonly string[],
  options: { seconds: number; connections: number },
): Promise<Cannon> {
  let next = 0;
  let accepted = 0;
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const token = tokens[next++ % tokens.length];
          return {
            ...request,
            path: '/api/count/events',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(batch(1 + Math.floor(Math.random() * 20))),
          };
        },
        onResponse: (status, body) => {
          if (status === 200) accepted += (JSON.parse(body) as { accepted: number }).accepted;
        },
      },
    ],
  });
  return {
    accepted,
    eventsPerS: Math.round(accepted / options.seconds),
    p99Ms: result.latency.p99,
    // autocannon counts timeouts among the errors.
    errors: result.errors + result.non2xx,
  };
}

/**
 * Posts batches at an even pace (open loop): each is due at its own moment whether or not earlier ones were
 * answered, and its latency runs from that moment, so a server that falls behind is charged for the wait.
 * autocannon's overallRate sends each second's share in a burst at the start of the second, which measures the
 * burst's queue rather than the rate.
 */
async function paced(
  base: string,
  tokens: readonly string[],
  options: { seconds: number; connections: number; eventsPerS: number },
): Promise<Cannon> {
  const pool = new Pool(base, { connections: options.connections, pipelining: 1 });
  const perS = Math.max(1, options.eventsPerS / MEAN_BATCH);
  const total = Math.round(perS * options.seconds);
  const latencies: number[] = [];
  let accepted = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perS;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    const token = tokens[i % tokens.length];
    inFlight.push(
      pool
        .request({
          method: 'POST',
          path: '/api/count/events',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(batch(1 + Math.floor(Math.random() * 20))),
        })
        .then(async (response) => {
          const body = await response.body.text();
          latencies.push(now() - due);
          if (response.statusCode === 200) accepted += (JSON.parse(body) as { accepted: number }).accepted;
          else errors++;
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inFlight);
  await pool.close();
  return {
    accepted,
    eventsPerS: Math.round(accepted / ((now() - started) / 1000)),
    p99Ms: Math.round(percentile(latencies, 0.99) ?? 0),
    errors,
  };
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

function serverOn(databaseUrl: string, manyFiles = false): Promise<Child> {
  const env = { DATABASE_URL: databaseUrl, SOBESEDNIK_SECRET: 'c'.repeat(64), PORT: '0' };
  return startChild('web-server.ts', env, () => true, { manyFiles });
}

/** Volunteers' events at full speed and at the offered rate, and the bare baseline at full speed. */
async function measureEvents(databaseUrl: string, tokens: string[], o: CountLoadOptions) {
  const bare = await startChild('count-bare-server.ts', {});
  let bareRun: Cannon;
  try {
    bareRun = await cannon(bare.firstLine.trim(), tokens, o);
  } finally {
    await bare.stop();
  }
  const server = await serverOn(databaseUrl);
  try {
    const base = server.firstLine.trim();
    // A short warm-up: the first requests compile the routes and fill the statement cache.
    await cannon(base, tokens, { ...o, seconds: 1 });
    const cpuBefore = cpuUs(server);
    const saturated = await cannon(base, tokens, o);
    // CPU time per event does not depend on what else the machine runs, as events per second does.
    const cpuUsPerEvent = Math.round((cpuUs(server) - cpuBefore) / Math.max(1, saturated.accepted));
    const offered = await paced(base, tokens, { ...o, eventsPerS: o.offeredEventsPerS });
    return { bare: bareRun, saturated, offered, cpuUsPerEvent, peakRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
  }
}

/**
 * Sends one tap to the probe station every PROBE_EVERY_MS until `until`; returns when each was sent. Stops early
 * if the server stops answering (a crash, or a stall longer than the whole run).
 */
async function probe(base: string, token: string, until: number): Promise<Map<number, number>> {
  const sent = new Map<number, number>();
  let seq = 0;
  while (now() < until) {
    const at = now();
    const signal = AbortSignal.timeout(Math.max(1000, Math.round(until - at)));
    let status: number;
    try {
      const response = await fetch(`${base}/api/count/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ events: [{ id: randomUUID(), kind: 'entry', at: new Date().toISOString() }] }),
        signal,
      });
      status = response.status;
    } catch (error) {
      // fetch fails with a TypeError when the connection does, and a TimeoutError when the signal fires.
      if (error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError')) break;
      throw error;
    }
    if (status !== 200) throw new Error(`bench: the probe's event was refused (${status})`);
    sent.set(++seq, at);
    await sleep(Math.max(0, PROBE_EVERY_MS - (now() - at)));
  }
  return sent;
}

/** Open streams while events flow: fan-out time to the last reader, and the server's memory. */
async function measureStreams(
  databaseUrl: string,
  fixture: CountFixture,
  tokens: string[],
  o: CountLoadOptions,
) {
  const probeStation = fixture.stations.at(-1) as string;
  const probeToken = fixture.volunteers.find((v) => v.station === probeStation)?.token as string;
  const server = await serverOn(databaseUrl, true);
  // Read now and then: if the server dies of the load, its last reading is what it reached.
  const sampler = setInterval(() => server.peakRssMb(), 1000);
  try {
    const base = server.firstLine.trim();
    const readers = await startChild(
      'count-sse-clients.ts',
      {
        SSE_URL: `${base}/api/count/elections/${fixture.election}/stream`,
        SSE_CLIENTS: String(o.sseClients),
        SSE_PROBE: probeStation,
      },
      (line) => line.startsWith('ready'),
      { manyFiles: true },
    );
    const arrivals = new Map<number, { received: number; last: number }>();
    let closed = 0;
    const done = new Promise<void>((resolve) =>
      readers.onLine((line) => {
        const message = JSON.parse(line) as { seq?: number; received: number; last: number; closed?: number };
        if (message.seq !== undefined) arrivals.set(message.seq, message);
        if (message.closed !== undefined) {
          closed = message.closed;
          resolve();
        }
      }),
    );
    try {
      const until = now() + o.sseSeconds * 1000;
      const [sent, flow] = await Promise.all([
        probe(base, probeToken, until),
        paced(base, tokens, {
          seconds: o.sseSeconds,
          connections: o.connections,
          eventsPerS: o.sseEventsPerS,
        }),
      ]);
      // The last probe's update may still be on its way to some readers.
      await sleep(3000);
      readers.process.kill('SIGTERM');
      await Promise.race([done, sleep(10_000)]);
      const fanouts: number[] = [];
      let missed = 0;
      for (const [seq, at] of sent) {
        // The first update runs code paths for the first time (a cold start, not fan-out): it is not counted.
        if (seq === 1) continue;
        const arrival = arrivals.get(seq);
        missed += o.sseClients - (arrival?.received ?? 0);
        if (arrival) fanouts.push(arrival.last - at);
      }
      return {
        fanoutP99Ms: percentile(fanouts, 0.99),
        fanoutSamples: fanouts.length,
        missed,
        closed,
        errors: flow.errors,
        serverExited: server.process.exitCode !== null || server.process.signalCode !== null,
        rssMb: server.peakRssMb(),
      };
    } finally {
      await readers.stop();
    }
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}
export async function measureCount(options: CountLoadOptions): Promise<CountLoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-bench-count-'));
  const databaseUrl = `sqlite:${path.join(dir, 'bench.db')}`;
  const fixture = await prepareCount(databaseUrl, options);
  // The last station is the probe's, which only the probe writes to.
  const probeStation = fixture.stations.at(-1);
  const tokens = fixture.volunteers.filter((v) => v.station !== probeStation).map((v) => v.token);
  const events = await measureEvents(databaseUrl, tokens, options);
  const streams = await measureStreams(databaseUrl, fixture, tokens, options);
  return {
    eventsPerS: events.saturated.eventsPerS,
    saturatedP99Ms: events.saturated.p99Ms,
    p99Ms: events.offered.p99Ms,
    offeredEventsPerS: options.offeredEventsPerS,
    bareEventsPerS: events.bare.eventsPerS,
    ratioVsBare: Math.round((events.saturated.eventsPerS / events.bare.eventsPerS) * 100) / 100,
    errors: events.saturated.errors + events.offered.errors + streams.errors,
    fanoutP99Ms: streams.fanoutP99Ms === null ? null : Math.round(streams.fanoutP99Ms),
    fanoutSamples: streams.fanoutSamples,
    sseMissed: streams.missed,
    sseClosed: streams.closed,
    sseServerExited: streams.serverExited,
    cpuUsPerEvent: events.cpuUsPerEvent,
    sseRssMb: streams.rssMb,
    peakRssMb: events.peakRssMb,
  };
}
