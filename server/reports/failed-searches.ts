import type { QueryStatus } from '../../src/shared/review-statuses.ts';
import type { FailedQuery, Period, ReportStorage, Review } from '../db/report-storage.ts';

export interface FailedSearchRow extends FailedQuery {
  /** Readers who turned to the support hand-off within 30 minutes of this search. */
  contacted: number;
  review: Review<QueryStatus>;
  /** The command an editor runs to start an article that answers it. */
  newArticleCommand: string;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Searches that found nothing, grouped by what was meant (see normalizeQuery), most frequent first. */
export async function failedSearches(reports: ReportStorage, period: Period): Promise<FailedSearchRow[]> {
  const [reviews, contacted, failed] = await Promise.all([
    reports.queryReviews(),
    reports.contactedAfter(period),
    reports.failedQueries(period),
  ]);
  return failed.map((row) => ({
    ...row,
    contacted: contacted.get(`${row.locale}|${row.normalized}`) ?? 0,
    review: reviews.get(`${row.locale}|${row.normalized}`) ?? {
      status: 'open',
      note: '',
      updatedBy: '',
      updatedAt: '',
    },
    newArticleCommand: `npm run new -- --locale ${row.locale} --from-search ${shellQuote(row.variants[0] ?? row.normalized)}`,
  }));
}
