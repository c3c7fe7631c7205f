/**
 * npm run bench:rate-limit — what one rate-limit check costs while a client invents new visitors (rotating its
 * User-Agent) faster than a minute lets them expire. Baseline, in the same run: the same checks with few visitors.
 * The limiter must cost the same per check however many visitors it has seen (issue 12: it used to sweep its whole
 * table on every request past 50,000, and stalled every reader).
 */
import { rateLimiter, TRACKED_KEYS } from '../server/api/rate-limit.ts';

const now = new Date('2026-11-20T10:00:00Z');
const CHECKS = 1_000_000;

/** Nanoseconds per check over CHECKS checks cycling through `visitors` distinct keys, all within one minute. */
function nanosPerCheck(visitors: number): number {
  const checkRate = rateLimiter(Number.MAX_SAFE_INTEGER, () => now);
  const keys = Array.from({ length: visitors }, (_, i) => `visitor-${i}`);
  const started = process.hrtime.bigint();
  for (let i = 0; i < CHECKS; i++) checkRate(keys[i % visitors]!);
  return Number(process.hrtime.bigint() - started) / CHECKS;
}

nanosPerCheck(1_000); // warm up the JIT
const baseline = nanosPerCheck(1_000);
console.log(`capacity ${TRACKED_KEYS.toLocaleString('en')} visitors; ${CHECKS.toLocaleString('en')} checks per row`);
console.log(`${'visitors seen'.padEnd(14)} ${'ns/check'.padStart(9)} ${'× baseline'.padStart(11)}`);
for (const visitors of [1_000, 50_001, TRACKED_KEYS, 3 * TRACKED_KEYS, CHECKS]) {
  const nanos = visitors === 1_000 ? baseline : nanosPerCheck(visitors);
  console.log(
    `${visitors.toLocaleString('en').padEnd(14)} ${nanos.toFixed(0).padStart(9)} ${(nanos / baseline).toFixed(2).padStart(11)}`,
  );
}
