import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks secrets: `whsec_` and the key in base64. */
export const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;

/** A new signing secret: 24 random bytes, as Standard Webhooks suggests. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The `webhook-signature` header: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the secret's key. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
