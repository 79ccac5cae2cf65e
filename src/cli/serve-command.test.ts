import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotApiServer, startBotApiServer } from '../test-support/bot-api-server.js';
import { collect, ROOT, runCli, until } from '../test-support/cli.js';

// `npm start` as people run it: the built bin with no command, in a fresh folder, over real HTTP.

let botApi: BotApiServer;
let dir: string;

beforeAll(async () => {
  botApi = await startBotApiServer();
  dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-serve-'));
});
afterAll(() => botApi?.close());

describe('sobesednik (serve)', () => {
  it('serves the page and the API and runs the bot, logs the URL first, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/sobesednik.js')], {
      cwd: dir,
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_URL: '',
        SOBESEDNIK_SECRET: '',
        TELEGRAM_BOT_TOKEN: botApi.token,
        TELEGRAM_API_ROOT: botApi.apiRoot,
        LOG_LEVEL: 'info',
      },
    });
    const output = collect(child);
    await until(() => output.stdout.includes('listening on'), 'the server', output);
    const lines = output.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]?.msg).toMatch(/^web server listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = lines[0]?.url;

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const match = await fetch(`${url}/api/match`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'да всё равно нарисуют сколько надо' }),
    });
    expect(((await match.json()) as { positions: { id: string }[] }).positions[0]?.id).toBe('vote-rigged');
    botApi.sendText(730000002, '/start', { languageCode: 'en' });
    expect((await botApi.replies(730000002, 1))[0]?.text).toMatch(/^Hi!/);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, output.stderr).toBe(0);
    // The embedded SQLite database and the secret were made in the working folder, the secret private.
    expect(statSync(path.join(dir, 'data/sobesednik.db')).isFile()).toBe(true);
    expect(statSync(path.join(dir, 'data/secret')).mode & 0o777).toBe(0o600);
  });

  it('a port in use is one line and exit 1', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const result = await runCli([], {
      cwd: dir,
      env: {
        PORT: String(port),
        DATABASE_URL: `sqlite:${path.join(dir, 'busy.db')}`,
        TELEGRAM_BOT_TOKEN: '',
      },
    });
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `sobesednik: cannot listen on 127.0.0.1:${port}: the address is in use (set PORT or HOST)`,
    );
  });
});
