import type { Manifest } from '../../src/shared/content/manifest.ts';
import { CLOSING_STATUSES } from '../../src/shared/review-statuses.ts';
import type { Period, ReportStorage, Review } from '../db/report-storage.ts';
import { failedSearches, type FailedSearchRow } from '../reports/failed-searches.ts';
import { unhelpfulArticles, type UnhelpfulRow } from '../reports/unhelpful.ts';
import { synonymEvidence } from '../reports/reader-synonyms.ts';
import { wilsonLowerBound } from '../reports/wilson.ts';
import { itemIds, type InboxItem, type ItemKind } from './items.ts';

/**
 * What keeps noise out: an item is shown only when its evidence in the days counted clears these.
 * - An article: at least 2 votes, and at least a quarter of them surely "No" (the Wilson lower bound of the "No"
 *   share the unhelpful report ranks by: one angry vote scores 0.21, two of two 0.34, eight of ten 0.49).
 * - A failed query: at least 2 distinct visitors; one reader's typo is not a gap in the content.
 * - A readers' synonym: as many distinct readers as the synonyms report needs (HELPLOOP_SYNONYM_READERS), and
 *   surely at least a tenth of those who searched the query and found nothing went on to that article (Wilson lower
 *   bound 0.1: three of three 0.44, three of thirty 0.03).
 */
export const THRESHOLDS = {
  articleVotes: 2,
  articleConfidence: 0.25,
  queryVisitors: 2,
  synonymConfidence: 0.1,
};

/** A staff decision that took an item out: one that `returns` lets new evidence after it bring the item back. */
export interface Decision {
  at: string;
  by: string;
  returns: boolean;
}

/** An item as the evidence of some days makes it, whether or not it clears the thresholds. */
export interface Candidate {
  item: InboxItem;
  qualifies: boolean;
  decision?: Decision;
  /** The last day with evidence, when the report knows it: nothing after a decision needs no second look. */
  lastDay?: string;
  /** The report's row, for the details read once the item is shown (reasons, comments). */
  row?: UnhelpfulRow;
  /** The failed query (`locale|normalized`) a synonym answers, unless staff rejected it. */
  answers?: string;
}

function decisionOf<S extends string>(review: Review<S>, decided: Partial<Record<S, boolean>>, at = review.updatedAt) {
  const returns = decided[review.status];
  return returns === undefined ? undefined : { at, by: review.updatedBy, returns };
}

const later = (a: string, b: string) => (a > b ? a : b);

function articleCandidate(row: UnhelpfulRow, evidence: Period): Candidate {
  const affected = Math.max(row.views, row.votes);
  return {
    item: {
      kind: 'article',
      id: itemIds.article(row.articleId),
      impact: affected * row.confidence,
      affected,
      evidence,
      returned: null,
      articleId: row.articleId,
      title: row.title,
      locale: row.locale,
      category: row.category,
      url: row.url,
      sourcePath: row.sourcePath,
      editUrl: row.editUrl,
      views: row.views,
      votes: row.votes,
      helpful: row.helpful,
      unhelpful: row.unhelpful,
      helpfulShare: row.helpfulShare,
      helpfulRange: row.helpfulRange,
      topReason: null,
      latestComment: null,
      review: { status: row.review.status, note: row.review.note },
    },
    qualifies: row.votes >= THRESHOLDS.articleVotes && row.confidence >= THRESHOLDS.articleConfidence,
    // Readers judge the text as it is since the later of the fix and the article's own update.
    decision: decisionOf(row.review, CLOSING_STATUSES.article, later(row.review.updatedAt, row.updated)),
    row,
  };
}

function queryCandidate(row: FailedSearchRow, evidence: Period): Candidate {
  // A zero-result search surely failed (confidence 1); a reader who then contacted support also cost a ticket, the
  // cost the help center exists to save, so each of them counts twice.
  const contacted = Math.min(row.contacted, row.visitors);
  return {
    item: {
      kind: 'query',
      id: itemIds.query(row.locale, row.normalized),
      impact: row.visitors + contacted,
      affected: row.visitors,
      evidence,
      returned: null,
      locale: row.locale,
      normalized: row.normalized,
      query: row.variants[0] ?? row.normalized,
      searches: row.searches,
      visitors: row.visitors,
      contacted: row.contacted,
      newArticleCommand: row.newArticleCommand,
      review: { status: row.review.status, note: row.review.note },
    },
    qualifies: row.visitors >= THRESHOLDS.queryVisitors,
    decision: decisionOf(row.review, CLOSING_STATUSES.query),
    lastDay: row.lastSeen,
  };
}

/**
 * Each kind's candidates over some days, from the reports' own functions. Made per request: failed queries and
 * synonyms both read the failed queries, once per period.
 */
export function candidateSources(
  storage: ReportStorage,
  manifest: Manifest,
  synonymReaders: number,
): Record<ItemKind, (period: Period) => Promise<Candidate[]>> {
  const articles = new Map(manifest.articles.map((article) => [article.id, article]));
  const failedQueries = new Map<string, ReturnType<ReportStorage['failedQueries']>>();
  const reports: ReportStorage = {
    ...storage,
    failedQueries: (period) => {
      const key = `${period.from}|${period.to}`;
      return failedQueries.get(key) ?? failedQueries.set(key, storage.failedQueries(period)).get(key)!;
    },
  };
  return {
    article: async (period) =>
      (await unhelpfulArticles(reports, manifest, period)).map((row) => articleCandidate(row, period)),
    query: async (period) => (await failedSearches(reports, period)).map((row) => queryCandidate(row, period)),
    synonym: async (period) => {
      const [pairs, reviews, failed] = await Promise.all([
        synonymEvidence(reports, manifest, period),
        reports.synonymReviews(),
        reports.failedQueries(period),
      ]);
      const searchers = new Map(failed.map((row) => [`${row.locale}|${row.normalized}`, row.visitors]));
      return pairs.flatMap((pair): Candidate[] => {
        const article = articles.get(pair.articleId);
        if (!article) return []; // removed from the content since
        // Rolled-up days keep no visitors: never fewer searchers than readers who made the pair.
        const affected = Math.max(searchers.get(`${pair.locale}|${pair.normalized}`) ?? 0, pair.readers);
        const confidence = wilsonLowerBound(pair.readers, affected);
        const review = reviews.get(`${pair.locale}|${pair.normalized}|${pair.articleId}`);
        return [
          {
            item: {
              kind: 'synonym',
              id: itemIds.synonym(pair.locale, pair.normalized, pair.articleId),
              impact: affected * confidence,
              affected,
              evidence: period,
              returned: null,
              locale: pair.locale,
              normalized: pair.normalized,
              query: pair.query,
              articleId: pair.articleId,
              title: article.title,
              category: article.category,
              url: article.url,
              readers: pair.readers,
            },
            qualifies: pair.readers >= synonymReaders && confidence >= THRESHOLDS.synonymConfidence,
            decision: review && decisionOf(review, CLOSING_STATUSES.synonym),
            answers: review?.status === 'rejected' ? undefined : `${pair.locale}|${pair.normalized}`,
          },
        ];
      });
    },
  };
}
