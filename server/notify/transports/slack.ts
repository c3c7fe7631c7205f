/**
 * Delivers to a Slack incoming webhook: the notification in the destination's language as Block Kit, POSTed as
 * JSON to the destination's URL through the SSRF guard (http-post.ts), with Slack's answer as a DeliveryResult.
 */
import { postJson, type PostOptions } from '../http-post.ts';
import { composeMessage, type MessageOptions } from '../messages.ts';
import type { Transport } from '../notification.ts';
import { renderSlackMessage } from '../render/slack-message.ts';

export type SlackTransportOptions = MessageOptions & PostOptions;

export function createSlackTransport(options: SlackTransportOptions): Transport {
  return async function deliverToSlack(destination, message) {
    const payload = renderSlackMessage(composeMessage(message.notification, destination.locale, options));
    const result = await postJson(destination.target, JSON.stringify(payload), {}, options);
    // Besides 410, Slack answers 404 (`no_service`, `channel_not_found`) for a removed webhook: it will not come back.
    return result.status === 404 ? { ...result, gone: true } : result;
  };
}
