import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { RateLimiter } from '../../../app/rate-limit.js';
import type { FormAnswerResult, FormRefusal, Forms } from '../../../count/forms.js';
import { refuse } from '../../errors.js';
import { badInput, json, refusal, tooMany } from '../../openapi.js';
import { clientAddress, rateLimit } from '../../rate-limit.js';
import { invalidInput, jsonBody } from '../../validation.js';
import type { WebEnv } from '../../web-env.js';

// What a voter's phone calls for a self-filled exit-poll form: what the form asks, and the answer. The code
// travels in the body, never in a path that a proxy's access log would keep; the request log holds the route
// only, and the client's address serves the rate limit in memory and nothing else.

export interface FormRouteDeps {
  forms: Pick<Forms, 'open' | 'answer'>;
  /** Requests per client address: a code is long, but guessing still must not be free. */
  limits: { forms: RateLimiter };
}

const code = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe('the code printed on the card (in the QR link after #); spaces, dashes and capitals are ignored');

const openBody = z.strictObject({ code }).openapi('CountFormCode');
const answerBody = z
  .strictObject({
    code,
    answer: z
      .string()
      .min(1)
      .max(100)
      .describe("an answer id of the form's election; declined for no answer"),
    station: z
      .string()
      .max(100)
      .optional()
      .describe('the station the phone showed; refused when it is not the code’s'),
  })
  .openapi('CountFormAnswer');

const formSchema = z
  .object({
    election: z.string(),
    title: z.object({ ru: z.string(), en: z.string() }),
    station: z.string(),
    city: z.string(),
    answers: z
      .array(z.object({ id: z.string(), ru: z.string(), en: z.string() }))
      .describe("the election's answers in its order, invalid, removed and declined last"),
  })
  .openapi('CountForm');

const REFUSED: Record<FormRefusal, [404 | 409 | 410, string]> = {
  unknown: [404, 'no such form code; check it letter by letter'],
  used: [409, 'this form has already been answered; each code counts once'],
  expired: [410, 'this form code has expired'],
};

function refused(reason: Extract<FormAnswerResult, { ok: false }>['reason']) {
  if (reason === 'no-such-answer') return refuse(400, "answer: not one of this election's answers");
  if (reason === 'other-station') return refuse(422, 'this form code belongs to another station');
  const [status, message] = REFUSED[reason];
  return refuse(status, message);
}

const refusals = {
  404: refusal('no such code (mistyped or made up)'),
  409: refusal('the code was already answered'),
  410: refusal('the code has expired'),
};

export function formRoutes(deps: FormRouteDeps) {
  const { forms, limits } = deps;
  const app = new OpenAPIHono<WebEnv>({ defaultHook: invalidInput });
  const limited = rateLimit(limits.forms, clientAddress);

  const open = createRoute({
    method: 'post',
    path: '/forms/open',
    summary: "A self-filled exit-poll form's question, by its single-use code (the code is not used up)",
    middleware: [limited, jsonBody()] as const,
    request: { body: { required: true, content: { 'application/json': { schema: openBody } } } },
    responses: { 200: json('the form', formSchema), ...badInput, ...refusals, ...tooMany },
  });
  app.openapi(open, async (c) => {
    const result = await forms.open(c.req.valid('json').code);
    if (!result.ok) throw refused(result.reason);
    return c.json(result.form, 200);
  });

  const answer = createRoute({
    method: 'post',
    path: '/forms',
    summary:
      "A voter's answer: counted once per code, at the station's 15-minute bucket of the server's time; nothing else is kept",
    middleware: [limited, jsonBody()] as const,
    request: { body: { required: true, content: { 'application/json': { schema: answerBody } } } },
    responses: {
      201: json('counted', z.object({ counted: z.literal(true) }).openapi('CountFormCounted')),
      ...badInput,
      ...refusals,
      422: refusal('the code belongs to another station than the one sent'),
      ...tooMany,
    },
  });
  app.openapi(answer, async (c) => {
    const result = await forms.answer(c.req.valid('json'));
    if (!result.ok) throw refused(result.reason);
    return c.json({ counted: true as const }, 201);
  });

  return app;
}
