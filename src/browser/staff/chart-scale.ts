import type { MetricUnit } from '../../../server/reports/overview.ts';

/** Tops of the y axis within each power of ten: round numbers whose half is often round too. */
const NICE = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];

/** The y axis's top: the smallest round number at or above every value (a share never above 100%). */
export function axisTop(values: (number | null)[], unit: MetricUnit): number {
  const max = Math.max(0, ...values.filter((value) => value !== null));
  if (max === 0) return 1;
  const power = Math.floor(Math.log10(max));
  // Divided, not multiplied, by negative powers: 3 / 10 is 0.3 exactly, 3 * 0.1 is not.
  const scaled = (step: number) => (power < 0 ? step / 10 ** -power : step * 10 ** power);
  const top = scaled(NICE.find((step) => scaled(step) >= max)!);
  return unit === 'share' ? Math.min(1, top) : top;
}

/** 0, the top, and the middle when it is a value the metric can take (counts are whole). */
export function axisTicks(top: number, unit: MetricUnit): number[] {
  const middle = top / 2;
  return unit === 'share' || Number.isInteger(middle) ? [0, middle, top] : [0, top];
}

/**
 * Which of `count` days get a date under the axis: the first, the last, and evenly between, at most `most`. Three
 * Korean dates ("10월 20일") are what fit side by side on a 360 px screen.
 */
export function dateTickIndexes(count: number, most = 3): number[] {
  if (count <= most) return [...Array(count).keys()];
  return [...Array(most).keys()].map((i) => Math.round((i * (count - 1)) / (most - 1)));
}

/**
 * An SVG path through the points, broken where a value is null. A point with no neighbour is drawn as a
 * zero-length line, which a round line cap shows as a dot.
 */
export function linePath(points: ({ x: number; y: number } | null)[]): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  return points
    .map((point, i) => {
      if (!point) return '';
      const at = `${round(point.x)} ${round(point.y)}`;
      if (points[i - 1]) return `L${at}`;
      return points[i + 1] ? `M${at}` : `M${at}h0`;
    })
    .join('');
}

/** How values and days read in the staff member's language. */
export function chartFormats(locale: string, unit: MetricUnit) {
  const number = new Intl.NumberFormat(
    locale,
    unit === 'share' ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 1 },
  );
  // Days are UTC calendar days (server/days.ts): formatted in UTC, they never shift by the viewer's time zone.
  const short = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return {
    value: (value: number) => number.format(value),
    /** "11월 3일", "Nov 3". */
    day: (day: string) => short.format(Date.parse(day)),
    /** "2026년 11월 3일~9일", "Oct 27 – Nov 2, 2026". */
    days: (from: string, to: string) => long.formatRange(Date.parse(from), Date.parse(to)),
    /** The lowest and highest value, "0–12"; null when there is none. */
    range(values: (number | null)[]) {
      const known = values.filter((value) => value !== null);
      if (!known.length) return null;
      const [low, high] = [Math.min(...known), Math.max(...known)].map((value) => number.format(value));
      return low === high ? low : `${low}–${high}`;
    },
  };
}
