import type { Period, ReportStorage } from '../db/report-storage.ts';
import { dayOf } from '../days.ts';

export interface Metric {
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is unknown. */
  change: number | null;
}

const DAY_MS = 86_400_000;

/** The period just before `period`, of the same length. */
export function previousPeriod({ from, to }: Period): Period {
  const length = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  return { from: dayOf(new Date(Date.parse(from) - length * DAY_MS)), to: dayOf(new Date(Date.parse(from) - DAY_MS)) };
}

async function totals(reports: ReportStorage, period: Period) {
  const [articles, searches] = await Promise.all([reports.readingDays(period), reports.searchDays(period)]);
  const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const [views, helpful, unhelpful] = [
    sum(articles, (r) => r.views),
    sum(articles, (r) => r.helpful),
    sum(articles, (r) => r.unhelpful),
  ];
  const [count, zero, clicks] = [
    sum(searches, (r) => r.searches),
    sum(searches, (r) => r.zeroResults),
    sum(searches, (r) => r.clicks),
  ];
  return {
    views,
    searches: count,
    zeroResultRate: count ? zero / count : null,
    /** Clicks per search that showed results (capped at 1). */
    clickThrough: count - zero ? Math.min(1, clicks / (count - zero)) : null,
    helpfulShare: helpful + unhelpful ? helpful / (helpful + unhelpful) : null,
    articles,
    searchDays: searches,
  };
}

/** Headline numbers for a period, each against the period before it, and the daily series behind them. */
export async function overview(reports: ReportStorage, period: Period) {
  const [now, before, funnel] = await Promise.all([
    totals(reports, period),
    totals(reports, previousPeriod(period)),
    reports.funnel(period),
  ]);
  const metric = (pick: (t: typeof now) => number | null): Metric => {
    const [value, previous] = [pick(now), pick(before)];
    return { value, previous, change: value === null || previous === null ? null : value - previous };
  };
  const series = new Map<
    string,
    { day: string; views: number; searches: number; zeroResults: number; helpful: number; unhelpful: number }
  >();
  const day = (d: string) =>
    series.get(d) ?? series.set(d, { day: d, views: 0, searches: 0, zeroResults: 0, helpful: 0, unhelpful: 0 }).get(d)!;
  for (const row of now.articles)
    Object.assign(day(row.day), {
      views: day(row.day).views + row.views,
      helpful: day(row.day).helpful + row.helpful,
      unhelpful: day(row.day).unhelpful + row.unhelpful,
    });
  for (const row of now.searchDays)
    Object.assign(day(row.day), { searches: row.searches, zeroResults: row.zeroResults });
  return {
    period,
    previous: previousPeriod(period),
    metrics: {
      views: metric((t) => t.views),
      searches: metric((t) => t.searches),
      zeroResultRate: metric((t) => t.zeroResultRate),
      clickThrough: metric((t) => t.clickThrough),
      helpfulShare: metric((t) => t.helpfulShare),
    },
    series: [...series.values()].sort((a, b) => a.day.localeCompare(b.day)),
    /** Search → no answer → contact, for the period. */
    funnel,
  };
}
