import type { FailedQuery, Period, QueryStatus, ReportStorage, Review } from '../db/report-storage.ts';

export interface FailedSearchRow extends FailedQuery {
  review: Review<QueryStatus>;
  /** The command an editor runs to start an article that answers it. */
  newArticleCommand: string;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Searches that found nothing, grouped by what was meant (see normalizeQuery), most frequent first. */
export function failedSearches(reports: ReportStorage, period: Period): FailedSearchRow[] {
  const reviews = reports.queryReviews();
  return reports.failedQueries(period).map((row) => ({
    ...row,
    review: reviews.get(`${row.locale}|${row.normalized}`) ?? { status: 'open', note: '', updatedBy: '', updatedAt: '' },
    newArticleCommand: `npm run new -- --locale ${row.locale} --from-search ${shellQuote(row.variants[0] ?? row.normalized)}`,
  }));
}
