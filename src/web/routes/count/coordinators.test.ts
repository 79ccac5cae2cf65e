import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpElection } from '../../../test-support/count.js';
import { startTestApp, type TestApp } from '../../../test-support/web.js';
import { createWebApp } from '../../app.js';

// Coordinators over HTTP, on a real SQLite file: invite codes made with ADMIN_TOKEN or a coordinator's own token,
// and an election's stations imported from a CSV body.

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const PUBLIC_URL = 'https://count.example.org';
const BOT = 'sobesednik_test_bot';
const DAY_MS = 86_400_000;
const HEADER = 'station,country,city,address,timezone,lat,lon,days,opens,closes';

let web: TestApp;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];
let days: string[];

beforeAll(async () => {
  web = await startTestApp({ env: { ADMIN_TOKEN, PUBLIC_URL, TELEGRAM_BOT_USERNAME: BOT } });
  const setup = await setUpElection(web.services.store, { stations: ['8267', '8268'] });
  invite = setup.invite;
  days = setup.election.days;
});

afterAll(async () => {
  await web?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const admin = bearer(ADMIN_TOKEN);

async function joinAs(role: 'volunteer' | 'coordinator', station = '8267') {
  const joined = await web.client().request('POST', '/api/count/join', { code: await invite(station, role) });
  expect(joined.status).toBe(200);
  return joined.json.token as string;
}

function makeInvites(body: unknown, headers: Record<string, string>, app = web.app) {
  return web.client(app).request('POST', '/api/count/invites', body, headers);
}

interface Link {
  code: string;
  web: string;
  telegram: string | null;
}

describe('POST /api/count/invites', () => {
  it('makes codes for any station and role with ADMIN_TOKEN, with links that join once', async () => {
    const made = await makeInvites(
      { election: 'test-count', station: '8268', role: 'coordinator', n: 3 },
      admin,
    );
    expect(made.status).toBe(201);
    const codes = made.json.codes as Link[];
    expect(codes).toHaveLength(3);
    expect(new Set(codes.map((c) => c.code)).size).toBe(3);
    for (const { code, web: link, telegram } of codes) {
      expect(link).toBe(`${PUBLIC_URL}/count/join#${code}`);
      expect(telegram).toBe(`https://t.me/${BOT}?start=c_${code}`);
    }
    // The CLI's rule: at least a week, whatever the election's days.
    const expires = Date.parse(made.json.expiresAt as string);
    expect(expires).toBeGreaterThanOrEqual(Date.now() + 7 * DAY_MS - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS + 60_000);

    const joined = await web.client().request('POST', '/api/count/join', { code: codes[0]?.code });
    expect(joined.json).toMatchObject({ election: 'test-count', station: '8268', role: 'coordinator' });
    const again = await web.client().request('POST', '/api/count/join', { code: codes[0]?.code });
    expect(again.status).toBe(409);
  });

  it('lets a coordinator invite volunteers to their own station, with links to the address they called', async () => {
    const token = await joinAs('coordinator', '8267');
    // A server without PUBLIC_URL or a bot name: links to where the request came, and no Telegram link.
    const bare = createWebApp({
      ...web.services,
      config: { ...web.services.config, PUBLIC_URL: undefined, TELEGRAM_BOT_USERNAME: undefined },
    });
    const made = await makeInvites({ election: 'test-count', station: '8267' }, bearer(token), bare);
    expect(made.status).toBe(201);
    const [link] = made.json.codes as Link[];
    expect(link?.web).toBe(`http://localhost/count/join#${link?.code}`);
    expect(link?.telegram).toBeNull();
    const joined = await web.client().request('POST', '/api/count/join', { code: link?.code });
    expect(joined.json).toMatchObject({ station: '8267', role: 'volunteer' });
  });

  it("refuses a coordinator another station, another election or a coordinator's invite", async () => {
    const token = bearer(await joinAs('coordinator', '8267'));
    const other = await makeInvites({ election: 'test-count', station: '8268' }, token);
    expect(other.status).toBe(403);
    expect(other.json).toEqual({
      error: 'a coordinator invites only to their own station (8267 of test-count)',
    });
    const election = await makeInvites({ election: 'pres-2024', station: '8267' }, token);
    expect(election.status).toBe(403);
    const coordinator = await makeInvites(
      { election: 'test-count', station: '8267', role: 'coordinator' },
      token,
    );
    expect(coordinator.status).toBe(403);
    expect(coordinator.json.error).toMatch(/coordinators are invited with ADMIN_TOKEN/);
  });

  it("refuses a volunteer's token with 403, and no token or an unknown one with 401, before the body", async () => {
    const body = { election: 'test-count', station: '8267' };
    const volunteer = await makeInvites(body, bearer(await joinAs('volunteer')));
    expect(volunteer.status).toBe(403);
    expect(volunteer.json).toEqual({
      error: "a volunteer's token cannot make invites; ask your coordinator",
    });
    const none = await makeInvites(body, {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.json.error).toMatch(/Authorization: Bearer/);
    const unknown = await makeInvites('{"election": ', bearer('x'.repeat(43)));
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toMatch(/^unknown token/);
    const almostAdmin = await makeInvites(body, bearer(`${ADMIN_TOKEN}x`));
    expect(almostAdmin.status).toBe(401);
  });

  it('checks the request: 1 to 50 codes, a known election and station, JSON', async () => {
    const ask = (body: unknown) => makeInvites(body, admin);
    for (const n of [0, 51, 1.5, '2']) {
      const refused = await ask({ election: 'test-count', station: '8267', n });
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatch(/^n: /);
    }
    expect((await ask({ election: 'test-count', station: '8267', n: 50 })).json.codes).toHaveLength(50);
    expect((await ask({ election: 'test-count', station: '8267', role: 'boss' })).status).toBe(400);
    expect((await ask({ election: 'test-count', station: '8267', extra: 1 })).status).toBe(400);
    expect((await ask({ station: '8267' })).json.error).toMatch(/^election: /);
    const station = await ask({ election: 'test-count', station: '9999' });
    expect(station.status).toBe(404);
    expect(station.json).toEqual({ error: 'no such station in this election' });
    const election = await ask({ election: 'no-such', station: '8267' });
    expect(election.json).toEqual({ error: 'no such election' });
    expect((await ask('{"election": ')).json).toEqual({ error: 'the body is not valid JSON' });
  });

  it('limits requests per token, and keeps tokens and codes out of the log', async () => {
    const limited = createWebApp(web.services, { limits: { countCoordinatorPerMinute: 2 } });
    const token = await joinAs('coordinator', '8268');
    const body = { election: 'test-count', station: '8268' };
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const made = await makeInvites(body, bearer(token), limited);
      expect(made.status).toBe(201);
      codes.push(...(made.json.codes as Link[]).map((c) => c.code));
    }
    const refused = await makeInvites(body, bearer(token), limited);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await makeInvites(body, admin, limited)).status).toBe(201);
    const log = web.logLines.join('\n');
    for (const secret of [token, ADMIN_TOKEN, ...codes]) expect(log).not.toContain(secret);
  });
});

