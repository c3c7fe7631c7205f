/**
 * Answers and votes carry the time they were received and are committed a moment later, by whichever instance took
 * them: a comment cursor stays this far behind the clock (or one batch window, if shorter), so nothing commits
 * behind it unread.
 */
const SETTLE_MS = 30_000;

/** How far a comment cursor may move at `now`. */
export const settledUpTo = (now: Date, windowMs: number) =>
  new Date(now.getTime() - Math.min(SETTLE_MS, windowMs)).toISOString();

/** The moment `ms` after `at`. */
export const after = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
