import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { ArticleStatus } from '../../src/shared/review-statuses.ts';
import type { Period, ReportStorage, Review } from '../db/report-storage.ts';
import { wilsonLowerBound } from './wilson.ts';

export interface Helpfulness {
  votes: number;
  helpful: number;
  unhelpful: number;
  /** Share of votes that said yes, 0–1; null without votes. */
  helpfulShare: number | null;
}

export interface UnhelpfulRow extends Helpfulness {
  articleId: string;
  title: string;
  locale: string;
  category: string;
  url: string;
  sourcePath: string;
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
});

/** Every article with views or votes in the period, most surely unhelpful first. */
export async function unhelpfulArticles(
  reports: ReportStorage,
  manifest: Manifest,
  period: Period,
): Promise<UnhelpfulRow[]> {
  const articles = new Map(manifest.articles.map((article) => [article.id, article]));
  const [articleDays, reasonRows, commentRows, reviews] = await Promise.all([
    reports.articleDays(period),
    reports.reasons(period),
    reports.comments(period, COMMENTS_SHOWN),
    reports.articleReviews(),
  ]);
  const days = Map.groupBy(articleDays, (row) => row.articleId);
  const reasons = Map.groupBy(reasonRows, (row) => row.articleId);
  const comments = Map.groupBy(commentRows, (row) => row.articleId);
  return [...days].flatMap(([articleId, rows]) => {
    const article = articles.get(articleId);
    if (!article) return []; // removed from the content since
    const sum = (pick: (row: (typeof rows)[number]) => number, keep = (_: string) => true) =>
      rows.filter((row) => keep(row.day)).reduce((total, row) => total + pick(row), 0);
    const helpful = sum((row) => row.helpful);
    const unhelpful = sum((row) => row.unhelpful);
    const fixedDuring = rows.some((row) => row.day < article.updated) && rows.some((row) => row.day >= article.updated);
    return [
      {
        articleId,
        title: article.title,
        locale: article.locale,
        category: article.category,
        url: article.url,
        sourcePath: article.sourcePath,
        updated: article.updated,
        views: sum((row) => row.views),
        ...helpfulness(helpful, unhelpful),
        confidence: wilsonLowerBound(unhelpful, helpful + unhelpful),
        reasons: Object.fromEntries((reasons.get(articleId) ?? []).map((row) => [row.reason, row.count])),
        comments: (comments.get(articleId) ?? []).map((row) => ({
          comment: row.comment,
          helpful: row.helpful === 1,
          at: row.at,
        })),
        trend: rows
          .filter((row) => row.helpful + row.unhelpful > 0)
          .sort((a, b) => a.day.localeCompare(b.day))
          .map(({ day, helpful: yes, unhelpful: no }) => ({ day, helpful: yes, unhelpful: no })),
        ...(fixedDuring && {
          beforeFix: helpfulness(
            sum(
              (row) => row.helpful,
              (day) => day < article.updated,
            ),
            sum(
              (row) => row.unhelpful,
              (day) => day < article.updated,
            ),
          ),
          afterFix: helpfulness(
            sum(
              (row) => row.helpful,
              (day) => day >= article.updated,
            ),
            sum(
              (row) => row.unhelpful,
              (day) => day >= article.updated,
            ),
          ),
        }),
        review: reviews.get(articleId) ?? { status: 'new', note: '', updatedBy: '', updatedAt: '' },
      },
    ];
  });
}
