import { postJson, type PostOptions } from '../http-post.ts';
import type { Transport } from '../notification.ts';
import { signWebhook } from '../webhook-signature.ts';

/**
 * Webhooks per Standard Webhooks: the body is `{ type, timestamp, data }`, signed with the destination's secret;
 * `webhook-id` is the outbox row's id, the same on every retry, so receivers can drop repeats.
 */
export function webhookTransport(options: PostOptions): Transport {
  return async (destination, message) => {
    const { type, timestamp, data } = message.notification;
    const body = JSON.stringify({ type, timestamp, data });
    const sentAt = Math.floor(options.clock().getTime() / 1000);
    if (!destination.secret) return { ok: false, error: 'the webhook has no signing secret' };
    return postJson(
      destination.target,
      body,
      {
        'webhook-id': message.id,
        'webhook-timestamp': String(sentAt),
        'webhook-signature': signWebhook(destination.secret, message.id, sentAt, body),
      },
      options,
    );
  };
}
