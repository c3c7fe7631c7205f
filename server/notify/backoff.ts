/** The retry schedule: the first retry within 30 s, each ceiling twice the last up to 12 h, for 3 days in all. */
export const RETRY = { firstMs: 30_000, maxDelayMs: 12 * 3_600_000, giveUpAfterMs: 3 * 86_400_000 };

export interface FailedAttempt {
  /** 1 for the first attempt. */
  attempt: number;
  /** When the message was queued: retries end `giveUpAfterMs` later. */
  createdAt: Date;
  now: Date;
  retryAfterSeconds?: number;
  /** In [0, 1): Math.random, or a test's. */
  random: () => number;
}

/** The longest wait after the attempt-th failure (exponential); the actual wait is a uniform share of it. */
export const ceilingMs = (attempt: number) => Math.min(RETRY.maxDelayMs, RETRY.firstMs * 2 ** (attempt - 1));

/**
 * When to try again after a failed attempt, or null to give up. Full jitter spreads the retries of many messages
 * that failed together; a `Retry-After` is a floor. The last try falls on the give-up time itself, so a receiver
 * that comes back within 3 days gets everything.
 */
export function nextAttemptAt({ attempt, createdAt, now, retryAfterSeconds, random }: FailedAttempt): Date | null {
  const deadline = createdAt.getTime() + RETRY.giveUpAfterMs;
  if (now.getTime() >= deadline) return null;
  const jittered = now.getTime() + random() * ceilingMs(attempt);
  if (retryAfterSeconds !== undefined) {
    const asked = now.getTime() + retryAfterSeconds * 1000;
    return asked > deadline ? null : new Date(Math.max(asked, Math.min(jittered, deadline)));
  }
  return new Date(Math.min(jittered, deadline));
}
