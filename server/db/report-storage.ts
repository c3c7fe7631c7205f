import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import {
  ARTICLE_STATUSES,
  QUERY_STATUSES,
  SYNONYM_STATUSES,
  type ArticleStatus,
  type QueryStatus,
  type SynonymStatus,
} from '../../src/shared/review-statuses.ts';
import type { Engine } from './engine.ts';

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
  /** Distinct visitors, counted from raw days only (rolled-up days keep no visitors). */
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

const n = z.coerce.number();
const text = z.string();
const articleDay = z.object({ articleId: text, day: text, views: n, helpful: n, unhelpful: n });
const reasonRow = z.object({ articleId: text, reason: text, count: n });
const commentRow = z.object({ articleId: text, comment: text, helpful: n, at: text });
const failedRow = z.object({ locale: text, normalized: text, searches: n, firstSeen: text, lastSeen: text });
const articleTotal = z.object({ articleId: text, views: n, helpful: n, unhelpful: n, firstDay: text, lastDay: text });
const readingDay = z.object({ day: text, views: n, helpful: n, unhelpful: n });
const searchDay = z.object({ day: text, searches: n, zeroResults: n, clicks: n });
const typedRow = z.object({ locale: text, normalized: text, query: text, searches: n, visitors: n });
const rephrasedRow = z.object({
  locale: text,
  normalized: text,
  query: text,
  articleId: text,
  readers: n,
  relatedReaders: n,
});
const funnelRow = z.object({ sessions: n, failedSessions: n, contactedSessions: n });
const contactedRow = z.object({ locale: text, normalized: text, contacted: n });
const contextRow = z.object({ locale: text, context: text, impressions: n, clicks: n, contacts: n });
/** A staff decision as stored: its status one of the list the migrations allow. */
const reviewRow = <S extends string>(statuses: readonly [S, ...S[]]) =>
  z.object({ id: text, status: z.enum(statuses), note: text, updatedBy: text, updatedAt: text });
const acceptedRow = z.object({ locale: text, normalized: text, query: text, articleId: text });
const handoffRow = z.object({
  locale: text,
  articleId: text.nullable(),
  query: text.nullable(),
  normalized: text.nullable(),
  clicks: n,
});

/** Only the rows of these articles, when named. */
const ofArticles = (ids?: string[]) => (ids ? sql`AND article_id IN (${sql.join(ids)})` : sql``);

/** A staff decision as its table's columns. */
const reviewColumns = <S extends string>(review: Review<S>) => ({
  status: review.status,
  note: review.note,
  updated_by: review.updatedBy,
  updated_at: review.updatedAt,
});

/** A query's typed forms the report shows: the ten typed most often. */
const VARIANTS_SHOWN = 10;

/**
 * The staff reports, on either engine, from the daily tables counted at ingest (report-aggregates.ts).
 * Every row is checked against its schema: PostgreSQL answers counts and sums as text.
 */
