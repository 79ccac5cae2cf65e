import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventStream, entry, openEventStream, setUpElection } from '../../../test-support/count.js';
import { startTestWeb, TestClient, type TestWeb } from '../../../test-support/web.js';
import { serveWeb } from '../../server.js';

// The live stream over real HTTP, as a browser's EventSource reads it, and what public output never shows.

let web: TestWeb;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];
const streams: EventStream[] = [];

beforeAll(async () => {
  web = await startTestWeb({ web: { countHeartbeatMs: 200 } });
  ({ invite } = await setUpElection(web.services.store, { stations: ['8267', '8268'] }));
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await web?.close();
});

async function open(election = 'test-count') {
  const stream = await openEventStream(`${web.url}/api/count/elections/${election}/stream`);
  streams.push(stream);
  return stream;
}

async function join(station: string) {
  const code = await invite(station);
  const joined = await new TestClient(web.url).request('POST', '/api/count/join', { code });
  const token = joined.json.token as string;
  const send = async (events: object[]) => {
    const response = await new TestClient(web.url).request(
      'POST',
      '/api/count/events',
      { events },
      { Authorization: `Bearer ${token}` },
    );
    expect(response.status).toBe(200);
  };
  return { code, token, send };
}

interface Station {
  station: string;
  counted: { value: number | null };
}

async function streamClients(): Promise<number> {
  const metrics = await (await fetch(`${web.url}/metrics`)).text();
  return Number(/^sobesednik_count_stream_clients (\d+)$/m.exec(metrics)?.[1]);
}

describe('the live stream', () => {
  it("sends a station's new figures to every open stream soon after its events are accepted", async () => {
    const [first, second] = [await open(), await open()];
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(first.response.headers.get('x-accel-buffering')).toBe('no');
    const volunteer = await join('8267');
    const sent = Date.now();
    await volunteer.send([entry(2), entry(1)]);
    for (const stream of [first, second]) {
      const update = await stream.next<Station>((s) => s.station === '8267' && s.counted.value === 2);
      expect(update).toMatchObject({ country: 'RS', city: 'Belgrade', timezone: 'UTC', queue: null });
    }
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(first.messages.every((m) => (m as Station).station === '8267')).toBe(true);
    // Later changes of the same station arrive too, coalesced to at most one a second.
    await volunteer.send([entry()]);
    await volunteer.send([entry()]);
    await first.next<Station>((s) => s.counted.value === 4, 3000);
  });

  it('keeps an idle stream alive with comment lines, and lets go of a client that left', async () => {
    const before = await streamClients();
    const stream = await open();
    await stream.heartbeats(3);
    expect(await streamClients()).toBe(before + 1);
    stream.close();
    await expect.poll(streamClients).toBe(before);
  });

  it('ends open streams when the server stops, rather than waiting for their clients', async () => {
    const server = await serveWeb(web.services);
    const stream = await openEventStream(`${server.url}/api/count/elections/test-count/stream`);
    streams.push(stream);
    await stream.heartbeats(1);
    const started = Date.now();
    await server.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers 404 as JSON for an unknown election', async () => {
    const response = await fetch(`${web.url}/api/count/elections/no-such/stream`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no such election' });
  });
});

describe('public output', () => {
  it('never carries a volunteer’s token, label, invite code or event ids', async () => {
    const stream = await open();
    const volunteer = await join('8268');
    const label = (await web.services.counting.volunteerByToken(volunteer.token))?.volunteer ?? '';
    expect(label).not.toBe('');
    const events = [
      entry(3, 'north'),
      { id: randomUUID(), kind: 'queue', at: entry().at, people: 30, waitMinutes: 20 },
      { id: randomUUID(), kind: 'exitpoll', at: entry().at, answer: 'a', gender: 'female', age: 40 },
    ];
    await volunteer.send(events);
    await stream.next<Station>((s) => s.station === '8268' && s.counted.value === 1);
    const client = new TestClient(web.url);
    const outputs = [
      stream.text(),
      (await client.request('GET', '/api/count/elections')).text,
      (await client.request('GET', '/api/count/elections/test-count/live')).text,
      (await client.request('GET', '/api/count/elections/test-count/stations/8268/arrivals')).text,
    ];
    expect(outputs[2]).toContain('"queue":{"people":30');
    const secrets = [volunteer.token, label, volunteer.code, ...events.map((e) => e.id)];
    for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
  });
});
