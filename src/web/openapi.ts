import { z } from '@hono/zod-openapi';

// Pieces every route group's OpenAPI description shares: the {error} shape, and the refusals common to JSON APIs.

export const DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'sobesednik',
    version: '0.1.0',
    description:
      'A conversation trainer for talking with pro-Kremlin or apathetic relatives. No message text and no raw ' +
      'user id is stored or logged. Every error is {"error": "..."}.',
  },
};

export const errorSchema = z.object({ error: z.string() }).openapi('Error');

/** An answer the document describes in words only. */
export const described = z.looseObject({});

export const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

export const refusal = (description: string) => json(description, errorSchema);

export const badInput = {
  400: refusal('invalid JSON or a value of the wrong type'),
  413: refusal('the body is larger than the limit'),
  415: refusal('the body is not JSON'),
};

export const tooMany = {
  429: {
    ...refusal('rate limit reached'),
    headers: z.object({ 'Retry-After': z.int().openapi({ description: 'seconds' }) }),
  },
};
