import { ApiError } from '../errors.ts';

/**
 * At most `limit` events per visitor per minute, counted in memory: a flood from one visitor gets 429 with
 * Retry-After, everyone else is unaffected. Counts reset with the process, which is fine for flood control.
 */
export function rateLimiter(limit: number, clock: () => Date) {
  const windows = new Map<string, { start: number; count: number }>();
  const WINDOW = 60_000;
  return function checkRate(visitor: string): void {
    const now = clock().getTime();
    if (windows.size > 50_000) for (const [key, w] of windows) if (now - w.start >= WINDOW) windows.delete(key);
    const window = windows.get(visitor);
    if (!window || now - window.start >= WINDOW) {
      windows.set(visitor, { start: now, count: 1 });
      return;
    }
    if (++window.count > limit) {
      const retryAfter = Math.ceil((window.start + WINDOW - now) / 1000);
      throw new ApiError(429, 'rate_limited', `Too many events; try again in ${retryAfter} s`, undefined, { 'Retry-After': String(retryAfter) });
    }
  };
}
