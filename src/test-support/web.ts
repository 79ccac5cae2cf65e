import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { type Services, startServices } from '../app/services.js';
import { createWebApp, type WebOptions } from '../web/app.js';
import { serveWeb } from '../web/server.js';
import type { WebApp } from '../web/web-env.js';

// The web for tests: real SQLite in a temporary folder, a random secret, and the log captured in memory so that
// tests can read what would have been logged. In process (app.request), or over real HTTP on a free port.

export interface TestApp {
  services: Services;
  app: WebApp;
  /** The SQLite file; its -wal beside it. */
  dbFile: string;
  /** Every log line so far, as JSON text. */
  logLines: string[];
  /** A new cookie-keeping client of `app` (or of another app built over the same services). */
  client(app?: WebApp): TestClient;
  /** What someone who seized the disk would read: the database file and its write-ahead log. */
  seize(): string;
  close(): Promise<void>;
}

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

interface TestServices {
  services: Services;
  dbFile: string;
  logLines: string[];
  seize(): string;
  close(): Promise<void>;
}

async function startTestServices(env: Record<string, string> = {}): Promise<TestServices> {
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
      ...env,
    },
    log: pino({ level: 'debug', base: undefined }, sink),
    retention: false,
  });
  return {
    services,
    dbFile,
    logLines,
    seize: () =>
      [dbFile, `${dbFile}-wal`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file).toString('latin1') + readFileSync(file).toString('utf8'))
        .join('\n'),
    async close() {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What an HTTP client sends with a body of known size, and `app.request` leaves out. */
function withLength(init: RequestInit): RequestInit {
  if (typeof init.body !== 'string') return init;
  const headers = new Headers(init.headers);
  headers.set('Content-Length', String(Buffer.byteLength(init.body)));
  return { ...init, headers };
}

/** The whole app in process: requests go through `app.request`, with no socket. */
export async function startTestApp(
  options: { env?: Record<string, string>; web?: WebOptions } = {},
): Promise<TestApp> {
  const test = await startTestServices(options.env);
  const app = createWebApp(test.services, options.web);
  return {
    ...test,
    app,
    client: (other = app) => new TestClient((url, init) => other.request(url, withLength(init))),
  };
}

export async function startTestWeb(
  options: { env?: Record<string, string>; web?: WebOptions } = {},
): Promise<TestWeb> {
  const test = await startTestServices(options.env);
  const server = await serveWeb(test.services, options.web);
  return {
    ...test,
    url: server.url,
    async close() {
      await server.close();
      await test.close();
    },
  };
}

type Fetch = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A cookie-keeping JSON client, as a browser would be for our one cookie. */
export class TestClient {
  cookie: string | undefined;
  readonly #fetch: Fetch;

  /** Over real HTTP to a base URL, or through a fetch function (an app's `request`). */
  constructor(target: string | Fetch) {
    this.#fetch = typeof target === 'string' ? (url, init) => fetch(`${target}${url}`, init) : target;
  }

  async request(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...headers } };
    const all = init.headers as Record<string, string>;
    if (this.cookie) all.Cookie = this.cookie;
    if (body !== undefined) {
      all['Content-Type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await this.#fetch(urlPath, init);
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

export interface TestButton {
  label: string;
  data: string;
}
export interface TestMessage {
  text: string;
  buttons: TestButton[][];
  feedback?: { verdict: string; markers: string[]; labels: string[]; tips: string[]; rewrite: string };
}
export interface TestReply {
  id?: string;
  messages: TestMessage[];
  state: {
    mode: string;
    lang: string;
    persona: string | null;
    position: string | null;
    openness: number | null;
    turn: number | null;
    trail: number[];
  };
}

/** A reply the coach judges empathic, which opens a simulated relative up. */
export const WARM = 'Mum, I can hear how tired you are of all this. What worries you most?';

/** Starts a web session with `client`, which keeps its cookie. */
export async function newSession(client: TestClient, lang?: 'ru' | 'en') {
  const response = await client.request('POST', '/api/sessions', lang ? { lang } : undefined);
  if (response.status !== 201) throw new Error(`POST /api/sessions answered ${response.status}`);
  const reply = response.json as unknown as TestReply;
  return { client, id: reply.id ?? '', reply };
}

export async function sendEvent(client: TestClient, id: string, body: unknown) {
  const response = await client.request('POST', `/api/sessions/${id}/events`, body);
  return { ...response, reply: response.json as unknown as TestReply };
}

export function buttonLabelled(reply: TestReply, pattern: RegExp): TestButton {
  const button = reply.messages.flatMap((m) => m.buttons.flat()).find((b) => pattern.test(b.label));
  if (!button) throw new Error(`no button ${pattern} in ${JSON.stringify(reply.messages)}`);
  return button;
}
