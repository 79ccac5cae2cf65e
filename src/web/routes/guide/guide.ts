import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { electionStations } from '../../../app/stations.js';
import type { City } from '../../../catalogue/cities.js';
import type { Election } from '../../../catalogue/election.js';
import type { Catalogue } from '../../../catalogue/load.js';
import type { Station } from '../../../catalogue/stations.js';
import { openingWindows } from '../../../count/buckets.js';
import type { Counting, LiveStation } from '../../../count/counting.js';
import { stationPoint } from '../../../guide/station-search.js';
import { topicView } from '../../../guide/topics.js';
import { refuse } from '../../errors.js';
import { json, refusal } from '../../openapi.js';
import { invalidInput } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';
import { type StaticFiles, sendFile } from '../pages.js';
import { stationCalendar } from './calendar.js';
import {
  electionParams,
  electionsSchema,
  langQuery,
  stationParams,
  stationsSchema,
  topicSchema,
  topicsSchema,
} from './schemas.js';

// The guide on the web: the page /guide, and what its script reads — the topics with their sources, the elections
// and each one's polling stations (public data: number, city, address, days, hours, coordinates), with the
// latest queue a volunteer reported while the election runs. Nothing here is about a person: the page computes
// "near me" itself, and no request carries a position.

export interface GuideDeps {
  catalogue: () => Catalogue;
  counting: Pick<Counting, 'elections' | 'election' | 'stations' | 'live'>;
  files: StaticFiles;
  /** The public address of the site, for the calendar's link back (PUBLIC_URL). */
  publicUrl?: string | undefined;
  now?: () => number;
}

/** A city of the finder, with its centre when content/guide/cities.yaml gives one. */

export interface GuideStation extends Station {
  /** The city's Russian name, when the city table knows it. */
  cityRu: string | null;
  /** Where lat/lon come from: the station's own row, the city's centre, or nowhere (both null). */
  located: 'station' | 'city' | null;
  /** The latest queue a volunteer reported, only while the election runs. */
  queue: LiveStation['queue'];
}

/** Whether the polls are open somewhere: between the first station's opening and the last one's closing. */
export function isRunning(stations: readonly Station[], at: number): boolean {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const station of stations)
    for (const window of openingWindows(station)) {
      from = Math.min(from, window.from);
      to = Math.max(to, window.to);
    }
  return at >= from && at < to;
}