export function createReportStorage(engine: Engine) {
  const { db } = engine;
  const rows = async <T>(schema: z.ZodType<T>, query: RawBuilder<unknown>) =>
    (await engine.read(query)).map((row) => schema.parse(row));
  const reviews = async <S extends string>(statuses: readonly [S, ...S[]], query: RawBuilder<unknown>) =>
    new Map((await rows(reviewRow(statuses), query)).map(({ id, ...review }): [string, Review<S>] => [id, review]));
  const synonymReviews = () =>
    reviews(
      SYNONYM_STATUSES,
      sql`SELECT locale || '|' || normalized || '|' || article_id AS id, status, note, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM synonym_reviews`,
    );
  /**
   * The searches `column` counts (failed, or shown results but unclicked) per query meant, keyed `locale|normalized`:
   * how many, by how many distinct visitors of each day, and what readers typed, most often first. One read of the
   * column's partial index in its order (migration 018), instead of sorting every counted row of the period.
   */
  const byQuery = async (column: 'failed' | 'unclicked', { from, to }: Period) => {
    const typed = await rows(
      typedRow,
      sql`SELECT locale, normalized, query, sum(${sql.ref(column)}) AS searches,
          sum(${sql.ref(`${column}_visitors`)}) AS visitors
        FROM daily_queries ${engine.indexedBy(`daily_queries_${column}`)}
        WHERE ${sql.ref(column)} > 0 AND day BETWEEN ${from} AND ${to} GROUP BY locale, normalized, query`,
    );
    const sum = (forms: typeof typed, count: (form: (typeof typed)[number]) => number) =>
      forms.reduce((total, form) => total + count(form), 0);
    return new Map(
      [...Map.groupBy(typed, (row) => `${row.locale}|${row.normalized}`)].map(([key, forms]) => [
        key,
        {
          locale: forms[0]!.locale,
          normalized: forms[0]!.normalized,
          searches: sum(forms, (form) => form.searches),
          visitors: sum(forms, (form) => form.visitors),
          variants: forms
            .sort((a, b) => b.searches - a.searches || (a.query < b.query ? -1 : a.query > b.query ? 1 : 0))
            .slice(0, VARIANTS_SHOWN)
            .map((form) => form.query),
        },
      ]),
    );
  };

  return {
    /** Views and votes per article and day; of the articles named, when `ids` are given. */
    articleDays: async ({ from, to }: Period, ids?: string[]): Promise<ArticleDay[]> =>
      ids?.length === 0
        ? []
        : rows(
            articleDay,
            sql`SELECT article_id AS "articleId", day, views, helpful, unhelpful FROM daily_articles
              WHERE day BETWEEN ${from} AND ${to} ${ofArticles(ids)}`,
          ),
    /** Views and votes per article over the period, and its first and last day with any. */
    articleTotals: ({ from, to }: Period) =>
      rows(
        articleTotal,
        sql`SELECT article_id AS "articleId", sum(views) AS views, sum(helpful) AS helpful, sum(unhelpful) AS unhelpful,
            min(day) AS "firstDay", max(day) AS "lastDay"
          FROM daily_articles WHERE day BETWEEN ${from} AND ${to} GROUP BY article_id`,
      ),
    /** Views and votes per day, every article together. */
    readingDays: ({ from, to }: Period) =>
      rows(
        readingDay,
        sql`SELECT day, sum(views) AS views, sum(helpful) AS helpful, sum(unhelpful) AS unhelpful FROM daily_articles
          WHERE day BETWEEN ${from} AND ${to} GROUP BY day ORDER BY day`,
      ),
    reasons: async ({ from, to }: Period, ids?: string[]) =>
      ids?.length === 0
        ? []
        : rows(
            reasonRow,
            sql`SELECT article_id AS "articleId", reason, sum(votes) AS count FROM daily_reasons
              WHERE day BETWEEN ${from} AND ${to} ${ofArticles(ids)} GROUP BY article_id, reason HAVING sum(votes) > 0`,
          ),
    /** The latest comments on each of the articles named, newest first. */
    comments: async ({ from, to }: Period, perArticle: number, ids: string[]) =>
      ids.length === 0
        ? []
        : rows(
            commentRow,
            // One small index read per article: the latest few, however many it has in the period. By time, which is
            // the index's order: a period's days are UTC days, as the ISO times (to the millisecond) are.
            sql`SELECT * FROM (${sql.join(
              ids.map(
                (
                  id,
                ) => sql`SELECT * FROM (SELECT article_id AS "articleId", comment, helpful, created_at AS at FROM votes
                  WHERE article_id = ${id} AND comment IS NOT NULL AND created_at >= ${from} AND created_at <= ${`${to}T23:59:59.999Z`}
                  ORDER BY created_at DESC LIMIT ${perArticle}) latest`,
              ),
              sql` UNION ALL `,
            )}) t ORDER BY at DESC`,
          ),
    async failedQueries(period: Period): Promise<FailedQuery[]> {
      const { from, to } = period;
      // Searches and days from every day's counts; visitors and variants from raw days only.
      const [found, typed] = await Promise.all([
        rows(
          failedRow,
          sql`SELECT locale, normalized, sum(zero_results) AS searches, min(day) AS "firstSeen", max(day) AS "lastSeen"
            FROM daily_searches WHERE zero_results > 0 AND day BETWEEN ${from} AND ${to} GROUP BY locale, normalized`,
        ),
        byQuery('failed', period),
      ]);
      return found.map((row) => {
        const raw = typed.get(`${row.locale}|${row.normalized}`);
        return { ...row, visitors: raw?.visitors ?? 0, variants: raw?.variants ?? [] };
      });
    },
    searchDays: ({ from, to }: Period) =>
      rows(
        searchDay,
        sql`SELECT day, sum(searches) AS searches, sum(zero_results) AS "zeroResults", sum(clicks) AS clicks
          FROM daily_searches WHERE day BETWEEN ${from} AND ${to} GROUP BY day ORDER BY day`,
      ),
    /** Searches that showed results but got no click from the same reader that day. */
    unclickedQueries: async (period: Period) => [...(await byQuery('unclicked', period)).values()],
    /**
     * Readers' own synonyms (see visitor-day-facts.ts), counted per day at ingest: distinct readers who searched the
     * failed query then found the article, and those of them who found it by a related search.
     */
    rephrasedQueries: ({ from, to }: Period) =>
      rows(
        rephrasedRow,
        sql`SELECT locale, normalized, min(query) AS query, article_id AS "articleId", sum(readers) AS readers,
            sum(related_readers) AS "relatedReaders"
          FROM daily_rephrased WHERE day BETWEEN ${from} AND ${to} GROUP BY locale, normalized, article_id`,
      ),
    /**
     * Reader sessions (a visitor's day) that searched, those with a search that found nothing, and those of them
     * that turned to support within 30 minutes of one.
     */
    funnel: async ({ from, to }: Period) =>
      (
        await rows(
          funnelRow,
          sql`SELECT coalesce(sum(sessions), 0) AS sessions, coalesce(sum(failed_sessions), 0) AS "failedSessions",
              coalesce(sum(contacted_sessions), 0) AS "contactedSessions"
            FROM daily_sessions WHERE day BETWEEN ${from} AND ${to}`,
        )
      )[0]!,
    /** Readers who turned to support after each failed query, keyed `locale|normalized`. */
    contactedAfter: async ({ from, to }: Period) =>
      new Map(
        (
          await rows(
            contactedRow,
            sql`SELECT locale, normalized, sum(contacted_visitors) AS contacted
              FROM daily_queries ${engine.indexedBy('daily_queries_contacted')}
              WHERE contacted > 0 AND day BETWEEN ${from} AND ${to} GROUP BY locale, normalized`,
          )
        ).map((row) => [`${row.locale}|${row.normalized}`, row.contacted]),
      ),
    // The widget per context: panels shown, articles chosen from them, support chosen instead. Raw and rolled up.
    contexts: ({ from, to }: Period) =>
      rows(
        contextRow,
        sql`SELECT locale, context, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(contacts) AS contacts
          FROM daily_contexts WHERE day BETWEEN ${from} AND ${to} GROUP BY locale, context`,
      ),
    articleReviews: () =>
      reviews(
        ARTICLE_STATUSES,
        sql`SELECT article_id AS id, status, note, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM article_reviews`,
      ),
    queryReviews: () =>
      reviews(
        QUERY_STATUSES,
        sql`SELECT locale || '|' || normalized AS id, status, note, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM query_reviews`,
      ),
    reviewArticle: async (id: string, review: Review<ArticleStatus>) => {
      const values = reviewColumns(review);
      await db
        .insertInto('article_reviews')
        .values({ article_id: id, ...values })
        .onConflict((c) => c.column('article_id').doUpdateSet(values))
        .execute();
    },
    reviewQuery: async (locale: string, normalized: string, review: Review<QueryStatus>) => {
      const values = reviewColumns(review);
      await db
        .insertInto('query_reviews')
        .values({ locale, normalized, ...values })
        .onConflict((c) => c.columns(['locale', 'normalized']).doUpdateSet(values))
        .execute();
    },
    /** Keyed `locale|normalized|articleId`. */
    synonymReviews,
    reviewSynonym: async (pair: ReaderSynonym & { normalized: string }, review: Review<SynonymStatus>) => {
      const values = { query: pair.query, ...reviewColumns(review) };
      await db
        .insertInto('synonym_reviews')
        .values({ locale: pair.locale, normalized: pair.normalized, article_id: pair.articleId, ...values })
        .onConflict((c) => c.columns(['locale', 'normalized', 'article_id']).doUpdateSet(values))
        .execute();
    },
    /** The pairs staff accepted: applied whatever readers do. */
    acceptedSynonyms: () =>
      rows(
        acceptedRow,
        sql`SELECT locale, normalized, query, article_id AS "articleId" FROM synonym_reviews WHERE status = 'accepted'`,
      ),
    /** Hand-offs to support in the period, most first: where readers gave up on the help center. */
    handoffs: ({ from, to }: Period) =>
      rows(
        handoffRow,
        sql`SELECT locale, article_id AS "articleId", query, normalized, count(*) AS clicks FROM contact_clicks
          WHERE day BETWEEN ${from} AND ${to} GROUP BY locale, article_id, query, normalized
          ORDER BY clicks DESC, "articleId", query`,
      ),
  };
}

export type ReportStorage = ReturnType<typeof createReportStorage>;
