import { z } from 'zod';
import { LANGS } from '../catalogue/schema.js';
import { COMMANDS } from '../dialogue/messages.js';

// Request bodies and query strings, checked with zod. The same schemas feed the OpenAPI document, so the
// document cannot drift from what the server accepts.

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
/** For the document only: requests are dispatched on their key first, for clearer error messages. */
export const eventBody = z.union([textEvent, buttonEvent, commandEvent]);

export const matchBody = z.strictObject({ text: z.string().min(1) });

export const coachBody = z.strictObject({
  text: z.string().min(1).describe('the reply to judge'),
  context: z.string().optional().describe('what the relative said, which the reply answers'),
  lang: langSchema.optional().describe("the language of tips and rewrite (default: the reply's own)"),
});

export const langQuery = z.strictObject({ lang: langSchema.optional() });

export const statsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(MAX_DAYS).optional(),
  lang: langSchema.optional(),
});
