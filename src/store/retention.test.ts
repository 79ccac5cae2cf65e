import { describe, expect, it } from 'vitest';
import { databaseUrlFromEnv, retentionDaysFromEnv } from './config.js';
import { type RetentionLog, startRetention } from './retention.js';
import { StoreError } from './store-error.js';

const DAY_MS = 86_400_000;

function recordingLog() {
  const lines: { level: string; data: object }[] = [];
  const log: RetentionLog = {
    info: (data) => lines.push({ level: 'info', data }),
    error: (data) => lines.push({ level: 'error', data }),
  };
  return { lines, log };
}

describe('the retention job', () => {
  it('runs at start with the cutoff RETENTION_DAYS back, then periodically until stopped', async () => {
    const cutoffs: Date[] = [];
    const now = new Date('2026-03-10T12:00:00Z');
    const users = {
      deleteIdleUsers: async (olderThan: Date) => {
        cutoffs.push(olderThan);
        return 2;
      },
    };
    const { lines, log } = recordingLog();
    const retention = startRetention({ users, days: 30, intervalMs: 10, log, now: () => now });
    expect(await retention.firstRun).toBe(2);
    expect(cutoffs[0]).toEqual(new Date(now.getTime() - 30 * DAY_MS));
    await new Promise((resolve) => setTimeout(resolve, 60));
    retention.stop();
    const runs = cutoffs.length;
    expect(runs).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cutoffs.length).toBe(runs);
    expect(lines[0]).toEqual({ level: 'info', data: { event: 'retention', deleted: 2, days: 30 } });
  });

  it('logs a failed run and keeps the process alive', async () => {
    const users = {
      deleteIdleUsers: async (): Promise<number> => {
        throw new StoreError('cannot reach PostgreSQL at 127.0.0.1:5432: connection refused');
      },
    };
    const { lines, log } = recordingLog();
    const retention = startRetention({ users, days: 30, log });
    expect(await retention.firstRun).toBe(0);
    retention.stop();
    expect(lines).toEqual([
      {
        level: 'error',
        data: {
          event: 'retention-failed',
          reason: 'cannot reach PostgreSQL at 127.0.0.1:5432: connection refused',
        },
      },
    ]);
  });
});

describe('configuration from the environment', () => {
  it('defaults to the embedded SQLite file and 30 days', () => {
    expect(databaseUrlFromEnv({})).toBe('sqlite:./data/sobesednik.db');
    expect(databaseUrlFromEnv({ DATABASE_URL: ' postgres://db/x ' })).toBe('postgres://db/x');
    expect(retentionDaysFromEnv({})).toBe(30);
    expect(retentionDaysFromEnv({ RETENTION_DAYS: '7' })).toBe(7);
  });

  it('refuses a retention period that is not a positive whole number of days', () => {
    for (const bad of ['0', '-3', '1.5', 'month'])
      expect(() => retentionDaysFromEnv({ RETENTION_DAYS: bad })).toThrow(
        `RETENTION_DAYS must be a whole number of days, at least 1, not '${bad}'`,
      );
  });
});
