import { z } from '@hono/zod-openapi';
import { STATION_COLUMNS } from '../../../catalogue/stations.js';
import { COUNT_EVENT_KINDS, MAX_BATCH } from '../../../count/events.js';
import { VOLUNTEER_ROLES } from '../../../count/storage.js';

// Count's requests and answers as the OpenAPI document shows them. A batch of events is checked by the domain's
// parseBatch (which names the bad event), so its schema here describes it without checking it twice.

export const joinBody = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('the invite code as printed; spaces, dashes and capitals are ignored'),
});

export const joinedSchema = z
  .object({
    token: z
      .string()
      .describe('the bearer token for POST /api/count/events; shown once, keep it on the device'),
    election: z.string(),
    station: z.string(),
    role: z.enum(VOLUNTEER_ROLES),
  })
  .openapi('CountJoined');

export const eventsBody = z
  .object({
    events: z
      .array(
        z.looseObject({
          id: z.uuid(),
          kind: z.enum(COUNT_EVENT_KINDS),
          at: z.string().optional().describe('ISO-8601 with an offset or Z (optional for undo)'),
        }),
      )
      .min(1)
      .max(MAX_BATCH)
      .describe(
        'entry {door?}, undo {target}, queue {people, waitMinutes}, exitpoll {answer, gender?, age?}, ' +
          'shift-start {door?}, shift-end {door?}; an id already stored counts once',
      ),
  })
  .openapi('CountEvents');

export const recordedSchema = z
  .object({
    accepted: z.int().describe('events stored now'),
    duplicates: z.int().describe('events whose id was already stored (a retry)'),
  })
  .openapi('CountRecorded');

export const electionParams = z.object({ id: z.string().max(100) });
export const stationParams = z.object({ id: z.string().max(100), station: z.string().max(100) });

export const electionsSchema = z
  .object({
    elections: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        title: z.object({ ru: z.string(), en: z.string() }),
        days: z.array(z.string()),
        answers: z
          .array(z.object({ id: z.string(), ru: z.string(), en: z.string() }))
          .describe("the exit poll's answers in the election's order, invalid, removed and declined last"),
      }),
    ),
  })
  .openapi('CountElections');

export const liveStationSchema = z
  .object({
    station: z.string(),
    country: z.string(),
    city: z.string(),
    timezone: z.string().describe("the station's IANA time zone, for showing its own clock times"),
    counted: z.object({
      value: z
        .number()
        .nullable()
        .describe('people counted so far (the median of volunteers per door and bucket)'),
      coverage: z.number().nullable().describe('the share of opening minutes watched, 0 to 1'),
    }),
    queue: z.object({ people: z.int(), waitMinutes: z.int(), at: z.string() }).nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('CountLiveStation');

export const liveSchema = z
  .object({
    election: z.string(),
    stations: z.array(liveStationSchema),
    totals: z.object({ counted: z.int() }),
  })
  .openapi('CountLive');

export const arrivalsSchema = z
  .object({
    station: z.string(),
    buckets: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        door: z.string(),
        count: z.number().nullable().describe('null where nobody watched the door then'),
      }),
    ),
  })
  .openapi('CountArrivals');

/** Enough for a station's team in one go; the CLI makes more at once for a whole country. */
export const MAX_INVITES_PER_REQUEST = 50;

export const invitesBody = z.strictObject({
  election: z.string().min(1).max(100),
  station: z.string().min(1).max(100),
  role: z.enum(VOLUNTEER_ROLES).optional().describe('volunteer (default); coordinator only with ADMIN_TOKEN'),
  n: z
    .int()
    .min(1)
    .max(MAX_INVITES_PER_REQUEST)
    .optional()
    .describe(`how many single-use codes, 1 to ${MAX_INVITES_PER_REQUEST} (default 1)`),
});

export const invitesSchema = z
  .object({
    codes: z.array(
      z.object({
        code: z.string().describe('single-use; stored only as a hash, so shown this once'),
        web: z.string().describe('opens the web counter and joins (the code rides in the fragment)'),
        telegram: z
          .string()
          .nullable()
          .describe('opens the bot and joins; null without TELEGRAM_BOT_USERNAME'),
      }),
    ),
    expiresAt: z.string().describe('when the codes stop working'),
  })
  .openapi('CountInvites');

export const stationsImportedSchema = z
  .object({ added: z.int(), updated: z.int().describe('stations already there, replaced by their row') })
  .openapi('CountStationsImported');

