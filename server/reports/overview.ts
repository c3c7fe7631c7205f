import type { Period, ReportStorage } from '../db/report-storage.ts';
import { dayOf } from '../days.ts';

/** Counted things (views, searches) or a share of something, 0 to 1. */
export type MetricUnit = 'count' | 'share';

/** A metric on one day of the period, and on the day as far into the previous period; null where it is undefined. */
export interface DailyValue {
  day: string;
  previousDay: string;
  value: number | null;
  previous: number | null;
}

export interface Metric {
  unit: MetricUnit;
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is unknown. */
  change: number | null;
  /** Every day of the period, in order, days without events included. */
  days: DailyValue[];
}

/** What every headline metric is computed from, for one day or a whole period: every article and query together. */
const NONE = { views: 0, helpful: 0, unhelpful: 0, searches: 0, zeroResults: 0, clicks: 0 };
type Counts = typeof NONE;
const COUNTED = Object.keys(NONE) as (keyof Counts)[];

const ratio = (part: number, whole: number) => (whole ? part / whole : null);

/** Each headline metric's one formula: the period's value and each day's come from it alike. */
const METRICS = {
  views: { unit: 'count', of: (c) => c.views },
  searches: { unit: 'count', of: (c) => c.searches },
  zeroResultRate: { unit: 'share', of: (c) => ratio(c.zeroResults, c.searches) },
  /** Clicks per search that showed results, capped at 1: a reader may open several results of one search. */
  clickThrough: {
    unit: 'share',
    of: (c) => {
      const share = ratio(c.clicks, c.searches - c.zeroResults);
      return share === null ? null : Math.min(1, share);
    },
  },
  helpfulShare: { unit: 'share', of: (c) => ratio(c.helpful, c.helpful + c.unhelpful) },
} satisfies Record<string, { unit: MetricUnit; of: (counts: Counts) => number | null }>;

const DAY_MS = 86_400_000;

/** The period just before `period`, of the same length. */
export function previousPeriod({ from, to }: Period): Period {
  const length = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  return { from: dayOf(new Date(Date.parse(from) - length * DAY_MS)), to: dayOf(new Date(Date.parse(from) - DAY_MS)) };
}

/** Every day of a period, first to last. */
export function daysOf({ from, to }: Period): string[] {
  const days: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += DAY_MS) days.push(dayOf(new Date(at)));
  return days;
}

/** The counts of each day of the period, zero on days without events. */
async function dailyCounts(reports: ReportStorage, period: Period): Promise<(Counts & { day: string })[]> {
  const [articles, searches] = await Promise.all([reports.readingDays(period), reports.searchDays(period)]);
  const byDay = new Map(daysOf(period).map((day) => [day, { day, ...NONE }]));
  for (const row of [...articles, ...searches]) Object.assign(byDay.get(row.day)!, row);
  return [...byDay.values()];
}

function total(days: Counts[]): Counts {
  const sum = { ...NONE };
  for (const day of days) for (const key of COUNTED) sum[key] += day[key];
  return sum;
}

/** Headline numbers for a period, each against the period before it, with both periods' values day by day. */
export async function overview(reports: ReportStorage, period: Period) {
  const previous = previousPeriod(period);
  const [now, before, funnel] = await Promise.all([
    dailyCounts(reports, period),
    dailyCounts(reports, previous),
    reports.funnel(period),
  ]);
  const [nowTotal, beforeTotal] = [total(now), total(before)];
  const metric = ({ unit, of }: (typeof METRICS)[keyof typeof METRICS]): Metric => {
    const [value, previous] = [of(nowTotal), of(beforeTotal)];
    return {
      unit,
      value,
      previous,
      change: value === null || previous === null ? null : value - previous,
      days: now.map((day, i) => ({
        day: day.day,
        previousDay: before[i]!.day,
        value: of(day),
        previous: of(before[i]!),
      })),
    };
  };
  return {
    period,
    previous,
    metrics: {
      views: metric(METRICS.views),
      searches: metric(METRICS.searches),
      zeroResultRate: metric(METRICS.zeroResultRate),
      clickThrough: metric(METRICS.clickThrough),
      helpfulShare: metric(METRICS.helpfulShare),
    },
    /** Search → no answer → contact, for the period. */
    funnel,
  };
}
