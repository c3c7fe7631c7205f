/** The days of the week as HELPLOOP_DIGEST_DAY names them, in the order `Date#getUTCDay` numbers them. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DigestSchedule {
  day: Weekday;
  hour: number;
  /** IANA name, site.yaml's `timeZone`. */
  timeZone: string;
}

/** The calendar date and hour of an instant on the clocks of a time zone. */
function localTime(now: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return { date: new Date(`${parts.year}-${parts.month}-${parts.day}T00:00:00Z`), hour: Number(parts.hour) };
}

/**
 * The local date of the latest digest due at or before `now`: its day of the week at its hour on the site's
 * clocks. One date per week, so it names the week's digest; a clock change that skips the hour (daylight saving)
 * only makes the digest go at the next hour there is.
 */
export function latestDigestDate(now: Date, { day, hour, timeZone }: DigestSchedule): string {
  const local = localTime(now, timeZone);
  let daysBack = (local.date.getUTCDay() - WEEKDAYS.indexOf(day) + 7) % 7;
  if (daysBack === 0 && local.hour < hour) daysBack = 7;
  return new Date(local.date.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
}
