import { describe, expect, it } from 'vitest';
import { rateLimiter, visitorRateLimits } from '../../server/api/rate-limit.ts';
import { ApiError } from '../../server/errors.ts';

const now = new Date('2026-11-20T10:00:00Z');
const clock = () => now;
const refused = (check: () => void) => {
  try {
    check();
    return false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) return true;
    throw error;
  }
};

describe('rate limiter', () => {
  it('tracks a bounded number of visitors however many a client invents within one minute', () => {
    const checkRate = rateLimiter(5, clock, 1_000);
    for (let i = 0; i < 200_000; i++) checkRate(`rotating-${i}`);
    expect(checkRate.tracked()).toBe(1_000);
  });

  it('keeps refusing a flooding visitor while thousands of new visitors pass', () => {
    const checkRate = rateLimiter(5, clock, 1_000);
    const flood = Array.from({ length: 50 }, () => refused(() => checkRate('flooder')));
    for (let i = 0; i < 5_000; i++) {
      checkRate(`rotating-${i}`);
      // The flooder stays recently used, so it is never the one forgotten.
      flood.push(refused(() => checkRate('flooder')));
    }
    expect(flood.slice(0, 5)).toEqual([false, false, false, false, false]);
    expect(flood.slice(5).every(Boolean)).toBe(true);
  });
});

describe('per visitor and per address', () => {
  it('limits all visitors behind one address together, with its own wider limit', () => {
    const checkRates = visitorRateLimits({ perVisitor: 2, perSource: 10 }, clock);
    const answers = Array.from({ length: 30 }, (_, i) =>
      refused(() => checkRates({ key: `agent-${i}`, source: 'one-ip', day: '2026-11-20' })),
    );
    expect(answers.filter((was) => !was)).toHaveLength(10);
    expect(refused(() => checkRates({ key: 'agent-0', source: 'other-ip', day: '2026-11-20' }))).toBe(false);
  });

  it('does not charge the address for a visitor already refused', () => {
    const checkRates = visitorRateLimits({ perVisitor: 2, perSource: 10 }, clock);
    for (let i = 0; i < 100; i++) refused(() => checkRates({ key: 'flooder', source: 'office', day: '2026-11-20' }));
    const colleagues = Array.from({ length: 8 }, (_, i) =>
      refused(() => checkRates({ key: `colleague-${i}`, source: 'office', day: '2026-11-20' })),
    );
    expect(colleagues).toEqual(Array(8).fill(false));
  });
});
