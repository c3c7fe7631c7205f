import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors.ts';

/**
 * Reads a JSON body (a reader's event, a staff login or review): sent as `application/json`, or as `text/plain`
 * (what `navigator.sendBeacon` sends with a string, and what avoids a CORS preflight). Anything else, malformed
 * JSON, or a body the schema refuses answers 4xx naming what is wrong.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain') {
    throw new ApiError(415, 'unsupported_media_type', 'Send JSON as application/json or text/plain');
  }
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'malformed_json', 'The body is not valid JSON');
  }
  return validate(schema, data);
}

export function validate<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'is not a known field' }))
      : [{ path: issue.path.join('.') || '(body)', message: issue.message }],
  );
  throw new ApiError(400, 'invalid_body', 'The body does not match what this endpoint accepts', issues);
}
