import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DeliveryResult } from './notification.ts';
import { checkTargetUrl, guardedLookup } from './ssrf-guard.ts';

/** Every delivery by HTTP gives up after this long: a stalled receiver must not hold the deliverer. */
export const HTTP_TIMEOUT_MS = 15_000;

export interface PostOptions {
  /** HELPLOOP_ALLOW_PRIVATE_WEBHOOKS: private and loopback targets are allowed (tests, intranets). */
  allowPrivate: boolean;
  clock: () => Date;
  timeoutMs?: number;
}

/**
 * POSTs a JSON body to a webhook or Slack URL through the SSRF guard and answers what came of it: 2xx delivered,
 * 410 gone, a `Retry-After` read as seconds or a date. Redirects are not followed (a redirect could lead
 * anywhere the guard refuses). Never throws.
 */
export async function postJson(
  target: string,
  body: string,
  headers: Record<string, string>,
  { allowPrivate, clock, timeoutMs = HTTP_TIMEOUT_MS }: PostOptions,
): Promise<DeliveryResult> {
  try {
    const url = checkTargetUrl(target, allowPrivate);
    const response = await new Promise<IncomingMessage>((answered, failed) => {
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Helploop', ...headers },
        lookup: guardedLookup(allowPrivate),
        signal: AbortSignal.timeout(timeoutMs),
      });
      request.once('response', answered).once('error', failed);
      request.end(body);
    });
    // The receiver's answer is not read, only drained, so the socket is freed.
    response.resume();
    const status = response.statusCode ?? 0;
    if (status >= 200 && status < 300) return { ok: true, status };
    if (status === 410) return { ok: false, status, gone: true, error: `HTTP 410 Gone from ${url.host}: switched off` };
    const retryAfterSeconds = retryAfter(response.headers['retry-after'], clock());
    return {
      ok: false,
      status,
      error: `HTTP ${status}`,
      ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      error: timedOut
        ? `no answer within ${timeoutMs / 1000} s`
        : error instanceof Error
          ? error.message
          : String(error),
    };
  }
}

function retryAfter(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