export const stationProblemsSchema = z
  .object({
    error: z.string(),
    problems: z.array(
      z.object({
        line: z.int().nullable().describe('from 1, the header; null where the whole file is at fault'),
        column: z.enum(STATION_COLUMNS).nullable(),
        message: z.string(),
      }),
    ),
  })
  .openapi('CountStationProblems');

const share = z.number().min(0).max(1);
const officialSchema = z
  .object({
    ballots: z.int().describe('ballots found in the boxes, valid and invalid'),
    votes: z
      .record(z.string(), z.int())
      .describe('official votes per answer id (invalid: the invalid ballots)'),
  })
  .nullable();
const exitPollSchema = z
  .object({
    respondents: z.int().describe('every answer, declined included'),
    declined: z.int(),
    answers: z.record(
      z.string(),
      z.object({
        count: z.int(),
        share: share.nullable(),
        low: share.nullable().describe('Wilson 95% lower bound of count ÷ respondents'),
        high: share
          .nullable()
          .describe(
            'Wilson 95% upper bound of (count + declined) ÷ respondents: whatever those who declined chose',
          ),
      }),
    ),
  })
  .nullable();
const flagSchema = z.object({
  kind: z.enum(['outside-survey', 'contradiction', 'more-ballots-than-counted', 'counts-disagree']),
  answer: z.string().optional(),
});

export const reportSchema = z
  .object({
    election: z.string(),
    exitPollPublished: z
      .boolean()
      .describe('false: the exit poll (and the flags that would tell it) are left out until closesAt'),
    closesAt: z.string().nullable().describe("when the election's last station closes"),
    stations: z.array(
      z.object({
        station: z.string(),
        country: z.string(),
        city: z.string(),
        counted: z.object({
          value: z.number().nullable(),
          coverage: share.nullable(),
          estimate: z.number().nullable().describe('value ÷ coverage when coverage ≥ 0.5, else null'),
        }),
        official: officialSchema,
        exitPoll: exitPollSchema,
        flags: z.array(flagSchema),
        excluded: z
          .int()
          .describe("volunteers a coordinator excluded from this station's figures (their data is kept)"),
      }),
    ),
    totals: z.object({
      counted: z.number().nullable(),
      official: officialSchema,
      exitPoll: exitPollSchema,
      flagged: z.int().describe('stations with any flag'),
      stationsWithExclusions: z.int().describe("stations where a volunteer's data is excluded"),
    }),
  })
  .openapi('CountReport');

const reviewVolunteerSchema = z.object({
  id: z.string().describe('the handle for excluding them; never shown publicly'),
  kind: z.enum(['counter', 'tally']).describe('counter: taps in the app or bot; tally: a paper tally'),
  label: z.string().describe('A, B, … in the order they began; paper tallies 1, 2, …'),
  excluded: z.boolean(),
  counted: z.number().describe('people they counted in opening hours'),
});
const reviewLogSchema = z.array(
  z.object({
    volunteer: z.string(),
    label: z.string(),
    excluded: z.boolean().describe('true: excluded from the figures; false: included again'),
    by: z.enum(['admin', 'admin (cli)', 'coordinator']),
    byLabel: z.string().nullable().describe("the coordinator's own label when they counted at the station"),
    at: z.string(),
  }),
);

export const reviewSchema = z
  .object({
    election: z.string(),
    station: z.string(),
    timezone: z.string(),
    volunteers: z.array(reviewVolunteerSchema),
    buckets: z.array(
      z.object({
        door: z.string(),
        from: z.string(),
        to: z.string(),
        counts: z.record(z.string(), z.number()).describe('each watching volunteer’s count by id'),
        median: z.number().nullable().describe('what the figures use, over volunteers not excluded'),
        disagrees: z.boolean().describe('counts-disagree among volunteers not excluded'),
      }),
    ),
    flagged: z.array(
      z.object({
        volunteer: z.string(),
        label: z.string(),
        kind: z.enum(['entry', 'queue', 'exitpoll']),
        reason: z.enum(['out-of-hours', 'too-fast']),
        at: z.string(),
        door: z.string().nullable(),
      }),
    ),
    excluded: z.int(),
    log: reviewLogSchema.describe('oldest first'),
  })
  .openapi('CountStationReview');

export const exclusionBody = z.strictObject({
  volunteer: z.string().min(1).max(200).describe("a volunteer's id from the review"),
  excluded: z.boolean().describe('true: leave their data out of the figures; false: count it again'),
});

export const exclusionSchema = z
  .object({ volunteer: reviewVolunteerSchema, log: reviewLogSchema })
  .openapi('CountExclusion');

export const exclusionLogSchema = z.object({ log: reviewLogSchema }).openapi('CountExclusionLog');
