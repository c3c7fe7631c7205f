import type { Database, Statement } from 'better-sqlite3';
import type { ArticleStatus, QueryStatus, SynonymStatus } from '../../src/shared/review-statuses.ts';
import { prepareStatements } from './statements.ts';

export interface Period {
  from: string;
  to: string;
}

export interface ArticleDay {
  articleId: string;
  day: string;
  views: number;
  helpful: number;
  unhelpful: number;
}

export interface FailedQuery {
  locale: string;
  normalized: string;
  searches: number;
  /** Distinct visitors, counted from raw events only (rolled-up days keep no visitors). */
  visitors: number;
  firstSeen: string;
  lastSeen: string;
  variants: string[];
}

/** A reader's words that search should treat as another name of an article. */
export interface ReaderSynonym {
  locale: string;
  query: string;
  articleId: string;
}
export interface Review<S> {
  status: S;
  note: string;
  updatedBy: string;
  updatedAt: string;
}

/**
 * A search that found nothing, then the support hand-off within 30 minutes, by the same reader. The search is
 * reported when the reader leaves its page, so a hand-off clicked there can arrive a moment before it.
 */
const CONTACT_AFTER = `EXISTS (SELECT 1 FROM contact_clicks k WHERE k.visitor = s.visitor AND k.day = s.day
    AND julianday(k.created_at) - julianday(s.created_at) BETWEEN -1.0 / 1440 AND 30.0 / 1440)`;

/** The SQL of the staff reports, prepared once per database by createReportStorage. */
/** What the failed-searches query joins its days' variants with: SQL's char(31), which no query contains. */
const UNIT_SEPARATOR = String.fromCharCode(31);

