// Many readers of count's live stream, in a process of their own, as the public page's EventSource would be:
// plain HTTP/1.1 connections that read Server-Sent Events. Prints "ready N" once all are open; then, for each
// update of the probe station (its counted value goes 1, 2, 3…), one JSON line once every client has it or a few
// seconds after the first did: {"seq", "received", "first", "last"} (epoch ms). On SIGTERM a last line
// {"closed"}: the connections the server let go.
//
// Environment: SSE_URL (the stream's URL), SSE_CLIENTS, SSE_PROBE (the probe station's number).
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

const url = new URL(process.env.SSE_URL ?? '');
const clients = Number(process.env.SSE_CLIENTS ?? 0);
const probe = Buffer.from(`{"station":"${process.env.SSE_PROBE ?? ''}"`);
const VALUE = Buffer.from('"value":');
/** A message is about 200 bytes: what a chunk ends with is kept to find a message cut in two. */
const TAIL = 512;
/** Opened this many at a time, so as not to overflow the server's accept queue. */
const OPEN_BATCH = 200;
const GIVE_UP_MS = 5000;

const now = () => performance.timeOrigin + performance.now();

interface Arrivals {
  received: number;
  first: number;
  last: number;
  timer: NodeJS.Timeout;
}
const arrivals = new Map<number, Arrivals>();
let closed = 0;
let stopping = false;

function report(seq: number): void {
  const a = arrivals.get(seq);
  if (!a || a.received < 0) return;
  clearTimeout(a.timer);
  process.stdout.write(`${JSON.stringify({ seq, received: a.received, first: a.first, last: a.last })}\n`);
  a.received = -1;
}

function arrived(seq: number, at: number): void {
  let a = arrivals.get(seq);
  if (!a) {
    a = { received: 0, first: at, last: at, timer: setTimeout(() => report(seq), GIVE_UP_MS) };
    arrivals.set(seq, a);
  }
  if (a.received < 0) return; // reported already; a late arrival is counted as missed
  a.received++;
  a.last = at;
  if (a.received === clients) report(seq);
}

/** The probe's counted value in `buffer`, if a whole probe message is in it. */
function probeValue(buffer: Buffer): number | undefined {
  const at = buffer.indexOf(probe);
  if (at < 0) return undefined;
  const value = buffer.indexOf(VALUE, at);
  if (value < 0) return undefined;
  let i = value + VALUE.length;
  let n = 0;
  let digits = 0;
  for (; i < buffer.length; i++) {
    const c = buffer[i] as number;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    digits++;
  }
  // The number must end inside the buffer; if the chunk cut it, the next chunk (with this tail) has it whole.
  return digits > 0 && i < buffer.length ? n : undefined;
}

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let tail: Buffer = Buffer.alloc(0);
    let seen = 0;
    let headers = false;
    socket.setNoDelay(true);
    socket.once('connect', () =>
      socket.write(
        `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\nConnection: keep-alive\r\n\r\n`,
      ),
    );
    socket.on('data', (chunk: Buffer) => {
      const at = now();
      if (!headers) {
        const text = chunk.toString('latin1');
        if (!text.startsWith('HTTP/1.1 200')) {
          reject(new Error(`the stream answered ${text.split('\r\n')[0]}`));
          socket.destroy();
          return;
        }
        headers = true;
        resolve(socket);
      }
      const buffer = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      const value = probeValue(buffer);
      if (value !== undefined && value > seen) {
        seen = value;
        arrived(value, at);
      }
      tail = buffer.subarray(Math.max(0, buffer.length - TAIL));
    });
    socket.once('error', reject);
    socket.once('close', () => {
      if (headers && !stopping) closed++;
    });
  });
}

const sockets: Socket[] = [];
for (let opened = 0; opened < clients; opened += OPEN_BATCH) {
  const batch = Math.min(OPEN_BATCH, clients - opened);
  sockets.push(...(await Promise.all(Array.from({ length: batch }, open))));
}
process.stdout.write(`ready ${sockets.length}\n`);

process.once('SIGTERM', () => {
  stopping = true;
  for (const seq of arrivals.keys()) report(seq);
  process.stdout.write(`${JSON.stringify({ closed })}\n`, () => {
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  });
});
