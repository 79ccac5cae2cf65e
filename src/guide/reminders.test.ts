import { describe, expect, it } from 'vitest';
import {
  dayBefore,
  dueSlots,
  type ReminderStation,
  reminderSlots,
  reminderText,
  zonedInstant,
} from './reminders.js';

const BELGRADE: ReminderStation = {
  station: '8267',
  city: 'Belgrade',
  address: 'Bulevar crvene armije 28, Novi Beograd',
  timezone: 'Europe/Belgrade',
  days: ['2024-03-17'],
  opens: '08:00',
  closes: '20:00',
};

const iso = (date: Date) => date.toISOString();

describe('the time of a station', () => {
  it('turns a wall time into the instant, on either side of a DST change', () => {
    // Belgrade moves from UTC+1 to UTC+2 on 31 March 2024 at 02:00.
    expect(iso(zonedInstant('2024-03-30', '18:00', 'Europe/Belgrade'))).toBe('2024-03-30T17:00:00.000Z');
    expect(iso(zonedInstant('2024-03-31', '08:00', 'Europe/Belgrade'))).toBe('2024-03-31T06:00:00.000Z');
    expect(iso(zonedInstant('2024-03-31', '01:30', 'Europe/Belgrade'))).toBe('2024-03-31T00:30:00.000Z');
    // New York moved on 10 March 2024; Yerevan has no DST; Kathmandu is 5:45 ahead; Samoa crosses the date line.
    expect(iso(zonedInstant('2024-03-09', '18:00', 'America/New_York'))).toBe('2024-03-09T23:00:00.000Z');
    expect(iso(zonedInstant('2024-03-10', '08:00', 'America/New_York'))).toBe('2024-03-10T12:00:00.000Z');
    expect(iso(zonedInstant('2024-03-17', '08:00', 'Asia/Yerevan'))).toBe('2024-03-17T04:00:00.000Z');
    expect(iso(zonedInstant('2024-03-17', '08:00', 'Asia/Kathmandu'))).toBe('2024-03-17T02:15:00.000Z');
    expect(iso(zonedInstant('2024-03-17', '08:00', 'Pacific/Apia'))).toBe('2024-03-16T19:00:00.000Z');
    // A wall time the spring-forward skips (02:30 in Belgrade) comes out as the clocks show it, 03:30.
    expect(iso(zonedInstant('2024-03-31', '02:30', 'Europe/Belgrade'))).toBe('2024-03-31T01:30:00.000Z');
  });

  it('refuses what is not a day, a time or a zone', () => {
    expect(() => zonedInstant('17.03.2024', '08:00', 'Europe/Belgrade')).toThrow(RangeError);
    expect(() => zonedInstant('2024-03-17', '8:00', 'Europe/Belgrade')).toThrow(RangeError);
    expect(() => zonedInstant('2024-03-17', '08:00', 'Mars/Olympus')).toThrow(RangeError);
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });
});

describe('the reminders of a station', () => {
  it('reminds the evening before and on the morning of the voting day, in local time', () => {
    expect(reminderSlots(BELGRADE)).toEqual([
      { id: '2024-03-17:eve', kind: 'eve', day: '2024-03-17', at: new Date('2024-03-16T17:00:00.000Z') },
      {
        id: '2024-03-17:morning',
        kind: 'morning',
        day: '2024-03-17',
        at: new Date('2024-03-17T07:00:00.000Z'),
      },
    ]);
  });

  it('reminds on each morning of several days, at opening when it opens before eight', () => {
    const early = { ...BELGRADE, days: ['2024-03-15', '2024-03-16', '2024-03-17'], opens: '07:00' };
    expect(reminderSlots(early).map((slot) => [slot.id, iso(slot.at)])).toEqual([
      ['2024-03-15:eve', '2024-03-14T17:00:00.000Z'],
      ['2024-03-15:morning', '2024-03-15T06:00:00.000Z'],
      ['2024-03-16:morning', '2024-03-16T06:00:00.000Z'],
      ['2024-03-17:morning', '2024-03-17T06:00:00.000Z'],
    ]);
    expect(reminderSlots({ ...BELGRADE, days: [] })).toEqual([]);
  });

  it('is due from its time for the window, and not before or after', () => {
    const at = (time: string) => dueSlots(BELGRADE, new Date(time)).map((slot) => slot.id);
    expect(at('2024-03-16T16:59:59Z')).toEqual([]);
    expect(at('2024-03-16T17:00:00Z')).toEqual(['2024-03-17:eve']);
    expect(at('2024-03-16T22:59:59Z')).toEqual(['2024-03-17:eve']);
    expect(at('2024-03-16T23:00:00Z')).toEqual([]);
    expect(at('2024-03-17T09:00:00Z')).toEqual(['2024-03-17:morning']);
    expect(dueSlots(BELGRADE, new Date('2024-03-17T09:00:00Z'), 60_000)).toEqual([]);
  });
});

describe('the text of a reminder', () => {
  it('says where, when, what to take and how to stop, in Russian', () => {
    const [eve, morning] = reminderSlots(BELGRADE);
    const text = reminderText(BELGRADE, eve!, 'ru', { city: 'Белград' });
    expect(text).toBe(
      'Завтра, в воскресенье, 17 марта, — голосование. Участок № 8267, Белград, Bulevar crvene armije 28, Novi Beograd.\n' +
        'Он открыт с 8:00 до 20:00 по местному времени.\n\n' +
        'Возьмите действующий российский загранпаспорт — это самый надёжный документ. Копии и просроченные документы не подходят.\n\n' +
        'Чтобы больше не получать напоминания — /remind off',
    );
    expect(reminderText(BELGRADE, morning!, 'ru')).toMatch(
      /^Доброе утро! Сегодня, 17 марта, можно проголосовать\. Участок № 8267, Belgrade,/,
    );
  });

  it('says it in English', () => {
    const [eve, morning] = reminderSlots({ ...BELGRADE, address: null });
    expect(reminderText({ ...BELGRADE, address: null }, eve!, 'en')).toBe(
      'Tomorrow, Sunday 17 March, is voting day. Polling station No. 8267, Belgrade.\n' +
        'It is open 08:00 to 20:00 local time.\n\n' +
        'Bring a valid Russian foreign passport — the safest document. Copies and expired documents do not count.\n\n' +
        'To stop these reminders: /remind off',
    );
    expect(reminderText(BELGRADE, morning!, 'en')).toContain('You can vote today, 17 March.');
  });

  it('lists the days of a vote over several, and names the last', () => {
    const three = { ...BELGRADE, days: ['2024-03-15', '2024-03-16', '2024-03-17'] };
    const slots = reminderSlots(three);
    expect(reminderText(three, slots[0]!, 'ru')).toContain('Он открыт 15, 16 и 17 марта, с 8:00 до 20:00');
    expect(reminderText(three, slots[0]!, 'en')).toContain(
      'It is open on 15, 16 and 17 March, 08:00 to 20:00',
    );
    expect(reminderText(three, slots[1]!, 'ru')).toContain('Сегодня, 15 марта, можно проголосовать');
    expect(reminderText(three, slots[3]!, 'ru')).toContain('Сегодня, 17 марта, последний день голосования');
    const across = { ...BELGRADE, days: ['2024-03-31', '2024-04-01'] };
    expect(reminderText(across, reminderSlots(across)[0]!, 'ru')).toContain('31 марта и 1 апреля');
  });
});
