import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The documented error body: `{ error: { code, message, issues? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** A problem with a request, known where it is thrown; `onError` turns it into the documented JSON. */
export class ApiError extends HTTPException {
  readonly code: string;
  readonly issues?: { path: string; message: string }[];
  readonly headers?: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    issues?: { path: string; message: string }[],
    headers?: Record<string, string>,
  ) {
    super(status, { message });
    this.code = code;
    this.issues = issues;
    this.headers = headers;
  }
}

export const onError: ErrorHandler = (error, c) => {
  if (error instanceof ApiError) {
    const body: ApiErrorBody = { error: { code: error.code, message: error.message, ...(error.issues && { issues: error.issues }) } };
    for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
    return c.json(body, error.status);
  }
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'body_too_large' : 'http_error';
    return c.json({ error: { code, message: error.message || 'Request failed' } } satisfies ApiErrorBody, error.status);
  }
  console.error(error);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side' } } satisfies ApiErrorBody, 500);
};
