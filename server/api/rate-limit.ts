import { LRUCache } from 'lru-cache';
import { ApiError } from '../errors.ts';
import { logStorageFault, storageFault, StorageUnavailableError } from '../db/storage-faults.ts';
import type { Visitor } from './visitor.ts';

const MINUTE_MS = 60_000;
/** Keys tracked at once, about 100 bytes each. Past it the least recently seen key is dropped in O(1). */
export const TRACKED_KEYS = 100_000;
/** The share of a key's limit each instance lets through before it asks the others: most readers never reach it. */
const FREE_SHARE = 0.1;

/**
 * Reserves `count` events of a key's minute among all instances and answers the total reserved now, this
 * reservation included (see db/shared-state.ts).
 */
export type ReserveEvents = (key: string, minute: number, count: number) => Promise<number>;

interface Window {
  minute: number;
  /** Events this instance received this minute, let through or not. */
  local: number;
  /** Events this instance may let through this minute: its free share, and what it reserved. */
  granted: number;
  /** All instances' reservations, as last heard. */
  reserved: number;
  /** Whether this instance's free share is counted among the reservations yet. */
  registered: boolean;
  /** A reservation on its way: events of the key wait for it instead of asking again. */
  reserving?: Promise<void>;
}

/**
 * At most `limit` events per key per minute (fixed minutes, so every instance agrees on them): a flood from one key
 * gets 429 with Retry-After, everyone else is unaffected. Memory stays bounded however many keys a client invents:
 * the oldest one is forgotten (and starts over, which only lets an idle key send again).
 * With several instances (`reserve`), each lets a tenth of the limit through on its own, then reserves events from
 * one count in the database, half of what is left at a time (the tenth it used counted in). Together they let
 * through at most the limit, plus the tenths of instances that had not yet reserved while the others did. A key is
 * asked about a few times a minute at most; most keys never.
 */
export function rateLimiter(
  limit: number,
  clock: () => Date,
  { capacity = TRACKED_KEYS, reserve }: { capacity?: number; reserve?: ReserveEvents } = {},
) {
  const windows = new LRUCache<string, Window>({ max: capacity });
  const free = reserve ? Math.ceil(limit * FREE_SHARE) : limit;

  const windowOf = (key: string, minute: number) => {
    const window = windows.get(key);
    if (window?.minute === minute) return window;
    const fresh: Window = { minute, local: 0, granted: free, reserved: 0, registered: false };
    windows.set(key, fresh);
    return fresh;
  };
  const tooMany = (minute: number, now: number) => {
    const retryAfter = Math.max(1, Math.ceil(((minute + 1) * MINUTE_MS - now) / 1000));
    return new ApiError(429, 'rate_limited', `Too many events; try again in ${retryAfter} s`, undefined, {
      'Retry-After': String(retryAfter),
    });
  };

  /**
   * Asks for half of what is left of the key's minute; the first time, the free share already used is counted
   * too. A fault grants nothing more: the count stays local.
   */
  async function reserveMore(key: string, window: Window) {
    const count = Math.max(1, Math.ceil((limit - window.reserved) / 2));
    try {
      const total = await reserve!(key, window.minute, count + (window.registered ? 0 : free));
      window.registered = true;
      window.reserved = total;
      window.granted += Math.max(0, Math.min(count, limit - (total - count)));
    } catch (error) {
      logStorageFault(storageFault(error) ?? new StorageUnavailableError('rate_counts', String(error)));
      window.reserved = limit;
    }
  }

  return Object.assign(
    async function checkRate(key: string): Promise<void> {
      const now = clock().getTime();
      const minute = Math.floor(now / MINUTE_MS);
      const window = windowOf(key, minute);
      const mine = ++window.local;
      // Reserve until this event has its place, or nothing is left to reserve.
      while (mine > window.granted && window.reserved < limit && reserve) {
        window.reserving ??= reserveMore(key, window).finally(() => (window.reserving = undefined));
        await window.reserving;
      }
      if (mine > window.granted) throw tooMany(minute, now);
    },
    { tracked: () => windows.size },
  );
}

/** One reader's own limit, and a wider one for everyone behind its address, so renaming the browser gains nothing. */
export function visitorRateLimits(
  limits: { perVisitor: number; perSource: number },
  clock: () => Date,
  reserve?: ReserveEvents,
) {
  // The two limits count different keys in one shared table: each names its own.
  const scoped = (prefix: string): ReserveEvents | undefined =>
    reserve && ((key, minute, count) => reserve(`${prefix}:${key}`, minute, count));
  const perVisitor = rateLimiter(limits.perVisitor, clock, { reserve: scoped('visitor') });
  const perSource = rateLimiter(limits.perSource, clock, { reserve: scoped('source') });
  return async function checkRates(visitor: Visitor): Promise<void> {
    // The reader's own limit first: one flooding browser must not use up its whole office's allowance.
    await perVisitor(visitor.key);
    await perSource(visitor.source);
  };
}
