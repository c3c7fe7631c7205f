import { LRUCache } from 'lru-cache';
import { ApiError } from '../errors.ts';
import type { Visitor } from './visitor.ts';

const WINDOW_MS = 60_000;
/** Keys tracked at once, about 100 bytes each. Past it the least recently seen key is dropped in O(1). */
export const TRACKED_KEYS = 100_000;

/**
 * At most `limit` events per key per minute, counted in memory: a flood from one key gets 429 with Retry-After,
 * everyone else is unaffected. Memory stays bounded however many keys a client invents: the oldest one is
 * forgotten (and starts over, which only lets an idle key send again). Counts reset with the process, which is
 * fine for flood control.
 */
export function rateLimiter(limit: number, clock: () => Date, capacity = TRACKED_KEYS) {
  const windows = new LRUCache<string, { start: number; count: number }>({ max: capacity });
  return Object.assign(
    function checkRate(key: string): void {
      const now = clock().getTime();
      const window = windows.get(key);
      if (!window || now - window.start >= WINDOW_MS) {
        windows.set(key, { start: now, count: 1 });
        return;
      }
      if (++window.count > limit) {
        const retryAfter = Math.ceil((window.start + WINDOW_MS - now) / 1000);
        throw new ApiError(429, 'rate_limited', `Too many events; try again in ${retryAfter} s`, undefined, {
          'Retry-After': String(retryAfter),
        });
      }
    },
    { tracked: () => windows.size },
  );
}

/** One reader's own limit, and a wider one for everyone behind its address, so renaming the browser gains nothing. */
export function visitorRateLimits(limits: { perVisitor: number; perSource: number }, clock: () => Date) {
  const perVisitor = rateLimiter(limits.perVisitor, clock);
  const perSource = rateLimiter(limits.perSource, clock);
  return function checkRates(visitor: Visitor): void {
    // The reader's own limit first: one flooding browser must not use up its whole office's allowance.
    perVisitor(visitor.key);
    perSource(visitor.source);
  };
}
