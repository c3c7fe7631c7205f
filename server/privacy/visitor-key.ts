import { createHmac } from 'node:crypto';

/**
 * A visitor key: HMAC of IP address and user agent under the day's secret. Enough to count one vote per visitor
 * and unique searchers for a day; useless for following a person across days once the secret is gone.
 */
export function visitorKey(salt: Buffer, ip: string, userAgent: string): string {
  return createHmac('sha256', salt).update(`${ip}\n${userAgent}`).digest('base64url').slice(0, 22);
}

/** A key for everyone behind one IP address that day, under the same secret; never equal to a visitor key. */
export function sourceKey(salt: Buffer, ip: string): string {
  return createHmac('sha256', salt).update(`source\n${ip}`).digest('base64url').slice(0, 22);
}