const REPORT_SQL = {
  articleDays: `
    SELECT article_id AS articleId, day, sum(views) AS views, sum(helpful) AS helpful, sum(unhelpful) AS unhelpful FROM (
      SELECT article_id, day, count(*) AS views, 0 AS helpful, 0 AS unhelpful FROM views WHERE day BETWEEN @from AND @to GROUP BY article_id, day
      UNION ALL
      SELECT article_id, day, 0, sum(helpful), sum(1 - helpful) FROM votes WHERE day BETWEEN @from AND @to GROUP BY article_id, day
      UNION ALL
      SELECT article_id, day, views, helpful, unhelpful FROM daily_articles WHERE day BETWEEN @from AND @to
    ) GROUP BY article_id, day`,
  reasons: `
    SELECT article_id AS articleId, reason, count(*) AS count FROM votes
    WHERE helpful = 0 AND reason IS NOT NULL AND day BETWEEN @from AND @to GROUP BY article_id, reason`,
  comments: `
    SELECT article_id AS articleId, comment, helpful, created_at AS at FROM votes
    WHERE comment IS NOT NULL AND day BETWEEN @from AND @to ORDER BY created_at DESC`,
  failed: `
    SELECT locale, normalized, sum(searches) AS searches, sum(visitors) AS visitors, min(first) AS firstSeen, max(last) AS lastSeen,
           group_concat(variants, char(31)) AS variants FROM (
      SELECT locale, normalized, count(*) AS searches, count(DISTINCT visitor) AS visitors, min(day) AS first, max(day) AS last,
             group_concat(DISTINCT query) AS variants
      FROM searches WHERE result_count = 0 AND day BETWEEN @from AND @to GROUP BY locale, normalized
      UNION ALL
      SELECT locale, normalized, zero_results, 0, min(day), max(day), NULL FROM daily_searches
      WHERE zero_results > 0 AND day BETWEEN @from AND @to GROUP BY locale, normalized
    ) GROUP BY locale, normalized`,
  searchDays: `
    SELECT day, sum(searches) AS searches, sum(zero) AS zeroResults, sum(clicks) AS clicks FROM (
      SELECT day, count(*) AS searches, sum(result_count = 0) AS zero, 0 AS clicks FROM searches WHERE day BETWEEN @from AND @to GROUP BY day
      UNION ALL
      SELECT day, 0, 0, count(*) FROM search_clicks WHERE day BETWEEN @from AND @to GROUP BY day
      UNION ALL
      SELECT day, searches, zero_results, clicks FROM daily_searches WHERE day BETWEEN @from AND @to
    ) GROUP BY day ORDER BY day`,
  unclicked: `
    SELECT s.locale, s.normalized, count(*) AS searches, count(DISTINCT s.visitor) AS visitors, group_concat(DISTINCT s.query) AS variants
    FROM searches s
    WHERE s.result_count > 0 AND s.day BETWEEN @from AND @to
      AND NOT EXISTS (SELECT 1 FROM search_clicks c WHERE c.visitor = s.visitor AND c.day = s.day AND c.normalized = s.normalized)
    GROUP BY s.locale, s.normalized`,
  // A reader's failed search, then within ten minutes a click on an article after another search: their own synonym.
  rephrased: `
    SELECT f.locale, f.normalized AS normalized, min(f.query) AS query, c.article_id AS articleId, count(DISTINCT f.visitor) AS readers
    FROM searches f
    JOIN search_clicks c ON c.visitor = f.visitor AND c.day = f.day AND c.normalized <> f.normalized
      AND julianday(c.created_at) - julianday(f.created_at) BETWEEN 0 AND 10.0 / 1440
    WHERE f.result_count = 0 AND f.day BETWEEN @from AND @to
    GROUP BY f.locale, f.normalized, c.article_id`,
  // The funnel: searches, those that found nothing, and those of them followed by the support hand-off.
  funnel: `
    SELECT count(*) AS searches, coalesce(sum(result_count = 0), 0) AS failed,
           coalesce(sum(result_count = 0 AND ${CONTACT_AFTER}), 0) AS contacted
    FROM searches s WHERE day BETWEEN @from AND @to`,
  contactedAfter: `
    SELECT locale, normalized, count(DISTINCT visitor) AS contacted FROM searches s
    WHERE result_count = 0 AND day BETWEEN @from AND @to AND ${CONTACT_AFTER} GROUP BY locale, normalized`,
  // The widget per context: panels shown, articles chosen from them, support chosen instead. Raw and rolled up.
  contextCounts: `
    SELECT locale, context, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(contacts) AS contacts FROM (
      SELECT locale, context, sum(type = 'impression') AS impressions, sum(type = 'click') AS clicks, sum(type = 'contact') AS contacts
        FROM widget_events WHERE day BETWEEN @from AND @to GROUP BY locale, context
      UNION ALL
      SELECT locale, context, sum(impressions), sum(clicks), sum(contacts) FROM daily_contexts WHERE day BETWEEN @from AND @to GROUP BY locale, context
    ) GROUP BY locale, context`,
  articleReviews:
    'SELECT article_id AS id, status, note, updated_by AS updatedBy, updated_at AS updatedAt FROM article_reviews',
  queryReviews:
    "SELECT locale || '|' || normalized AS id, status, note, updated_by AS updatedBy, updated_at AS updatedAt FROM query_reviews",
  setArticleReview: `
    INSERT INTO article_reviews (article_id, status, note, updated_by, updated_at) VALUES (@id, @status, @note, @updatedBy, @updatedAt)
    ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  setQueryReview: `
    INSERT INTO query_reviews (locale, normalized, status, note, updated_by, updated_at) VALUES (@locale, @normalized, @status, @note, @updatedBy, @updatedAt)
    ON CONFLICT (locale, normalized) DO UPDATE SET status = excluded.status, note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  synonymReviews:
    "SELECT locale || '|' || normalized || '|' || article_id AS id, status, note, updated_by AS updatedBy, updated_at AS updatedAt FROM synonym_reviews",
  setSynonymReview: `
    INSERT INTO synonym_reviews (locale, normalized, article_id, query, status, note, updated_by, updated_at)
    VALUES (@locale, @normalized, @articleId, @query, @status, @note, @updatedBy, @updatedAt)
    ON CONFLICT (locale, normalized, article_id) DO UPDATE SET query = excluded.query, status = excluded.status, note = excluded.note,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  acceptedSynonyms: "SELECT locale, query, article_id AS articleId FROM synonym_reviews WHERE status = 'accepted'",
};

/** SQL for staff reports; raw events and the daily counts they were folded into are read together. */
export function createReportStorage(db: Database) {
  const {
    articleDays,
    reasons,
    comments,
    failed,
    searchDays,
    unclicked,
    rephrased,
    funnel,
    contactedAfter,
    contextCounts,
    articleReviews,
    queryReviews,
    setArticleReview,
    setQueryReview,
    synonymReviews,
    setSynonymReview,
    acceptedSynonyms,
  } = prepareStatements(db, REPORT_SQL);
  const reviews = <S>(statement: Statement) =>
    new Map((statement.all() as (Review<S> & { id: string })[]).map(({ id, ...review }) => [id, review]));

  return {
    articleDays: (period: Period) => articleDays.all(period) as ArticleDay[],
    reasons: (period: Period) => reasons.all(period) as { articleId: string; reason: string; count: number }[],
    comments: (period: Period) =>
      comments.all(period) as { articleId: string; comment: string; helpful: number; at: string }[],
    failedQueries: (period: Period): FailedQuery[] =>
      (failed.all(period) as (Omit<FailedQuery, 'variants'> & { variants: string | null })[]).map((row) => ({
        ...row,
        variants: [
          ...new Set(
            (row.variants ?? '')
              .split(UNIT_SEPARATOR)
              .flatMap((part) => part.split(','))
              .filter(Boolean),
          ),
        ].slice(0, 10),
      })),
    searchDays: (period: Period) =>
      searchDays.all(period) as { day: string; searches: number; zeroResults: number; clicks: number }[],
    /** Searches that showed results but got no click from the same reader that day. */
    unclickedQueries: (period: Period) =>
      (
        unclicked.all(period) as {
          locale: string;
          normalized: string;
          searches: number;
          visitors: number;
          variants: string | null;
        }[]
      ).map((row) => ({
        ...row,
        variants: [...new Set((row.variants ?? '').split(',').filter(Boolean))].slice(0, 10),
      })),
    rephrasedQueries: (period: Period) =>
      rephrased.all(period) as {
        locale: string;
        normalized: string;
        query: string;
        articleId: string;
        readers: number;
      }[],
    /** Searches, those that found nothing, and those of them followed by the support hand-off (raw days only). */
    funnel: (period: Period) => funnel.get(period) as { searches: number; failed: number; contacted: number },
    /** Readers who turned to support after each failed query, keyed `locale|normalized`. */
    contactedAfter: (period: Period) =>
      new Map(
        (contactedAfter.all(period) as { locale: string; normalized: string; contacted: number }[]).map((row) => [
          `${row.locale}|${row.normalized}`,
          row.contacted,
        ]),
      ),
    contexts: (period: Period) =>
      contextCounts.all(period) as {
        locale: string;
        context: string;
        impressions: number;
        clicks: number;
        contacts: number;
      }[],
    articleReviews: () => reviews<ArticleStatus>(articleReviews),
    queryReviews: () => reviews<QueryStatus>(queryReviews),
    reviewArticle: (id: string, review: Review<ArticleStatus>) => void setArticleReview.run({ id, ...review }),
    reviewQuery: (locale: string, normalized: string, review: Review<QueryStatus>) =>
      void setQueryReview.run({ locale, normalized, ...review }),
    /** Keyed `locale|normalized|articleId`. */
    synonymReviews: () => reviews<SynonymStatus>(synonymReviews),
    reviewSynonym: (pair: ReaderSynonym & { normalized: string }, review: Review<SynonymStatus>) =>
      void setSynonymReview.run({ ...pair, ...review }),
    /**
     * What the next build teaches search: pairs staff accepted, and pairs at least `minReaders` distinct readers
     * made in the period that staff did not reject.
     */
    readerSynonyms(period: Period, minReaders: number): ReaderSynonym[] {
      const decided = reviews<SynonymStatus>(synonymReviews);
      const confirmed = (rephrased.all(period) as (ReaderSynonym & { normalized: string; readers: number })[]).filter(
        (row) => row.readers >= minReaders && !decided.has(`${row.locale}|${row.normalized}|${row.articleId}`),
      );
      const pairs = [...(acceptedSynonyms.all() as ReaderSynonym[]), ...confirmed];
      return pairs.map(({ locale, query, articleId }) => ({ locale, query, articleId }));
    },
    handoffs: handoffs(db),
  };
}

/** A hand-off to support, counted per the article or the (masked) query it was chosen from; either may be absent. */
interface Handoff {
  locale: string;
  articleId: string | null;
  query: string | null;
  normalized: string | null;
  clicks: number;
}

/** Hand-offs to support in the period, most first: where readers gave up on the help center. */
function handoffs(db: Database) {
  const statement = db.prepare(`
    SELECT locale, article_id AS articleId, query, normalized, count(*) AS clicks FROM contact_clicks
    WHERE day BETWEEN @from AND @to GROUP BY locale, article_id, query, normalized ORDER BY clicks DESC, articleId, query`);
  return (period: Period) => statement.all(period) as Handoff[];
}

export type ReportStorage = ReturnType<typeof createReportStorage>;
