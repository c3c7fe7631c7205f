import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { ArticleStatus } from '../../src/shared/review-statuses.ts';
import type { ArticleDay, Period, ReportStorage, Review } from '../db/report-storage.ts';
import { wilsonInterval, wilsonLowerBound } from './wilson.ts';

export interface Helpfulness {
  votes: number;
  helpful: number;
  unhelpful: number;
  /** Share of votes that said yes, 0–1; null without votes. */
  helpfulShare: number | null;
  /** Where the share of all readers it helps likely lies (95%); null without votes. */
  helpfulRange: { low: number; high: number } | null;
}

export interface UnhelpfulRow extends Helpfulness {
  articleId: string;
  title: string;
  locale: string;
  category: string;
  url: string;
  sourcePath: string;
  /** The source in the content repository; null when site.yaml names no repositoryUrl. */
  editUrl: string | null;
  updated: string;
  views: number;
  /** Wilson lower bound of the unhelpful share: the ranking. */
  confidence: number;
  reasons: Record<string, number>;
  comments: { comment: string; helpful: boolean; at: string }[];
  /** Votes per day in the period, oldest first. */
  trend: { day: string; helpful: number; unhelpful: number }[];
  /** Once the article was updated after votes came in: the votes before and after that day. */
  beforeFix?: Helpfulness;
  afterFix?: Helpfulness;
  review: Review<ArticleStatus>;
}

/** The latest comments shown per article. */
const COMMENTS_SHOWN = 5;

const helpfulness = (helpful: number, unhelpful: number): Helpfulness => ({
  votes: helpful + unhelpful,
  helpful,
  unhelpful,
  helpfulShare: helpful + unhelpful ? helpful / (helpful + unhelpful) : null,
  helpfulRange: wilsonInterval(helpful, helpful + unhelpful),
});

const sumOf = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);

/** The votes of some of an article's days, added up: how its readers judged it then. */
export const helpfulnessOf = (days: Pick<ArticleDay, 'helpful' | 'unhelpful'>[]) =>
  helpfulness(
    sumOf(days, (row) => row.helpful),
    sumOf(days, (row) => row.unhelpful),
  );

/**
 * Every article with views or votes in the period, with what ranks it; the details shown per row (trend, reasons,
 * comments) are left empty for `withDetails` to add to the rows of the page shown.
 */
export async function unhelpfulArticles(
  reports: ReportStorage,
  manifest: Manifest,
  period: Period,
): Promise<UnhelpfulRow[]> {
  const articles = new Map(manifest.articles.map((article) => [article.id, article]));
  const [totals, reviews] = await Promise.all([reports.articleTotals(period), reports.articleReviews()]);
  // Articles updated during the period are split at that day: few, so their days are read.
  const fixed = totals.filter((row) => {
    const updated = articles.get(row.articleId)?.updated;
    return updated && row.firstDay < updated && row.lastDay >= updated;
  });
  const fixedDays = Map.groupBy(
    await reports.articleDays(
      period,
      fixed.map((row) => row.articleId),
    ),
    (row) => row.articleId,
  );
  return totals.flatMap(({ articleId, views, helpful, unhelpful }) => {
    const article = articles.get(articleId);
    if (!article) return []; // removed from the content since
    const days = fixedDays.get(articleId);
    const split = (keep: (day: string) => boolean) => helpfulnessOf((days ?? []).filter((row) => keep(row.day)));
    return [
      {
        articleId,
        title: article.title,
        locale: article.locale,
        category: article.category,
        url: article.url,
        sourcePath: article.sourcePath,
        editUrl: article.editUrl,
        updated: article.updated,
        views,
        ...helpfulness(helpful, unhelpful),
        confidence: wilsonLowerBound(unhelpful, helpful + unhelpful),
        reasons: {},
        comments: [],
        trend: [],
        ...(days && {
          beforeFix: split((day) => day < article.updated),
          afterFix: split((day) => day >= article.updated),
        }),
        review: reviews.get(articleId) ?? { status: 'new', note: '', updatedBy: '', updatedAt: '' },
      },
    ];
  });
}

/** The rows of a page with their votes per day, reasons and latest comments. */
export async function withDetails(reports: ReportStorage, period: Period, rows: UnhelpfulRow[]) {
  const ids = rows.map((row) => row.articleId);
  const [days, reasons, comments] = await Promise.all([
    reports.articleDays(period, ids),
    reports.reasons(period, ids),
    reports.comments(period, COMMENTS_SHOWN, ids),
  ]);
  const byArticle = <T extends { articleId: string }>(list: T[]) => Map.groupBy(list, (row) => row.articleId);
  const [daysOf, reasonsOf, commentsOf] = [byArticle(days), byArticle(reasons), byArticle(comments)];
  return rows.map((row) => ({
    ...row,
    reasons: Object.fromEntries((reasonsOf.get(row.articleId) ?? []).map((r) => [r.reason, r.count])),
    comments: (commentsOf.get(row.articleId) ?? []).map((c) => ({
      comment: c.comment,
      helpful: c.helpful === 1,
      at: c.at,
    })),
    trend: (daysOf.get(row.articleId) ?? [])
      .filter((day) => day.helpful + day.unhelpful > 0)
      .sort((a, b) => a.day.localeCompare(b.day))
      .map(({ day, helpful, unhelpful }) => ({ day, helpful, unhelpful })),
  }));
}