export function guideRoutes(deps: GuideDeps) {
  const { counting, files } = deps;
  const now = deps.now ?? Date.now;

  const stationsOf = (election: string) => electionStations(counting, deps.catalogue(), election);

  async function electionOf(id: string): Promise<Election> {
    const found = await counting.election(id);
    if (!found) throw refuse(404, 'no such election');
    return found;
  }

  /** The station's point, its city's centre when its own is not known (guide/station-search.ts), or none. */
  function located(station: Station, cities: readonly City[]) {
    const point = stationPoint(station, cities);
    if (!point) return { lat: null, lon: null, located: null };
    return {
      lat: point.lat,
      lon: point.lon,
      located: point.approximate ? ('city' as const) : ('station' as const),
    };
  }

  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });
  app.get('/guide', (c) => sendFile(c, files, 'guide.html'));

  const topics = createRoute({
    method: 'get',
    path: '/api/guide/topics',
    summary: "The guide's topics: id, title and the short answer, in Russian or English",
    request: { query: langQuery },
    responses: { 200: json('the topics', topicsSchema), 400: refusal('lang is not ru or en') },
  });
  app.openapi(topics, (c) => {
    const lang = c.req.valid('query').lang ?? 'ru';
    const list = deps.catalogue().guide.map((topic) => {
      const { id, title, short } = topicView(topic, lang);
      return { id, title, short };
    });
    return c.json({ lang, topics: list }, 200);
  });

  const topic = createRoute({
    method: 'get',
    path: '/api/guide/topics/{id}',
    summary:
      'One topic: the short answer, the details, and every fact with its source and the day it was checked',
    request: {
      params: z.object({ id: z.string().max(100) }),
      query: langQuery.extend({ election: z.string().max(100).optional() }),
    },
    responses: {
      200: json('the topic', topicSchema),
      400: refusal('lang is not ru or en'),
      404: refusal('no such topic or election'),
    },
  });
  app.openapi(topic, async (c) => {
    const { lang = 'ru', election } = c.req.valid('query');
    const found = deps.catalogue().guide.find((t) => t.id === c.req.valid('param').id);
    if (!found) throw refuse(404, 'no such topic');
    if (election !== undefined) await electionOf(election);
    return c.json({ lang, ...topicView(found, lang, election) }, 200);
  });

  const elections = createRoute({
    method: 'get',
    path: '/api/guide/elections',
    summary: 'The elections with how many stations each has, and the default: the latest one with stations',
    responses: { 200: json('the elections', electionsSchema) },
  });
  app.openapi(elections, async (c) => {
    const list = [];
    for (const election of await counting.elections()) {
      const stations = await stationsOf(election.id);
      list.push({
        id: election.id,
        title: election.title,
        days: election.days,
        stations: stations.length,
        running: stations.length > 0 && isRunning(stations, now()),
      });
    }
    // The latest election (by its last day) that has stations: what a person most likely asks about.
    const latest = list
      .filter((e) => e.stations > 0)
      .sort((a, b) => (a.days.at(-1) ?? '').localeCompare(b.days.at(-1) ?? ''))
      .at(-1);
    return c.json({ default: latest?.id ?? null, elections: list }, 200);
  });

  const stations = createRoute({
    method: 'get',
    path: '/api/guide/elections/{id}/stations',
    summary:
      "An election's polling stations (a coordinator's list, else the shipped one) with city names, address, " +
      "days, local hours, time zone and coordinates, and each one's latest queue while the polls are open",
    request: { params: electionParams },
    responses: { 200: json('the stations', stationsSchema), 404: refusal('no such election') },
  });
  app.openapi(stations, async (c) => {
    const election = await electionOf(c.req.valid('param').id);
    const { cities } = deps.catalogue();
    const list = await stationsOf(election.id);
    const running = list.length > 0 && isRunning(list, now());
    const queues = new Map<string, LiveStation['queue']>();
    if (running) {
      const live = await counting.live(election.id);
      for (const station of live?.stations ?? []) queues.set(station.station, station.queue);
    }
    const shown: GuideStation[] = list.map((station) => ({
      ...station,
      ...located(station, cities),
      cityRu: cities.find((city) => city.country === station.country && city.en === station.city)?.ru ?? null,
      queue: queues.get(station.station) ?? null,
    }));
    return c.json(
      {
        election: { id: election.id, title: election.title, days: election.days, hours: election.hours },
        running,
        cities: cities.map(({ en, ru, country, local, also, lat, lon }) => ({
          en,
          ru,
          country,
          local,
          also,
          ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
        })),
        stations: shown,
      },
      200,
    );
  });

  const calendar = createRoute({
    method: 'get',
    path: '/api/guide/elections/{id}/stations/{station}/calendar.ics',
    summary: "A station's voting days as an iCalendar file: one event per day, the address as the location",
    request: { params: stationParams, query: langQuery },
    responses: {
      200: {
        description: 'the calendar, as a download',
        content: { 'text/calendar': { schema: z.string() } },
      },
      400: refusal('lang is not ru or en'),
      404: refusal('no such election or station'),
    },
  });
  app.openapi(calendar, async (c) => {
    const lang = c.req.valid('query').lang ?? 'ru';
    const { id, station: number } = c.req.valid('param');
    const election = await electionOf(id);
    const station = (await stationsOf(election.id)).find((s) => s.station === number);
    if (!station) throw refuse(404, 'no such station in this election');
    const city = deps
      .catalogue()
      .cities.find((known) => known.country === station.country && known.en === station.city);
    const body = stationCalendar({
      election: { id: election.id, title: election.title[lang] },
      station,
      city: lang === 'ru' ? (city?.ru ?? station.city) : station.city,
      lang,
      now: now(),
      url: deps.publicUrl ? `${deps.publicUrl.replace(/\/$/, '')}/guide` : null,
    });
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="station-${number.replace(/[^A-Za-z0-9-]/g, '_')}.ics"`,
      },
    });
  });

  return app;
}
