import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './http-error.js';

// Reading a JSON body: 415 for another media type, 400 for malformed JSON or a body that does not fit the
// schema, with the first problem named ("text: expected string, received number"). Never echoes the body.

function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  if (length !== undefined) return Number(length) > 0;
  return c.req.header('transfer-encoding') !== undefined;
}

function isJson(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  return /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type.trim());
}

export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is invalid';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
  return `${where}: ${issue.message}`;
}

export function validate<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error));
  return parsed.data;
}

/** The raw JSON value of the body; `{}` when the body is empty and `optional`. */
export async function readJson(c: Context, options: { optional?: boolean } = {}): Promise<unknown> {
  if (!hasBody(c)) {
    if (options.optional) return {};
    throw new HttpError(400, 'the request needs a JSON body');
  }
  if (!isJson(c)) throw new HttpError(415, 'the body must be JSON (Content-Type: application/json)');
  const text = await c.req.text();
  if (text.trim() === '' && options.optional) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

export async function readBody<T>(
  c: Context,
  schema: z.ZodType<T>,
  options?: { optional?: boolean },
): Promise<T> {
  return validate(schema, await readJson(c, options));
}

export function readQuery<T>(c: Context, schema: z.ZodType<T>): T {
  return validate(schema, c.req.query());
}
