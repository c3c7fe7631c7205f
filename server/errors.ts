import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { logStorageFault, storageFault, type StorageUnavailableError } from './db/storage-faults.ts';

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

/** The 503 for a fault that will pass: the client keeps the event and sends it again after Retry-After. */
export function unavailable(fault: StorageUnavailableError): ApiError {
  // SQLite's faults (busy, full) usually pass within seconds; a lost or unopenable file waits for an operator.
  const retryAfter = fault.kind.startsWith('SQLITE_') ? 5 : 60;
  const message = `Nothing can be stored right now (${fault.kind}); try again later`;
  return new ApiError(503, 'storage_unavailable', message, undefined, { 'Retry-After': String(retryAfter) });
}

export const onError: ErrorHandler = (error, c) => {
  const fault = storageFault(error);
  if (fault) {
    logStorageFault(fault);
    error = unavailable(fault);
  }
  if (error instanceof ApiError) {
    const body: ApiErrorBody = {
      error: { code: error.code, message: error.message, ...(error.issues && { issues: error.issues }) },
    };
    for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
    return c.json(body, error.status);
  }
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'body_too_large' : 'http_error';
    return c.json({ error: { code, message: error.message || 'Request failed' } } satisfies ApiErrorBody, error.status);
  }
  console.error(error);
  return c.json(
    { error: { code: 'internal', message: 'Something went wrong on our side' } } satisfies ApiErrorBody,
    500,
  );
};
