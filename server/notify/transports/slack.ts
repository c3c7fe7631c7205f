/**
 * Delivers to a Slack incoming webhook: the notification in the destination's language as Block Kit, POSTed as
 * JSON to the destination's URL, with Slack's answer turned into a DeliveryResult for the deliverer.
 */
import { composeMessage, type MessageOptions } from '../messages.ts';
import type { DeliveryResult, Transport } from '../notification.ts';
import { renderSlackMessage } from '../render/slack-message.ts';

const TIMEOUT_MS = 15_000;

export interface SlackTransportOptions extends MessageOptions {
  /**
   * How the request goes out. Pass the SSRF guard's fetch here (the URL is an admin's input): the transport makes
   * no other network call. Tests pass the global fetch.
   */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

/** Seconds from a Retry-After header: a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

async function answerOf(response: Response): Promise<DeliveryResult> {
  const status = response.status;
  if (response.ok) return { ok: true, status };
  const error = `Slack answered ${status}: ${(await response.text().catch(() => '')).slice(0, 200)}`;
  // 410 and 404 (Slack's `no_service`, `channel_not_found`) mean the webhook was removed: it will not come back.
  if (status === 410 || status === 404) return { ok: false, status, gone: true, error };
  if (status === 429)
    return { ok: false, status, retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')), error };
  return { ok: false, status, error };
}

export function createSlackTransport(options: SlackTransportOptions): Transport {
  return async function deliverToSlack(destination, message) {
    const payload = renderSlackMessage(composeMessage(message.notification, destination.locale, options));
    try {
      const response = await options.fetch(destination.target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      return await answerOf(response);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  };
}
