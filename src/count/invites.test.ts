import { describe, expect, it } from 'vitest';
import { inviteExpiry, inviteLinks } from './invites.js';

const election = { days: ['2024-03-15', '2024-03-16', '2024-03-17'] };
const at = (iso: string) => Date.parse(iso);
const WEEK_MS = 7 * 86_400_000;

describe('invite codes', () => {
  it('work until the day after the last day has ended everywhere, for an election ahead', () => {
    // 18 March ends last at UTC−12, which is 19 March 12:00 UTC.
    expect(new Date(inviteExpiry(election, at('2024-02-01T10:00:00Z'))).toISOString()).toBe(
      '2024-03-19T12:00:00.000Z',
    );
  });

  it('work for at least a week, so that codes made during or after the election are usable', () => {
    const lastDay = at('2024-03-17T18:00:00Z');
    expect(inviteExpiry(election, lastDay)).toBe(lastDay + WEEK_MS);
    const later = at('2025-01-01T00:00:00Z');
    expect(inviteExpiry(election, later)).toBe(later + WEEK_MS);
  });

  it('link to the web counter by the fragment and to the bot by its username', () => {
    expect(
      inviteLinks('abcd2345efgh6789', { base: 'https://count.example.org/', bot: 'sobesednik_bot' }),
    ).toEqual({
      code: 'abcd2345efgh6789',
      web: 'https://count.example.org/count/join#abcd2345efgh6789',
      telegram: 'https://t.me/sobesednik_bot?start=c_abcd2345efgh6789',
    });
    expect(inviteLinks('abcd', { base: 'http://127.0.0.1:3000' }).telegram).toBeNull();
  });
});
