import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry, setUpElection } from '../../../test-support/count.js';
import { startTestApp, type TestApp } from '../../../test-support/web.js';
import { createWebApp } from '../../app.js';

// A station's review over HTTP, on a real SQLite file: who may see it (ADMIN_TOKEN, the station's own
// coordinator), excluding a volunteer and including them again, and what the public report and live counts show.

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const STATION = '8267';
const REVIEW = `/api/count/elections/test-count/stations/${STATION}/review`;
const EXCLUSIONS = `/api/count/elections/test-count/stations/${STATION}/exclusions`;

let web: TestApp;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];
let coordinator: string;
let volunteer: string;
let otherCoordinator: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const admin = bearer(ADMIN_TOKEN);

async function join(role: 'volunteer' | 'coordinator', station = STATION) {
  const joined = await web.client().request('POST', '/api/count/join', { code: await invite(station, role) });
  return joined.json.token as string;
}

async function send(token: string, events: unknown[]) {
  const sent = await web.client().request('POST', '/api/count/events', { events }, bearer(token));
  expect(sent.status).toBe(200);
}

/** The public report as a new visitor gets it (a new app: the report is cached for ten seconds per app). */
async function publicReport() {
  const response = await web
    .client(createWebApp(web.services))
    .request('GET', '/api/count/elections/test-count/report');
  return response;
}

beforeAll(async () => {
  web = await startTestApp({ env: { ADMIN_TOKEN } });
  ({ invite } = await setUpElection(web.services.store, { stations: [STATION, '8268'] }));
  coordinator = await join('coordinator');
  volunteer = await join('volunteer');
  otherCoordinator = await join('coordinator', '8268');
  // Two taps by the coordinator an hour ago, three by the volunteer in another quarter hour.
  await send(coordinator, [entry(62), entry(61)]);
  await send(volunteer, [entry(20), entry(19), entry(18)]);
});

afterAll(async () => {
  await web?.close();
});

describe('the station review', () => {
  it("shows the station's coordinator and the admin every volunteer's counts, and no one else", async () => {
    const seen = await web.client().request('GET', REVIEW, undefined, bearer(coordinator));
    expect(seen.status).toBe(200);
    expect(seen.headers.get('cache-control')).toMatch(/no-store/);
    const volunteers = seen.json.volunteers as { id: string; label: string; counted: number }[];
    expect(volunteers.map((v) => [v.label, v.counted])).toEqual([
      ['A', 2],
      ['B', 3],
    ]);
    expect((seen.json.buckets as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect((await web.client().request('GET', REVIEW, undefined, admin)).json).toEqual(seen.json);

    const asVolunteer = await web.client().request('GET', REVIEW, undefined, bearer(volunteer));
    expect(asVolunteer.status).toBe(403);
    expect(asVolunteer.json.error).toMatch(/volunteer's token cannot/);
    const other = await web.client().request('GET', REVIEW, undefined, bearer(otherCoordinator));
    expect(other.status).toBe(403);
    expect(other.json.error).toBe('a coordinator reviews only their own station (8268 of test-count)');
    expect((await web.client().request('GET', REVIEW)).status).toBe(401);
    expect((await web.client().request('GET', EXCLUSIONS, undefined, bearer(volunteer))).status).toBe(403);
    const post = (token: string) =>
      web
        .client()
        .request('POST', EXCLUSIONS, { volunteer: volunteers[1]?.id, excluded: true }, bearer(token));
    expect((await post(volunteer)).status).toBe(403);
    expect((await post(otherCoordinator)).status).toBe(403);
    const missing = await web
      .client()
      .request('GET', '/api/count/elections/test-count/stations/9999/review', undefined, admin);
    expect(missing.status).toBe(404);
  });

  it('leaves an excluded volunteer out of the public figures, says so, and counts them again when included', async () => {
    const before = await publicReport();
    const station = () => (before.json.stations as { station: string }[]).find((s) => s.station === STATION);
    expect(station()).toMatchObject({ counted: { value: 5 }, excluded: 0 });
    expect(before.json.totals).toMatchObject({ counted: 5, stationsWithExclusions: 0 });

    const review = await web.client().request('GET', REVIEW, undefined, bearer(coordinator));
    const b = (review.json.volunteers as { id: string; label: string }[]).find((v) => v.label === 'B');
    const excluded = await web
      .client()
      .request('POST', EXCLUSIONS, { volunteer: b?.id, excluded: true }, bearer(coordinator));
    expect(excluded.status).toBe(200);
    expect(excluded.json.volunteer).toMatchObject({ label: 'B', excluded: true, counted: 3 });
    expect(excluded.json.log).toEqual([
      {
        volunteer: b?.id,
        label: 'B',
        excluded: true,
        by: 'coordinator',
        byLabel: 'A',
        at: expect.any(String),
      },
    ]);

    const after = await publicReport();
    const line = (after.json.stations as { station: string }[]).find((s) => s.station === STATION);
    expect(line).toMatchObject({ counted: { value: 2 }, excluded: 1 });
    expect(after.json.totals).toMatchObject({ counted: 2, stationsWithExclusions: 1 });
    // Nothing public names who was excluded.
    expect(after.text).not.toContain(b?.id ?? '?');
    const live = await web
      .client()
      .request('GET', `/api/count/elections/test-count/stations/${STATION}/live`);
    expect(live.json.counted).toMatchObject({ value: 2 });

    const included = await web
      .client()
      .request('POST', EXCLUSIONS, { volunteer: b?.id, excluded: false }, admin);
    expect(included.json.volunteer).toMatchObject({ excluded: false });
    const log = await web.client().request('GET', EXCLUSIONS, undefined, bearer(coordinator));
    expect(log.json.log).toEqual([
      expect.objectContaining({ excluded: true, by: 'coordinator', byLabel: 'A' }),
      expect.objectContaining({ excluded: false, by: 'admin', byLabel: null }),
    ]);
    const back = await publicReport();
    expect((back.json.stations as { station: string }[]).find((s) => s.station === STATION)).toMatchObject({
      counted: { value: 5 },
      excluded: 0,
    });
    expect(back.json.totals).toMatchObject({ stationsWithExclusions: 0 });
  });

  it('refuses a volunteer who has no data at the station, and a malformed body', async () => {
    const unknown = await web
      .client()
      .request('POST', EXCLUSIONS, { volunteer: 'nobody', excluded: true }, bearer(coordinator));
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: 'no volunteer with that id has data at this station' });
    const bad = await web.client().request('POST', EXCLUSIONS, { volunteer: 'x', excluded: 'yes' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^excluded: /);
    expect((await web.client().request('POST', EXCLUSIONS, '{"volunteer": ', admin)).status).toBe(400);
  });
});

describe('the API description', () => {
  it('documents the review and the exclusions, for ADMIN_TOKEN or a count token', async () => {
    const response = await web.client().request('GET', '/api/openapi.json');
    const paths = response.json.paths as Record<string, Record<string, { security?: unknown }>>;
    const either = [{ adminToken: [] }, { countToken: [] }];
    expect(paths['/api/count/elections/{id}/stations/{station}/review']?.get?.security).toEqual(either);
    expect(paths['/api/count/elections/{id}/stations/{station}/exclusions']?.get?.security).toEqual(either);
    expect(paths['/api/count/elections/{id}/stations/{station}/exclusions']?.post?.security).toEqual(either);
  });
});
