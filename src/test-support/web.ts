import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { type Services, startServices } from '../app/services.js';
import type { WebOptions } from '../web/app.js';
import { serveWeb } from '../web/server.js';

// A real web server for tests: real SQLite in a temporary folder, a random secret, a free port, and the log
// captured in memory so that tests can read what would have been logged.

export interface TestWeb {
  services: Services;
  url: string;
  /** The SQLite file; its -wal beside it. */
  dbFile: string;
  /** Every log line so far, as JSON text. */
  logLines: string[];
  /** What someone who seized the disk would read: the database file and its write-ahead log. */
  seize(): string;
  close(): Promise<void>;
}

export async function startTestWeb(
  options: { env?: Record<string, string>; web?: WebOptions } = {},
): Promise<TestWeb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-web-'));
  const dbFile = path.join(dir, 'db.sqlite');
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const services = await startServices({
    env: {
      DATABASE_URL: `sqlite:${dbFile}`,
      SOBESEDNIK_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      ...options.env,
    },
    log: pino({ level: 'debug', base: undefined }, sink),
    retention: false,
  });
  const server = await serveWeb(services, options.web);
  return {
    services,
    url: server.url,
    dbFile,
    logLines,
    seize: () =>
      [dbFile, `${dbFile}-wal`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file).toString('latin1') + readFileSync(file).toString('utf8'))
        .join('\n'),
    async close() {
      await server.close();
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A cookie-keeping JSON client, as a browser would be for our one cookie. */
export class TestClient {
  cookie: string | undefined;

  constructor(readonly base: string) {}

  async request(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...headers } };
    const all = init.headers as Record<string, string>;
    if (this.cookie) all.Cookie = this.cookie;
    if (body !== undefined) {
      all['Content-Type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(`${this.base}${urlPath}`, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: json as Record<string, unknown>,
    };
  }
}
