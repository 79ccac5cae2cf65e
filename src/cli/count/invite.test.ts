import { describe, expect, it } from 'vitest';
import type { Election } from '../../catalogue/election.js';
import { inviteExpiry, inviteLinks, publicBase } from './invite.js';

const election = { id: 'pres-2024', days: ['2024-03-15', '2024-03-16', '2024-03-17'] } as Election;
const at = (iso: string) => Date.parse(iso);

describe('invite codes', () => {
  it('work until the day after the last day has ended everywhere, for an election ahead', () => {
    // 18 March ends last at UTC−12, which is 19 March 12:00 UTC.
    expect(new Date(inviteExpiry(election, at('2024-02-01T10:00:00Z'))).toISOString()).toBe(
      '2024-03-19T12:00:00.000Z',
    );
  });

  it('work for at least a week, so that codes made after the election (late tallies) are usable', () => {
    const now = at('2024-03-18T09:00:00Z');
    expect(inviteExpiry(election, now)).toBe(now + 7 * 86_400_000);
    const later = at('2025-01-01T00:00:00Z');
    expect(inviteExpiry(election, later)).toBe(later + 7 * 86_400_000);
  });

  it('link to the web page under PUBLIC_URL and to the bot by its username', () => {
    const config = {
      PUBLIC_URL: 'https://count.example.org',
      HOST: '127.0.0.1',
      PORT: 3000,
      TELEGRAM_BOT_USERNAME: 'sobesednik_bot',
    };
    expect(inviteLinks('abcd2345efgh6789', config)).toEqual({
      code: 'abcd2345efgh6789',
      web: 'https://count.example.org/count/join#abcd2345efgh6789',
      telegram: 'https://t.me/sobesednik_bot?start=c_abcd2345efgh6789',
    });
  });

  it('fall back to this machine’s address, and leave the Telegram link out without a bot name', () => {
    const config = { HOST: '127.0.0.1', PORT: 8080 };
    expect(inviteLinks('abcd', config)).toEqual({
      code: 'abcd',
      web: 'http://127.0.0.1:8080/count/join#abcd',
      telegram: null,
    });
    expect(publicBase({ HOST: '::1', PORT: 3000 })).toBe('http://[::1]:3000');
  });
});
