import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import { chatSealer } from '../../store/sealed-chat.js';
import { type BotApiServer, startBotApiServer } from '../../test-support/bot-api-server.js';
import { collect, ROOT, runCli } from '../../test-support/cli.js';

// `sobesednik guide broadcast` through the built bin, against the local Bot API server: an operator's view.

const SECRET = 'c'.repeat(64);
/** The shipped pres-2024 list: Belgrade's 8267 votes on 17 March, 08:00–20:00 (the election's hours). */
const EVE = '2024-03-16T17:30Z';

describe('sobesednik guide broadcast', { timeout: 60_000 }, () => {
  let server: BotApiServer;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeEach(async () => {
    server = await startBotApiServer();
    dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-broadcast-cli-'));
    env = {
      DATABASE_URL: `sqlite:${path.join(dir, 'data', 'test.db')}`,
      SOBESEDNIK_SECRET: SECRET,
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
      LOG_LEVEL: 'silent',
    };
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Chats 1…count subscribed to Belgrade's station, every third in English. */
  async function subscribe(count: number) {
    const store = await openStore(env.DATABASE_URL ?? '');
    const sealer = chatSealer(SECRET);
    for (let chat = 1; chat <= count; chat++)
      await store.guide.subscribe(`key-${chat}`, {
        election: 'pres-2024',
        station: '8267',
        lang: chat % 3 === 0 ? 'en' : 'ru',
        chat: sealer.seal(`key-${chat}`, chat),
        until: '2024-03-17',
      });
    await store.close();
  }

  it('refuses bad input in one line', async () => {
    const cases: [string[], RegExp][] = [
      [[], /which election\? give --election ID/],
      [['--election', 'pres-2030', '--dry-run'], /unknown election 'pres-2030' \(known: .*pres-2024/],
      [['--election', 'pres-2024', '--at', 'tomorrow'], /--at must be an ISO time with its zone/],
      [['--election', 'pres-2024', '--at', '2024-03-16T17:30'], /--at must be an ISO time with its zone/],
      [['--election', 'pres-2024', '--rate', '0'], /--rate must be a whole number from 1 to 100000/],
      [['--election', 'pres-2024', 'extra'], /usage: sobesednik guide broadcast/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['guide', 'broadcast', ...args, '--json'], { env });
      expect(result.code, args.join(' ')).toBe(1);
      expect(JSON.parse(result.stdout).error).toMatch(message);
    }
    const noToken = await runCli(['guide', 'broadcast', '--election', 'pres-2024'], {
      env: { ...env, TELEGRAM_BOT_TOKEN: '' },
    });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('TELEGRAM_BOT_TOKEN is not set');
  });

  it('shows what is due in a dry run, sends it, and sends nothing more when run again', async () => {
    await subscribe(6);
    const dry = await runCli(['guide', 'broadcast', '--election', 'pres-2024', '--at', EVE, '--dry-run'], {
      env,
    });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/8267\s+2024-03-17:eve\s+2024-03-16T17:00:00.000Z\s+4\s+2/);
    expect(dry.stdout).toContain('Завтра, в воскресенье, 17 марта, — голосование. Участок № 8267, Белград');
    const json = await runCli(
      ['guide', 'broadcast', '--election', 'pres-2024', '--at', EVE, '--dry-run', '--json'],
      { env },
    );
    expect(JSON.parse(json.stdout).slots).toContainEqual(
      expect.objectContaining({ station: '8267', slot: '2024-03-17:eve', pending: { ru: 4, en: 2 } }),
    );
    expect(server.callsOf('sendMessage')).toEqual([]);

    const sent = await runCli(['guide', 'broadcast', '--election', 'pres-2024', '--at', EVE, '--json'], {
      env,
    });
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ sent: 6, blocked: 0, failed: 0 });
    expect(server.messagesTo(3)[0]?.text).toMatch(/^Tomorrow, Sunday 17 March, is voting day/);
    const again = await runCli(['guide', 'broadcast', '--election', 'pres-2024', '--at', EVE], { env });
    expect(again.stdout).toMatch(/sent 0, blocked 0, failed 0/);
    for (let chat = 1; chat <= 6; chat++) expect(server.messagesTo(chat)).toHaveLength(1);
    const none = await runCli(['guide', 'broadcast', '--election', 'pres-2024', '--dry-run'], { env });
    expect(none.stdout).toMatch(/no reminder is due/);
  });

  it('stops on SIGTERM after the message in flight; a restart sends the rest with no duplicate', async () => {
    await subscribe(40);
    await server.close();
    let seen = 0;
    let stop = () => {};
    server = await startBotApiServer({
      onSent: () => {
        if (++seen === 12) stop();
      },
    });
    env = { ...env, TELEGRAM_API_ROOT: server.apiRoot };
    const args = ['guide', 'broadcast', '--election', 'pres-2024', '--at', EVE, '--rate', '50', '--json'];
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/sobesednik.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    const output = collect(child);
    stop = () => child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const first = JSON.parse(output.stdout);
    expect(first).toMatchObject({ stopped: true });
    expect(first.sent).toBeGreaterThanOrEqual(12);
    expect(first.sent).toBeLessThan(40);

    const rest = await runCli(args, { env });
    expect(JSON.parse(rest.stdout)).toMatchObject({ sent: 40 - first.sent, inDoubt: 0, stopped: false });
    for (let chat = 1; chat <= 40; chat++) expect(server.messagesTo(chat), `chat ${chat}`).toHaveLength(1);
  });
});
