import { z } from '@hono/zod-openapi';

// The guide API's parameters and answers, for validation and the OpenAPI document.

export const langQuery = z.object({
  lang: z.enum(['ru', 'en']).optional().openapi({ description: 'ru (the default) or en' }),
});

export const electionParams = z.object({ id: z.string().max(100) });
export const stationParams = z.object({ id: z.string().max(100), station: z.string().max(100) });

const bilingual = z.object({ ru: z.string(), en: z.string() });

export const topicsSchema = z
  .object({
    lang: z.enum(['ru', 'en']),
    topics: z.array(z.object({ id: z.string(), title: z.string(), short: z.string() })),
  })
  .openapi('GuideTopics');

export const topicSchema = z
  .object({
    lang: z.enum(['ru', 'en']),
    id: z.string(),
    title: z.string(),
    short: z.string(),
    details: z.string(),
    election: z.object({ id: z.string(), note: z.string() }).nullable(),
    facts: z.array(
      z.object({
        claim: z.string(),
        note: z.string().nullable(),
        source: z.object({ publisher: z.string(), title: z.string(), year: z.number(), url: z.string() }),
        checked: z.string().openapi({ description: 'YYYY-MM-DD, the day the fact was last checked' }),
      }),
    ),
  })
  .openapi('GuideTopic');

export const electionsSchema = z
  .object({
    default: z
      .string()
      .nullable()
      .openapi({ description: 'the latest election (by its last day) with stations' }),
    elections: z.array(
      z.object({
        id: z.string(),
        title: bilingual,
        days: z.array(z.string()),
        stations: z.int(),
        running: z.boolean(),
      }),
    ),
  })
  .openapi('GuideElections');

const queue = z
  .object({ people: z.int(), waitMinutes: z.int(), at: z.string() })
  .nullable()
  .openapi({ description: 'the latest queue a volunteer reported; only while the polls are open' });

export const stationsSchema = z
  .object({
    election: z.object({
      id: z.string(),
      title: bilingual,
      days: z.array(z.string()),
      hours: z.object({ opens: z.string(), closes: z.string() }),
    }),
    running: z.boolean(),
    cities: z.array(
      z.object({
        en: z.string(),
        ru: z.string(),
        country: z.string(),
        local: z.array(z.string()),
        also: z.array(z.string()),
        lat: z.number().optional(),
        lon: z.number().optional(),
      }),
    ),
    stations: z.array(
      z.object({
        station: z.string(),
        country: z.string(),
        city: z.string(),
        cityRu: z.string().nullable(),
        address: z.string().nullable(),
        timezone: z.string(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
        located: z.enum(['station', 'city']).nullable().openapi({
          description: "where lat/lon come from: the station's own row or its city's centre",
        }),
        days: z.array(z.string()),
        opens: z.string(),
        closes: z.string(),
        queue,
      }),
    ),
  })
  .openapi('GuideStations');
