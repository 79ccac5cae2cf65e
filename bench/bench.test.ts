import { describe, expect, it } from 'vitest';
import { measureBot } from './bot-load.js';
import { measureCount } from './count-load.js';
import { measureBroadcast } from './guide-broadcast.js';
import { measureMatcherAndCoach } from './measure.js';
import { measureWeb } from './web-load.js';

// Small runs so the benchmark harness keeps working; speed itself is measured by `npm run bench`, not asserted.
describe('benchmark harness', () => {
  it('measures the matcher, the coach and the engine', () => {
    const results = measureMatcherAndCoach(200);
    for (const key of [
      'matcher.ops_per_s',
      'matcher.build_ms',
      'coach.ops_per_s',
      'engine.practice_step_us',
      'matcher.heap_mb',
      'process.rss_mb',
    ]) {
      expect(results[key]?.value, key).toBeGreaterThan(0);
    }
  });

  it('drives the real bot and the echo baseline through the local Bot API server: one reply per update', async () => {
    for (const bot of ['sobesednik', 'echo'] as const) {
      const result = await measureBot({ bot, users: 300, messages: 3 });
      expect(result, bot).toMatchObject({ updates: 900, missing: 0, duplicates: 0 });
      expect(result.updatesPerS).toBeGreaterThan(0);
      expect(result.peakRssMb).toBeGreaterThan(0);
    }
  });

  it('survives the soak faults: 429s and re-delivered updates lose and double nothing', async () => {
    const result = await measureBot({
      bot: 'sobesednik',
      users: 100,
      messages: 4,
      faults: { redeliverShare: 0.05, tooManyRequestsShare: 0.02 },
    });
    expect(result.redelivered).toBeGreaterThan(0);
    expect(result).toMatchObject({ missing: 0, duplicates: 0 });
  });

  it('loads the web API from another process', async () => {
    const result = await measureWeb({ sessions: 30, seconds: 1, connections: 4 });
    expect(result.errors).toBe(0);
    expect(result.eventsPerS).toBeGreaterThan(0);
  });

  it("drives count's events API and its live stream from other processes: nothing refused, every update read", async () => {
    const result = await measureCount({
      stations: 10,
      volunteers: 20,
      seconds: 1,
      connections: 4,
      offeredEventsPerS: 200,
      sseClients: 20,
      sseSeconds: 6,
      sseEventsPerS: 50,
    });
    expect(result).toMatchObject({ errors: 0, sseMissed: 0, sseClosed: 0, sseServerExited: false });
    expect(result.eventsPerS).toBeGreaterThan(0);
    expect(result.bareEventsPerS).toBeGreaterThan(0);
    expect(result.fanoutSamples).toBeGreaterThan(0);
    expect(result.sseRssMb).toBeGreaterThan(0);
  }, 120_000);

  it("runs the guide's reminder broadcast as a command, killed and restarted half-way: nothing twice, nobody missed but the one in doubt", async () => {
    const result = await measureBroadcast({ subscribers: 40, rate: 200 });
    // Stopped gracefully, it finishes the message in flight: nobody twice, nobody missed.
    expect(result).toMatchObject({ termDuplicates: 0, termMissing: 0 });
    // Killed outright, the one message in flight is in doubt and not resent: it may be missing, never doubled.
    expect(result.killDuplicates).toBe(0);
    expect(result.killInDoubt).toBeLessThanOrEqual(1);
    expect(result.killMissing).toBeLessThanOrEqual(result.killInDoubt);
    expect(result.messagesPerS).toBeGreaterThan(0);
  }, 120_000);
});
