import { z } from 'zod';
import { coachBody, createSessionBody, eventBody, langSchema, MAX_DAYS, matchBody } from './schemas.js';

// The API described by hand around the request schemas, which are generated from the zod schemas the server
// validates with. A test checks that every route the app registers is listed here.

const json = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return rest;
};

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: error } },
});
const ok = (description: string, schema: object = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: z.ZodType, required = true) => ({
  required,
  content: { 'application/json': { schema: json(schema) } },
});

const langParam = { name: 'lang', in: 'query', schema: json(langSchema), description: 'ru (default) or en' };
const sessionParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9a-f]{32}$' },
  description: 'the session id; must equal the session cookie',
};
const badInput = {
  '400': errorResponse('invalid JSON or a value of the wrong type'),
  '413': errorResponse('the body is larger than the limit'),
  '415': errorResponse('the body is not JSON'),
};
const tooMany = {
  '429': {
    ...errorResponse('rate limit reached'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } },
  },
};
const bearer = [{ adminToken: [] }];
const unauthorised = {
  '401': errorResponse('no or wrong bearer token'),
  '404': errorResponse('ADMIN_TOKEN unset'),
};

const stateSchema = {
  type: 'object',
  properties: {
    mode: { type: 'string', enum: ['menu', 'advise', 'browse', 'practice', 'progress'] },
    lang: { type: 'string', enum: ['ru', 'en'] },
    persona: { type: ['string', 'null'] },
    position: { type: ['string', 'null'] },
    openness: { type: ['number', 'null'], minimum: 0, maximum: 100 },
    turn: { type: ['integer', 'null'] },
    maxTurns: { type: ['integer', 'null'] },
    trail: { type: 'array', items: { type: 'number' } },
  },
};
const replySchema = {
  type: 'object',
  properties: {
    messages: { type: 'array', items: { $ref: '#/components/schemas/Message' } },
    state: stateSchema,
  },
};

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'sobesednik',
    version: '0.1.0',
    description:
      'A conversation trainer for talking with pro-Kremlin or apathetic relatives. No message text and no raw ' +
      'user id is stored or logged. Every error is {"error": "..."}.',
  },
  components: {
    securitySchemes: {
      adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sobesednik_session' },
    },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      Button: { type: 'object', properties: { label: { type: 'string' }, data: { type: 'string' } } },
      Message: {
        type: 'object',
        required: ['text', 'buttons'],
        properties: {
          text: { type: 'string' },
          buttons: {
            type: 'array',
            items: { type: 'array', items: { $ref: '#/components/schemas/Button' } },
          },
          feedback: {
            type: 'object',
            properties: {
              verdict: { type: 'string', enum: ['toxic', 'neutral', 'empathic'] },
              markers: { type: 'array', items: { type: 'string' } },
              labels: { type: 'array', items: { type: 'string' } },
              tips: { type: 'array', items: { type: 'string' } },
              rewrite: { type: 'string' },
            },
          },
        },
      },
    },
  },
  paths: {
    '/api/sessions': {
      post: {
        summary: 'Start a web session: sets the httpOnly session cookie and returns the first messages',
        requestBody: body(createSessionBody, false),
        responses: {
          '201': ok('the new session', {
            type: 'object',
            properties: { id: { type: 'string' }, ...replySchema.properties },
          }),
          ...badInput,
          ...tooMany,
        },
      },
    },
    '/api/sessions/{id}/events': {
      post: {
        summary: 'Send text, a button or a command to the conversation',
        parameters: [sessionParam],
        security: [{ sessionCookie: [] }],
        requestBody: body(eventBody),
        responses: {
          '200': ok('the messages and the new state', replySchema),
          ...badInput,
          '403': errorResponse('the session cookie does not match the id'),
          ...tooMany,
        },
      },
    },
    '/api/sessions/{id}': {
      delete: {
        summary: 'Forget the session: deletes every row of it and clears the cookie',
        parameters: [sessionParam],
        security: [{ sessionCookie: [] }],
        responses: {
          '200': ok('forgotten'),
          '403': errorResponse('the session cookie does not match the id'),
        },
      },
    },
    '/api/positions': {
      get: {
        summary: 'The catalogue of positions in one language',
        parameters: [langParam],
        responses: { '200': ok('groups and positions'), '400': errorResponse('unknown language') },
      },
    },
    '/api/positions/{id}': {
      get: {
        summary: 'One position: answers, sourced counterarguments, pitfalls',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, langParam],
        responses: { '200': ok('the position'), '404': errorResponse('no such position') },
      },
    },
    '/api/match': {
      post: {
        summary: "Which positions a relative's words express (at most 3, best first)",
        requestBody: body(matchBody),
        responses: { '200': ok('{lang, positions: [{id, score, title}]}'), ...badInput, ...tooMany },
      },
    },
    '/api/coach': {
      post: {
        summary: 'Judge a reply: verdict, markers, tips and a rewrite',
        requestBody: body(coachBody),
        responses: { '200': ok('the judgement'), ...badInput, ...tooMany },
      },
    },
    '/api/stats': {
      get: {
        summary: 'Positions met per day and practice outcomes per persona, from anonymous counters',
        parameters: [
          {
            name: 'days',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: MAX_DAYS, default: 30 },
          },
          langParam,
        ],
        responses: { '200': ok('the statistics'), '400': errorResponse('bad days or language') },
      },
    },
    '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1') } } },
    '/healthz': {
      get: {
        summary: 'Liveness and database check',
        responses: { '200': ok('{"ok": true}'), '503': errorResponse('the database is unavailable') },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics',
        responses: { '200': { description: 'text exposition format', content: { 'text/plain': {} } } },
      },
    },
    '/admin/api/phrasings': {
      get: {
        summary: 'Consented unrecognised phrasings, grouped, most frequent first',
        security: bearer,
        responses: { '200': ok('{total, groups}'), ...unauthorised },
      },
    },
    '/admin/api/reload': {
      post: {
        summary: 'Reload and re-validate the catalogue; the web uses the new one if it is valid',
        security: bearer,
        responses: {
          '200': ok('reloaded: counts and time'),
          '422': errorResponse('the catalogue has problems (listed); the running one is kept'),
          ...unauthorised,
        },
      },
    },
  },
} as const;
