import { describe, expect, it } from 'vitest';
import { ceilingMs, nextAttemptAt, RETRY } from '../../server/notify/backoff.ts';

const createdAt = new Date('2026-11-20T10:00:00Z');
const after = (ms: number) => new Date(createdAt.getTime() + ms);
const waitMs = (attempt: number, random: number, now = createdAt, retryAfterSeconds?: number) =>
  nextAttemptAt({ attempt, createdAt, now, random: () => random, retryAfterSeconds })!.getTime() - now.getTime();

describe('the retry schedule', () => {
  it('doubles the longest wait from 30 seconds, up to 12 hours', () => {
    expect([1, 2, 3, 4, 5].map(ceilingMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(ceilingMs(30)).toBe(12 * 3_600_000);
  });

  it('waits a uniform share of the longest wait (full jitter): from nothing up to it', () => {
    expect(waitMs(3, 0)).toBe(0);
    expect(waitMs(3, 0.5)).toBe(60_000);
    expect(waitMs(3, 0.999)).toBeLessThan(120_000);
    expect(waitMs(3, 0.999)).toBeGreaterThan(119_000);
  });

  it('waits at least what Retry-After asks', () => {
    expect(waitMs(1, 0, createdAt, 600)).toBe(600_000);
    // A later jittered time stands: Retry-After is a floor.
    expect(waitMs(10, 0.5, createdAt, 60)).toBe(ceilingMs(10) / 2);
  });

  it('tries last at 3 days after queueing, then gives up', () => {
    const late = after(RETRY.giveUpAfterMs - 60_000);
    expect(nextAttemptAt({ attempt: 20, createdAt, now: late, random: () => 0.9 })).toEqual(after(RETRY.giveUpAfterMs));
    expect(nextAttemptAt({ attempt: 21, createdAt, now: after(RETRY.giveUpAfterMs), random: () => 0 })).toBeNull();
    // A Retry-After beyond the 3 days is not waited for.
    expect(nextAttemptAt({ attempt: 5, createdAt, now: late, random: () => 0, retryAfterSeconds: 3600 })).toBeNull();
  });
});
