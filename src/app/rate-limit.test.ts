import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('lets a burst through, refuses the rest with one warning, and refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter({ messages: 3, perMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual(['ok', 'ok', 'ok']);
    expect(limiter.take('a')).toBe('limited-first');
    expect(limiter.take('a')).toBe('limited');
    expect(limiter.take('b'), 'users are limited separately').toBe('ok');
    now += 20_000; // one message's worth
    expect(limiter.take('a')).toBe('ok');
    expect(limiter.take('a'), 'warned again after a new burst').toBe('limited-first');
    now += 60_000;
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual(['ok', 'ok', 'ok']);
  });

  it('forgets idle users once there are many, keeping the busy ones', () => {
    let now = 0;
    const limiter = new RateLimiter({ messages: 2, perMs: 10_000, now: () => now, sweepAt: 100 });
    limiter.take('busy');
    limiter.take('busy');
    for (let i = 0; i < 99; i++) limiter.take(`idle-${i}`);
    now += 6000; // the idle users' buckets are full again, the busy one's is not
    limiter.take('new');
    expect(limiter.size).toBe(2);
    expect(limiter.take('busy')).toBe('ok');
    expect(limiter.take('busy'), 'the busy user kept its state').toBe('limited-first');
  });
});
