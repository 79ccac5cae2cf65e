import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotApiServer, startBotApiServer } from '../test-support/bot-api-server.js';
import { collect, ROOT, runCli, until } from '../test-support/cli.js';

// `sobesednik bot` as people run it: the built bin in a child process, against a local Bot API server.

let server: BotApiServer;
let dir: string;

beforeAll(async () => {
  server = await startBotApiServer();
  dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-bot-command-'));
});
afterAll(() => server?.close());

function botEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
    SOBESEDNIK_SECRET: 'abcd'.repeat(16),
    TELEGRAM_BOT_TOKEN: server.token,
    TELEGRAM_API_ROOT: server.apiRoot,
    TELEGRAM_WEBHOOK_URL: '',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** The line a person reads, and proof that no stack trace came with it. */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0] ?? '';
}

describe('sobesednik bot', () => {
  it('without TELEGRAM_BOT_TOKEN says so in one line and exits 1', async () => {
    const result = await runCli(['bot'], { env: botEnv({ TELEGRAM_BOT_TOKEN: '' }) });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(
      /^sobesednik: TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather/,
    );
  });

  it('a bad setting is one line, exit 1', async () => {
    const result = await runCli(['bot'], { env: botEnv({ LOG_LEVEL: 'loud' }) });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/^sobesednik: LOG_LEVEL /);
  });

  describe.concurrent('with the services started', () => {
    it('a token Telegram rejects is one line, exit 1', async () => {
      const result = await runCli(['bot'], { env: botEnv({ TELEGRAM_BOT_TOKEN: '1:wrong' }) });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toBe(
        'sobesednik: Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized)',
      );
      expect(result.stdout).not.toContain('1:wrong');
    });

    it('an unusable database is one line, exit 1', async () => {
      const file = path.join(dir, 'not-a-database.sqlite');
      writeFileSync(file, 'this is not a database, just some text that is long enough to have a header');
      const result = await runCli(['bot'], { env: botEnv({ DATABASE_URL: `sqlite:${file}` }) });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toMatch(/is not a SQLite database/);
    });

    it('answers messages, and on SIGTERM stops, closes the database and exits 0', async () => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/sobesednik.js'), 'bot'], {
        cwd: ROOT,
        env: { ...process.env, ...botEnv() },
      });
      const output = collect(child);
      await until(() => output.stdout.includes('"telegram-started"'), 'the bot to start', output);
      server.sendText(730000001, '/help');
      expect((await server.replies(730000001, 1))[0]?.text).toMatch(/^Как мной пользоваться/);
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, output.stderr).toBe(0);
      expect(output.stdout).toContain('"telegram-stopped"');
      expect(output.stdout).not.toContain('730000001');
    });
  });
});
