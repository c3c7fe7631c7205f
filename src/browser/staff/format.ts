/** Numbers, shares and days as a staff member reads them in their language. */
import type { Locale } from '../../shared/locales.ts';

export function formatters(locale: Locale) {
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  // Report days are calendar days (YYYY-MM-DD), not instants: read and shown in UTC so no time zone shifts them.
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const asDate = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return {
    number: (value: number) => number.format(value),
    percent: (share: number | null | undefined) => (typeof share === 'number' ? percent.format(share) : '–'),
    day: (value: string) => day.format(asDate(value)),
    date: (value: string) => longDay.format(asDate(value)),
  };
}
export type Formatters = ReturnType<typeof formatters>;
