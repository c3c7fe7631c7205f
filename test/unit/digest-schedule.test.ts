import { describe, expect, it } from 'vitest';
import { latestDigestDate } from '../../server/notify/triggers/digest-schedule.ts';

describe('the weekly digest due', () => {
  it('is the latest configured day and hour on the site’s clocks, not UTC’s', () => {
    const seoul = { day: 'monday', hour: 9, timeZone: 'Asia/Seoul' } as const;
    // Monday 09:00 in Seoul is Monday 00:00 UTC.
    expect(latestDigestDate(new Date('2026-03-08T23:59:59Z'), seoul)).toBe('2026-03-02');
    expect(latestDigestDate(new Date('2026-03-09T00:00:00Z'), seoul)).toBe('2026-03-09');
    expect(latestDigestDate(new Date('2026-03-15T23:00:00Z'), seoul)).toBe('2026-03-09');
  });

  it('follows daylight saving time', () => {
    const newYork = { day: 'tuesday', hour: 8, timeZone: 'America/New_York' } as const;
    expect(latestDigestDate(new Date('2026-03-03T12:59:00Z'), newYork)).toBe('2026-02-24'); // 07:59 EST
    expect(latestDigestDate(new Date('2026-03-03T13:00:00Z'), newYork)).toBe('2026-03-03');
    expect(latestDigestDate(new Date('2026-03-10T12:00:00Z'), newYork)).toBe('2026-03-10'); // 08:00 EDT
  });
});
