import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpElection, testStation } from '../../../test-support/count.js';
import { startTestApp, type TestApp } from '../../../test-support/web.js';
import { isRunning } from './guide.js';

// The guide's web API on a real SQLite file: topics with sources, the elections and their stations (shipped, or
// imported by a coordinator, with the live queue while the polls are open), a station's calendar file, and
// refusals that say what was wrong without a stack trace.

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp();
});

afterAll(async () => {
  await web?.close();
});

const get = (path: string) => web.client().request('GET', path);

/** A small RFC 5545 reader: unfolds, checks every line is NAME[;params]:value and the blocks nest; the events. */
function readCalendar(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n$/, '').replaceAll('\r\n ', '').split('\r\n');
  const open: string[] = [];
  const events: Record<string, string>[] = [];
  for (const line of lines) {
    const match = /^([A-Z-]+)(;[^:]*)?:(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name = '', , value = ''] = match;
    if (name === 'BEGIN') {
      open.push(value);
      if (value === 'VEVENT') events.push({});
    } else if (name === 'END') {
      if (open.pop() !== value) throw new Error(`END:${value} closes another block`);
    } else if (open.at(-1) === 'VEVENT') (events.at(-1) as Record<string, string>)[name] = value;
  }
  if (open.length > 0) throw new Error(`${open.join(', ')} left open`);
  return events;
}

