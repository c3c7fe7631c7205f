import type { Manifest } from '../../src/shared/content/manifest.ts';
import { dayOf, daysBefore } from '../days.ts';
import type { ReportStorage } from '../db/report-storage.ts';
import { helpfulnessOf, type Helpfulness } from './unhelpful.ts';

/** Fixes are judged this many days after them, against as many days before them. */
const WATCHED_DAYS = 28;

export interface FixOutcome {
  articleId: string;
  /** Staff marking the article fixed (a time), or the article's own update (a date), whichever came later. */
  fixedAt: string;
  before: Helpfulness;
  after: Helpfulness;
  /** Readers found it more helpful after the fix than before. */
  worked: boolean;
}

const startOf = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The fixes of the last four weeks that readers have judged: at least `minVotes` votes in the four weeks before the
 * fix and as many since. Daily counts cannot split a day, so votes after staff marked a fix count from the next day
 * (UTC), as the inbox counts them; an update's date is the new text's first day, as the unhelpful report splits it.
 */
export async function fixOutcomes(
  reports: ReportStorage,
  manifest: Manifest,
  now: Date,
  minVotes: number,
): Promise<FixOutcome[]> {
  const today = dayOf(now);
  const reviews = await reports.articleReviews();
  const fixes = manifest.articles.flatMap((article) => {
    const review = reviews.get(article.id);
    const marked = review?.status === 'fixed' ? review.updatedAt : undefined;
    const markedSince = marked && daysBefore(new Date(marked), -1);
    const [fixedAt, since] =
      marked && markedSince && markedSince > article.updated
        ? [marked, markedSince]
        : [article.updated, article.updated];
    return since > daysBefore(now, WATCHED_DAYS) && since <= today ? [{ articleId: article.id, fixedAt, since }] : [];
  });
  if (fixes.length === 0) return [];
  const from = daysBefore(startOf(fixes.map((fix) => fix.since).sort()[0]!), WATCHED_DAYS);
  const days = Map.groupBy(
    await reports.articleDays(
      { from, to: today },
      fixes.map((fix) => fix.articleId),
    ),
    (row) => row.articleId,
  );
  return fixes.flatMap(({ articleId, fixedAt, since }) => {
    const watchedFrom = daysBefore(startOf(since), WATCHED_DAYS);
    const own = days.get(articleId) ?? [];
    const before = helpfulnessOf(own.filter((row) => row.day >= watchedFrom && row.day < since));
    const after = helpfulnessOf(own.filter((row) => row.day >= since));
    if (before.votes < minVotes || after.votes < minVotes) return [];
    return [{ articleId, fixedAt, before, after, worked: after.helpfulShare! > before.helpfulShare! }];
  });
}
