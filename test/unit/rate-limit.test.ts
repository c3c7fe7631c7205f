import { describe, expect, it, vi } from 'vitest';
import { rateLimiter, visitorRateLimits, type ReserveEvents } from '../../server/api/rate-limit.ts';
import { ApiError } from '../../server/errors.ts';

const now = new Date('2026-11-20T10:00:00Z');
const clock = () => now;
const refused = async (check: () => void | Promise<void>) => {
  try {
    await check();
    return false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) return true;
    throw error;
  }
};

/** The shared count of db/shared-state.ts, in memory: events reserved per key and minute. */
function memoryReserve(): ReserveEvents {
  const reserved = new Map<string, number>();
  return async (key, minute, count) => {
    const total = (reserved.get(`${minute}|${key}`) ?? 0) + count;
    reserved.set(`${minute}|${key}`, total);
    return total;
  };
}

describe('rate limiter', () => {
  it('tracks a bounded number of visitors however many a client invents within one minute', () => {
    const checkRate = rateLimiter(5, clock, { capacity: 1_000 });
    for (let i = 0; i < 200_000; i++) checkRate(`rotating-${i}`);
    expect(checkRate.tracked()).toBe(1_000);
  });

  it('keeps refusing a flooding visitor while thousands of new visitors pass', async () => {
    const checkRate = rateLimiter(5, clock, { capacity: 1_000 });
    const flood: boolean[] = [];
    for (let i = 0; i < 50; i++) flood.push(await refused(() => checkRate('flooder')));
    for (let i = 0; i < 5_000; i++) {
      await checkRate(`rotating-${i}`);
      // The flooder stays recently used, so it is never the one forgotten.
      flood.push(await refused(() => checkRate('flooder')));
    }
    expect(flood.slice(0, 5)).toEqual([false, false, false, false, false]);
    expect(flood.slice(5).every(Boolean)).toBe(true);
  });
});

describe('per visitor and per address', () => {
  it('limits all visitors behind one address together, with its own wider limit', async () => {
    const checkRates = visitorRateLimits({ perVisitor: 2, perSource: 10 }, clock);
    const answers: boolean[] = [];
    for (let i = 0; i < 30; i++)
      answers.push(await refused(() => checkRates({ key: `agent-${i}`, source: 'one-ip', day: '2026-11-20' })));
    expect(answers.filter((was) => !was)).toHaveLength(10);
    expect(await refused(() => checkRates({ key: 'agent-0', source: 'other-ip', day: '2026-11-20' }))).toBe(false);
  });

  it('does not charge the address for a visitor already refused', async () => {
    const checkRates = visitorRateLimits({ perVisitor: 2, perSource: 10 }, clock);
    for (let i = 0; i < 100; i++)
      await refused(() => checkRates({ key: 'flooder', source: 'office', day: '2026-11-20' }));
    const colleagues: boolean[] = [];
    for (let i = 0; i < 8; i++)
      colleagues.push(await refused(() => checkRates({ key: `colleague-${i}`, source: 'office', day: '2026-11-20' })));
    expect(colleagues).toEqual(Array(8).fill(false));
  });
});

describe('several instances', () => {
  it('refuse a flood spread across them at one shared limit', async () => {
    const reserve = memoryReserve();
    const instances = ['a', 'b'].map(() => rateLimiter(100, clock, { reserve }));
    const answers: boolean[] = [];
    for (let i = 0; i < 400; i++) answers.push(await refused(() => instances[i % 2]!('flooder')));
    // Alone, each instance would have let a hundred through.
    expect(answers.filter((was) => !was)).toHaveLength(100);
  });

  it('ask the database about a busy key a few times a minute, not per event, and never about a quiet one', async () => {
    const reserve = memoryReserve();
    const asked: string[] = [];
    const checkRate = rateLimiter(1_000, clock, {
      reserve: (key, minute, count) => {
        asked.push(key);
        return reserve(key, minute, count);
      },
    });
    for (let i = 0; i < 1_500; i++) await refused(() => checkRate('busy'));
    for (let i = 0; i < 1_000; i++) await checkRate(`quiet-${i}`);
    expect(asked.length).toBeLessThan(15);
    expect(asked.every((key) => key === 'busy')).toBe(true);
  });

  it('keep counting on their own when the database cannot share counts', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const checkRate = rateLimiter(40, clock, { reserve: () => Promise.reject(new Error('connection refused')) });
    const answers: boolean[] = [];
    for (let i = 0; i < 8; i++) answers.push(await refused(() => checkRate('flooder')));
    // Its free tenth, then refused: a flood is never let through because the database is down.
    expect(answers).toEqual([false, false, false, false, true, true, true, true]);
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });
});
