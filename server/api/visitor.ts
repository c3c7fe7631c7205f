import type { Context } from 'hono';
import type { EventStorage } from '../db/event-storage.ts';
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
export function visitorOf(storage: EventStorage, clock: () => Date, proxies: ProxyTrustReader) {
  // The day's salt, asked for once per day (and once, not per request, while the first answer is on its way).
  let cached: { day: string; salt: Promise<Buffer> } | undefined;
  return async (c: Context): Promise<Visitor> => {
    const now = clock();
    const day = dayOf(now);
    if (cached?.day !== day) {
      const salt = storage.saltFor(day, daysBefore(now, 1));
      cached = { day, salt };
      // A fault answers this request 503; the next one asks again.
      salt.catch(() => {
        if (cached?.salt === salt) cached = undefined;
      });
    }
    const salt = await cached.salt;
    const ip = proxies.clientAddress(c);
    return {
      key: visitorKey(salt, ip, c.req.header('user-agent') ?? ''),
      source: sourceKey(salt, ip),
      day,
    };
  };
}
