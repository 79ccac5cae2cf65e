import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from '../catalogue/zone-offset.js';
import { bucketsOf, localToUtc, openingWindows } from './buckets.js';

const utc = (iso: string) => Date.parse(iso);
const minutes = (windows: { from: number; to: number }[]) =>
  windows.reduce((sum, w) => sum + (w.to - w.from), 0) / 60_000;

describe('opening windows', () => {
  it('finds a zone offset of +05:30 and opens at 02:30 UTC there', () => {
    expect(zoneOffsetMs('Asia/Kolkata', utc('2024-03-17T00:00:00Z'))).toBe(19_800_000); // 5.5 h
    const [window] = openingWindows({
      days: ['2024-03-17'],
      opens: '08:00',
      closes: '20:00',
      timezone: 'Asia/Kolkata',
    });
    // 08:00 − 05:30 = 02:30Z; 20:00 − 05:30 = 14:30Z; 12 h = 48 buckets, the first from 02:30Z
    expect(window).toEqual({ from: utc('2024-03-17T02:30:00Z'), to: utc('2024-03-17T14:30:00Z') });
    const buckets = bucketsOf([window!]);
    expect(buckets).toHaveLength(48);
    expect(buckets[1]).toEqual({ from: utc('2024-03-17T02:45:00Z'), to: utc('2024-03-17T03:00:00Z') });
  });

  it('knows the day Berlin moves its clocks forward (the last Sunday of March)', () => {
    // 30 March: CET, 08:00 = 07:00Z; 31 March: CEST from 02:00, 08:00 = 06:00Z
    expect(localToUtc('2024-03-30', '08:00', 'Europe/Berlin')).toBe(utc('2024-03-30T07:00:00Z'));
    expect(localToUtc('2024-03-31', '08:00', 'Europe/Berlin')).toBe(utc('2024-03-31T06:00:00Z'));
    // 01:00 CET = 00:00Z to 04:00 CEST = 02:00Z: two hours on the clock's three
    const spring = openingWindows({
      days: ['2024-03-31'],
      opens: '01:00',
      closes: '04:00',
      timezone: 'Europe/Berlin',
    });
    expect(minutes(spring)).toBe(120);
    expect(bucketsOf(spring)).toHaveLength(8);
    // 27 October: 00:00 CEST = 22:00Z the day before, 04:00 CET = 03:00Z: five hours on the clock's four
    const autumn = openingWindows({
      days: ['2024-10-27'],
      opens: '00:00',
      closes: '04:00',
      timezone: 'Europe/Berlin',
    });
    expect(minutes(autumn)).toBe(300);
  });

  it('adds the days up and ends an hour that is not whole quarters on a shorter bucket', () => {
    const windows = openingWindows({
      days: ['2024-03-16', '2024-03-17'],
      opens: '08:00',
      closes: '08:20',
      timezone: 'UTC',
    });
    expect(minutes(windows)).toBe(40);
    expect(bucketsOf(windows).map((b) => (b.to - b.from) / 60_000)).toEqual([15, 5, 15, 5]);
  });

  it('refuses hours that close before they open, a bad date and an unknown zone', () => {
    const opening = { days: ['2024-03-17'], opens: '20:00', closes: '08:00', timezone: 'UTC' };
    expect(() => openingWindows(opening)).toThrow(RangeError);
    expect(() => localToUtc('17.03.2024', '08:00', 'UTC')).toThrow(RangeError);
    expect(() => localToUtc('2024-03-17', '08:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});
