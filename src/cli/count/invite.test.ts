import { describe, expect, it } from 'vitest';
import { parseInviteCount, parseRole, publicBase } from './invite.js';

// When codes expire and how links are built are counting's (count/invites.test.ts); here, what the CLI adds.

describe('count invite', () => {
  it('links to PUBLIC_URL, else to this machine’s address', () => {
    expect(publicBase({ PUBLIC_URL: 'https://count.example.org', HOST: '127.0.0.1', PORT: 3000 })).toBe(
      'https://count.example.org',
    );
    expect(publicBase({ HOST: '127.0.0.1', PORT: 8080 })).toBe('http://127.0.0.1:8080');
    expect(publicBase({ HOST: '::1', PORT: 3000 })).toBe('http://[::1]:3000');
  });

  it('reads --n and --role, refusing what is not one of them', () => {
    expect(parseInviteCount(undefined)).toBe(1);
    expect(parseInviteCount('200')).toBe(200);
    for (const bad of ['0', '201', '2.5', '1e2', '-1', ' 3'])
      expect(() => parseInviteCount(bad), bad).toThrow(/^--n must be a whole number from 1 to 200/);
    expect(parseRole(undefined)).toBe('volunteer');
    expect(parseRole('coordinator')).toBe('coordinator');
    expect(() => parseRole('admin')).toThrow("--role must be one of volunteer, coordinator, not 'admin'");
  });
});
