import { z } from '@hono/zod-openapi';
import { LANGS } from '../../../catalogue/schema.js';
import { COMMANDS } from '../../../dialogue/messages.js';
import { MODES } from '../../../dialogue/state.js';
import { PRACTICE_OUTCOMES } from '../../../dialogue/storage.js';
import { refusal } from '../../openapi.js';

// Talk's requests and answers, checked with zod; the OpenAPI document is generated from the same schemas, so it
// cannot drift from what the server accepts.

export const langSchema = z.enum(LANGS);

/** Telegram's callback limit; the engine's buttons are built within it. */
const MAX_BUTTON_DATA = 64;
const MAX_ARGUMENT = 100;
/** Ten years: more than anyone keeps, and a bound on the work one request can ask for. */
export const MAX_DAYS = 3660;

const lang = langSchema.optional().describe('the language of a new conversation (default ru)');

export const createSessionBody = z.strictObject({ lang });

export const textEvent = z.strictObject({
  text: z.string().min(1).describe('what the user typed (cut at 2,000 characters by the engine)'),
  lang,
});
export const buttonEvent = z.strictObject({
  button: z.string().min(1).max(MAX_BUTTON_DATA).describe("a button's data, as the engine sent it"),
  lang,
});
export const commandEvent = z.strictObject({
  command: z.enum(COMMANDS),
  argument: z.string().max(MAX_ARGUMENT).optional(),
  lang,
});
export const eventBody = z.union([textEvent, buttonEvent, commandEvent]);

export const matchBody = z.strictObject({ text: z.string().min(1) });

export const coachBody = z.strictObject({
  text: z.string().min(1).describe('the reply to judge'),
  context: z.string().optional().describe('what the relative said, which the reply answers'),
  lang: langSchema.optional().describe("the language of tips and rewrite (default: the reply's own)"),
});

const langParam = langSchema.optional().openapi({ description: 'ru (default) or en' });

export const langQuery = z.strictObject({ lang: langParam });

export const statsQuery = z.strictObject({
  // The generator cannot see through coerce, so the document's bounds are given again.
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_DAYS)
    .optional()
    .openapi({ type: 'integer', minimum: 1, maximum: MAX_DAYS, default: 30 }),
  lang: langParam,
});

export const sessionParams = z.object({
  // Checked against the cookie by the route (403), not here (400), so any string passes the schema.
  id: z.string().openapi({
    pattern: '^[0-9a-f]{32}$',
    description: 'the session id; must equal the session cookie',
  }),
});

export const positionParams = z.object({ id: z.string() });

const button = z.object({ label: z.string(), data: z.string() }).partial().openapi('Button');

const message = z
  .object({
    text: z.string(),
    buttons: z.array(z.array(button)),
    feedback: z
      .object({
        verdict: z.enum(['toxic', 'neutral', 'empathic']),
        markers: z.array(z.string()),
        labels: z.array(z.string()),
        tips: z.array(z.string()),
        rewrite: z.string(),
      })
      .partial()
      .optional(),
    sheet: z
      .object({ bestTurn: z.int().optional() })
      .optional()
      .describe('present on a cheat sheet; bestTurn: the number of the practice reply it names as best'),
  })
  .openapi('Message');

const state = z
  .object({
    mode: z.enum(MODES),
    lang: langSchema,
    persona: z.string().nullable(),
    position: z.string().nullable(),
    openness: z.number().min(0).max(100).nullable(),
    turn: z.int().nullable(),
    maxTurns: z.int().nullable(),
    trail: z.array(z.number()),
  })
  .partial();

const finished = z
  .object({ outcome: z.enum(PRACTICE_OUTCOMES), openness: z.array(z.number()) })
  .describe('present when this step finished a practice: its outcome and the openness after each turn');

export const replySchema = z.object({ messages: z.array(message), state, finished }).partial();
export const sessionSchema = replySchema.extend({ id: z.string() });

export const notOwned = { 403: refusal('the session cookie does not match the id') };