describe('PUT /api/count/elections/:id/stations', () => {
  const put = (body: string, headers: Record<string, string> = admin, election = 'test-count') =>
    web.client().request('PUT', `/api/count/elections/${election}/stations`, body, {
      'Content-Type': 'text/csv',
      ...headers,
    });
  const live = async () => {
    const response = await web.client().request('GET', '/api/count/elections/test-count/live');
    return response.json.stations as { station: string; city: string; timezone: string }[];
  };

  it('adds new stations and updates known ones, shown at once in the live counts', async () => {
    // Excel's "CSV UTF-8": a BOM and CRLF line ends.
    const csv = `\uFEFF${HEADER}\r\n8268,RS,Novi Sad,,Europe/Belgrade,,,,,\r\n8400,GE,Tbilisi,"Rustaveli 1, Tbilisi",Asia/Tbilisi,41.7,44.8,${days[0]},09:00,19:00\r\n`;
    const imported = await put(csv);
    expect(imported.status).toBe(200);
    expect(imported.json).toEqual({ added: 1, updated: 1 });
    const stations = await live();
    expect(stations.find((s) => s.station === '8268')).toMatchObject({
      city: 'Novi Sad',
      timezone: 'Europe/Belgrade',
    });
    expect(stations.find((s) => s.station === '8400')).toMatchObject({
      city: 'Tbilisi',
      timezone: 'Asia/Tbilisi',
    });
    // An invite to the station just imported works at once.
    expect((await makeInvites({ election: 'test-count', station: '8400' }, admin)).status).toBe(201);
  });

  it('refuses a file with bad rows whole, naming every problem with its line and column', async () => {
    const before = await live();
    const csv = [
      HEADER,
      '8500,RS,Niš,,Europe/Belgrade,,,,,',
      '8501,XX,Nowhere,,Mars/Olympus,,,,,',
      '8502,DE,Berlin,,Europe/Berlin,,,1999-01-01,,',
      '8500,RS,Niš again,,Europe/Belgrade,,,,,',
    ].join('\n');
    const refused = await put(csv);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('4 problems in the file; nothing was imported');
    expect(refused.json.problems).toEqual([
      { line: 3, column: 'country', message: expect.stringMatching(/ISO 3166-1 alpha-2/) },
      { line: 3, column: 'timezone', message: expect.stringMatching(/IANA time zone/) },
      { line: 4, column: 'days', message: expect.stringMatching(/^1999-01-01 is not a day of test-count/) },
      { line: 5, column: 'station', message: '8500 is already on line 2' },
    ]);
    expect(await live()).toEqual(before);

    const header = await put('number,country,city\n1,RS,Belgrade\n');
    expect(header.json.problems).toEqual([
      { line: 1, column: null, message: expect.stringMatching(/^expected the header station,country/) },
    ]);
    expect((await put('')).json.problems).toEqual([
      { line: null, column: null, message: 'the file is empty' },
    ]);
    const binary = await put('PK\u0003\u0004\u0000\u0000');
    expect(binary.status).toBe(400);
    expect(binary.json.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/binary/) }),
    ]);
  });

  it('takes ADMIN_TOKEN only, text/csv only, at most 5 MB, for a known election', async () => {
    const csv = `${HEADER}\n8267,RS,Belgrade,,Europe/Belgrade,,,,,\n`;
    const coordinator = await put(csv, bearer(await joinAs('coordinator')));
    expect(coordinator.status).toBe(403);
    expect(coordinator.json).toEqual({ error: 'only ADMIN_TOKEN may import stations' });
    expect((await put(csv, bearer(await joinAs('volunteer')))).status).toBe(403);
    const none = await put(csv, {});
    expect(none.status).toBe(401);
    expect(none.json.error).toMatch(/ADMIN_TOKEN/);
    expect((await put(csv, bearer('y'.repeat(40)))).status).toBe(401);
    const json = await put(csv, { ...admin, 'Content-Type': 'application/json' });
    expect(json.status).toBe(415);
    expect(json.json.error).toMatch(/text\/csv/);
    const huge = await put(`${HEADER}\n${'x'.repeat(5 * 1024 * 1024)}`);
    expect(huge.status).toBe(413);
    expect(huge.json.error).toBe('the body is larger than 5 MB');
    const unknown = await put(csv, admin, 'no-such');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: 'no such election' });
  });

  it('says how to import without ADMIN_TOKEN set on the server', async () => {
    const noAdmin = createWebApp({
      ...web.services,
      config: { ...web.services.config, ADMIN_TOKEN: undefined },
    });
    const refused = await web
      .client(noAdmin)
      .request('PUT', '/api/count/elections/test-count/stations', `${HEADER}\n`, {
        'Content-Type': 'text/csv',
      });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toMatch(/no ADMIN_TOKEN set; import stations with the CLI/);
  });
});

describe('the API description', () => {
  it('documents both routes and who may call them', async () => {
    const response = await web.client().request('GET', '/api/openapi.json');
    const paths = response.json.paths as Record<string, Record<string, { security?: unknown }>>;
    expect(paths['/api/count/invites']?.post?.security).toEqual([{ adminToken: [] }, { countToken: [] }]);
    expect(paths['/api/count/elections/{id}/stations']?.put?.security).toEqual([{ adminToken: [] }]);
  });
});
