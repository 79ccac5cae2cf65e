import { describe, expect, it } from 'vitest';
import { stationDoors } from './doors.js';
import { parseDoor } from './events.js';

describe('the doors of a station', () => {
  it('lists the main door first, then the others by their latest use', () => {
    const events = [
      { door: 'north', at: 10 },
      { door: null, at: 11 },
      { door: 'side', at: 12 },
      { door: 'north', at: 13 },
      { door: 'main', at: 14 },
    ];
    expect(stationDoors(events)).toEqual(['main', 'north', 'side']);
    expect(stationDoors([])).toEqual(['main']);
  });

  it('takes a typed name as events do, spaces tidied', () => {
    expect(parseDoor('  северный   вход ')).toBe('северный вход');
    expect(parseDoor('Gate 2.B')).toBe('Gate 2.B');
    expect(parseDoor('')).toBeUndefined();
    expect(parseDoor('door!')).toBeUndefined();
    expect(parseDoor('x'.repeat(41))).toBeUndefined();
  });
});
