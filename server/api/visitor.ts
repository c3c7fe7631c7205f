import type { Context } from 'hono';
import type { Storage } from '../db/storage.ts';
import { dayOf, daysBefore } from '../days.ts';
import { sourceKey, visitorKey } from '../privacy/visitor-key.ts';
import type { ProxyTrustReader } from './client-address.ts';

export interface Visitor {
  /** One reader: address and browser. */
  key: string;
  /** Every reader behind the same address (an office, a phone network, or one client renaming its browser). */
  source: string;
  day: string;
}

/** Identifies a reader for today without storing who they are: see privacy/visitor-key.ts. */
export function visitorOf(storage: Storage, clock: () => Date, proxies: ProxyTrustReader) {
  let cached: { day: string; salt: Buffer } | undefined;
  return (c: Context): Visitor => {
    const now = clock();
    const day = dayOf(now);
    if (cached?.day !== day) cached = { day, salt: storage.saltFor(day, daysBefore(now, 1)) };
    const ip = proxies.clientAddress(c);
    return {
      key: visitorKey(cached.salt, ip, c.req.header('user-agent') ?? ''),
      source: sourceKey(cached.salt, ip),
      day,
    };
  };
}
