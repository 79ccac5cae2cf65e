import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { derivedUuid } from './event-ids.js';

describe('event ids derived from the update', () => {
  it('are UUIDs the events’ schema accepts, equal for the same press and different otherwise', () => {
    const id = derivedUuid('telegram-count', 'key', 'press', 'query-1', 0);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id).toBe(derivedUuid('telegram-count', 'key', 'press', 'query-1', 0));
    const others = [
      derivedUuid('telegram-count', 'key', 'press', 'query-1', 1),
      derivedUuid('telegram-count', 'key', 'press', 'query-2', 0),
      derivedUuid('telegram-count', 'other', 'press', 'query-1', 0),
    ];
    expect(new Set([id, ...others]).size).toBe(4);
  });
});