describe('topics', () => {
  it('lists the twelve topics of the spec with a title and a short answer, in Russian or English', async () => {
    const ru = await get('/api/guide/topics?lang=ru');
    expect(ru.status).toBe(200);
    const topics = ru.json.topics as { id: string; title: string; short: string }[];
    expect(topics.map((t) => t.id)).toEqual(
      expect.arrayContaining(['eligibility', 'documents', 'find-station', 'voting-days', 'queue', 'results']),
    );
    expect(topics.length).toBeGreaterThanOrEqual(12);
    expect(topics.find((t) => t.id === 'documents')?.title).toMatch(/паспорт/i);
    const en = await get('/api/guide/topics?lang=en');
    expect(
      (en.json.topics as { id: string; title: string }[]).find((t) => t.id === 'documents')?.title,
    ).toMatch(/passport/i);
  });

  it('gives a topic with details and every fact with its source and check date', async () => {
    const response = await get('/api/guide/topics/documents?lang=en&election=pres-2024');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id: 'documents', lang: 'en', short: expect.any(String) });
    const facts = response.json.facts as { source: { url: string; publisher: string }; checked: string }[];
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      expect(fact.source.url).toMatch(/^https?:\/\//);
      expect(fact.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('refuses an unknown topic or election with 404 and a bad language with 400, as {error}', async () => {
    for (const [path, status] of [
      ['/api/guide/topics/nope?lang=ru', 404],
      ['/api/guide/topics/documents?election=nope', 404],
      ['/api/guide/topics?lang=de', 400],
      ['/api/guide/topics/documents?lang=xx', 400],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(Object.keys(response.json)).toEqual(['error']);
      expect(response.text).not.toMatch(/at .*\.ts/);
    }
  });
});

describe('stations', () => {
  it('gives the shipped stations of an election with Russian city names, days and hours, and no queue when it is over', async () => {
    const response = await get('/api/guide/elections/pres-2024/stations');
    expect(response.status).toBe(200);
    expect(response.json.running).toBe(false);
    const stations = response.json.stations as Record<string, unknown>[];
    const belgrade = stations.find((s) => s.station === '8267');
    expect(belgrade).toMatchObject({
      country: 'RS',
      city: 'Belgrade',
      cityRu: 'Белград',
      address: expect.stringContaining('Bulevar crvene armije 28'),
      timezone: 'Europe/Belgrade',
      days: ['2024-03-17'],
      opens: '08:00',
      closes: '20:00',
      queue: null,
    });
    expect(response.json.cities).toEqual(
      expect.arrayContaining([expect.objectContaining({ en: 'Belgrade', ru: 'Белград' })]),
    );
  });

  it('refuses an unknown election or station with 404 {error}', async () => {
    for (const path of [
      '/api/guide/elections/nope/stations',
      '/api/guide/elections/pres-2024/stations/99999/calendar.ics',
      '/api/guide/elections/nope/stations/8267/calendar.ics',
      '/api/guide/elections/..%2F..%2Fetc/stations',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(Object.keys(response.json)).toEqual(['error']);
    }
  });

  it("prefers a coordinator's imported stations and shows their latest queue while the polls are open", async () => {
    const { election, invite } = await setUpElection(web.services.store, {
      id: 'guide-live',
      stations: ['1'],
    });
    await web.services.store.count.importStations(election.id, [
      testStation(election, '1', { lat: 44.8, lon: 20.46, address: 'Somewhere 1' }),
      testStation(election, '2', { lat: 45.25, lon: 19.84 }),
    ]);
    const client = web.client();
    const joined = await client.request('POST', '/api/count/join', { code: await invite('1') });
    const sent = await client.request(
      'POST',
      '/api/count/events',
      {
        events: [
          {
            id: randomUUID(),
            kind: 'queue',
            at: new Date(Date.now() - 60_000).toISOString(),
            people: 40,
            waitMinutes: 25,
          },
        ],
      },
      { Authorization: `Bearer ${joined.json.token}` },
    );
    expect(sent.status).toBe(200);

    const response = await get('/api/guide/elections/guide-live/stations');
    expect(response.status).toBe(200);
    expect(response.json.running).toBe(true);
    const stations = response.json.stations as Record<string, unknown>[];
    expect(stations.map((s) => s.station).sort()).toEqual(['1', '2']);
    expect(stations.find((s) => s.station === '1')).toMatchObject({
      lat: 44.8,
      lon: 20.46,
      located: 'station',
      queue: { people: 40, waitMinutes: 25 },
    });
    // Nothing about the volunteer who reported it.
    expect(response.text).not.toMatch(/volunteer|token|device/i);
    expect(response.text).not.toContain(String(joined.json.token));

    // The latest election with stations is the page's default.
    const list = await get('/api/guide/elections');
    expect(list.json.default).toBe('guide-live');
  });
});

describe('calendar', () => {
  it('gives one event per voting day with the summary, the address, CRLF lines and a stable UID', async () => {
    const first = await get('/api/guide/elections/pres-2024/stations/8267/calendar.ics?lang=ru');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = first.text;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // Every line ends in CRLF and no line is longer than 75 octets.
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replaceAll('\r\n ', '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(unfolded).toContain('SUMMARY:Голосование: участок № 8267');
    // 08:00–20:00 in Belgrade on 17 March 2024 is 07:00–19:00 UTC.
    expect(unfolded).toContain('DTSTART:20240317T070000Z');
    expect(unfolded).toContain('DTEND:20240317T190000Z');
    // Commas in the address are escaped.
    expect(unfolded).toContain(
      'LOCATION:Russian embassy school\\, Bulevar crvene armije 28\\, Novi Beograd\\, Белград',
    );
    const uid = /UID:(.+)/.exec(unfolded)?.[1];
    expect(uid).toBeTruthy();
    const again = await get('/api/guide/elections/pres-2024/stations/8267/calendar.ics?lang=en');
    const unfoldedAgain = again.text.replaceAll('\r\n ', '');
    expect(/UID:(.+)/.exec(unfoldedAgain)?.[1]).toBe(uid);
    expect(unfoldedAgain).toContain('SUMMARY:Voting: polling station No. 8267');
  });

  it('reads back as a calendar: every line well formed, blocks nested, each event with its fields', async () => {
    const response = await get('/api/guide/elections/pres-2024/stations/8267/calendar.ics?lang=en');
    const events = readCalendar(response.text);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      DTSTART: '20240317T070000Z',
      DTEND: '20240317T190000Z',
      SUMMARY: 'Voting: polling station No. 8267',
      UID: 'pres-2024-8267-2024-03-17@sobesednik',
    });
    expect(events[0]?.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(events[0]?.DESCRIPTION).toContain('08:00–20:00 local time (Europe/Belgrade)');
  });

  it('has an event for each of three days', async () => {
    const stations = (await get('/api/guide/elections/pres-2024/stations')).json.stations as {
      station: string;
      days: string[];
    }[];
    const threeDays = stations.find((s) => s.days.length === 3);
    expect(threeDays).toBeDefined();
    const response = await get(`/api/guide/elections/pres-2024/stations/${threeDays?.station}/calendar.ics`);
    expect(response.text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(response.text.match(/END:VEVENT/g)).toHaveLength(3);
  });
});

describe('isRunning', () => {
  const station = (days: string[]) =>
    ({
      station: '1',
      country: 'RS',
      city: 'Belgrade',
      address: null,
      timezone: 'Europe/Belgrade',
      lat: null,
      lon: null,
      days,
      opens: '08:00',
      closes: '20:00',
    }) as const;
  it('is true from the first opening to the last closing, in the stations’ own time', () => {
    const stations = [station(['2024-03-15', '2024-03-16', '2024-03-17'])];
    expect(isRunning(stations, Date.parse('2024-03-15T06:59:00Z'))).toBe(false);
    expect(isRunning(stations, Date.parse('2024-03-15T07:00:00Z'))).toBe(true);
    expect(isRunning(stations, Date.parse('2024-03-17T18:59:00Z'))).toBe(true);
    expect(isRunning(stations, Date.parse('2024-03-17T19:00:00Z'))).toBe(false);
    expect(isRunning([], Date.now())).toBe(false);
  });
});

describe('the page', () => {
  it('serves /guide, and the home page links to it', async () => {
    const page = await get('/guide');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/static/guide.js');
    // Only this page may ask for the position ("near me"); every other keeps it off.
    expect(page.headers.get('permissions-policy')).toMatch(/geolocation=\(self\)/);
    expect((await get('/')).headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
    const home = await get('/');
    expect(home.text).toMatch(/href="\/guide"[^>]*>Как проголосовать за границей</);
  });
});
