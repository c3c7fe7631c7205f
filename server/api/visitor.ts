import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Storage } from '../db/storage.ts';
import { dayOf, daysBefore, visitorKey } from '../privacy/visitor.ts';

export interface Visitor {
  key: string;
  day: string;
}

/** Identifies a reader for today without storing who they are: see privacy/visitor.ts. */
export function visitorOf(storage: Storage, clock: () => Date, trustProxy: boolean) {
  let cached: { day: string; salt: Buffer } | undefined;
  return (c: Context): Visitor => {
    const now = clock();
    const day = dayOf(now);
    if (cached?.day !== day) cached = { day, salt: storage.saltFor(day, daysBefore(now, 1)) };
    // Behind a proxy the socket is the proxy's; only then is X-Forwarded-For the reader's address.
    const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    const ip = forwarded || getConnInfo(c).remote.address || 'unknown';
    return { key: visitorKey(cached.salt, ip, c.req.header('user-agent') ?? ''), day };
  };
}
