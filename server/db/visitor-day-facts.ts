import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Dialect } from './dialects.ts';

/**
 * What one reader's searches in one day say, the unit every search report adds up: visitor keys change daily, so
 * the distinct readers of a period are the sum over its days. The ingest recomputes the facts of a batch's visitor-days
 * before and after writing it and adds the difference to the aggregate tables (report-aggregates.ts); the migration that
 * made those tables added up the facts of every visitor-day. One definition serves both.
 */

/** Which visitor-days: `alias` is the searches table's. */
export type VisitorDays = (alias: string) => RawBuilder<boolean>;
export const everyVisitorDay: VisitorDays = () => sql<boolean>`1 = 1`;
/**
 * A search that found nothing, then the support hand-off within 30 minutes, by the same reader. The search is
 * reported when the reader leaves its page, so a hand-off clicked there can arrive a moment before it.
 */
const contactAfter = (dialect: Dialect) =>
  sql`EXISTS (SELECT 1 FROM contact_clicks k WHERE k.visitor = s.visitor AND k.day = s.day
    AND ${dialect.minutesBetween('s.created_at', 'k.created_at')} BETWEEN -1 AND 30)`;
/** A search that showed results, and the reader clicked none for that query that day. */
const unclicked = sql`s.result_count > 0 AND NOT EXISTS (SELECT 1 FROM search_clicks c
    WHERE c.visitor = s.visitor AND c.day = s.day AND c.normalized = s.normalized)`;

const n = z.coerce.number();
const columns = <C extends string>(names: readonly C[]) =>
  Object.fromEntries(names.map((name) => [name, n])) as Record<C, typeof n>;
/**
 * One visitor-day's facts about one query as typed, the columns of daily_queries: searches, failed ones, failed
 * then handed off, shown results but unclicked; and for each of the last three whether this is the variant the
 * reader counts on (a reader counts once per query meant, on the first of its variants they typed).
 */
export const queryFact = z.object({
  locale: z.string(),
  normalized: z.string(),
  query: z.string(),
  searches: n,
  failed: n,
  contacted: n,
  unclicked: n,
  failed_visitors: n,
  contacted_visitors: n,
  unclicked_visitors: n,
});
export const QUERY_COLUMNS = [
  'searches',
  'failed',
  'contacted',
  'unclicked',
  'failed_visitors',
  'contacted_visitors',
  'unclicked_visitors',
] as const;

/** Per visitor-day and query as typed: searches, failed ones, failed then handed off, shown results but unclicked. */
export const searchFacts = (dialect: Dialect, which: VisitorDays) => {
  const reader = (count: string) =>
    sql.raw(
      `CASE WHEN query = min(CASE WHEN ${count} > 0 THEN query END) OVER readers THEN 1 ELSE 0 END AS ${count}_visitors`,
    );
  return sql`SELECT day, visitor, locale, normalized, query, searches, failed, contacted, unclicked,
      ${reader('failed')}, ${reader('contacted')}, ${reader('unclicked')}
    FROM (
      SELECT s.day, s.visitor, s.locale, s.normalized, s.query, count(*) AS searches,
        count(*) FILTER (WHERE s.result_count = 0) AS failed,
        count(*) FILTER (WHERE s.result_count = 0 AND ${contactAfter(dialect)}) AS contacted,
        count(*) FILTER (WHERE ${unclicked}) AS unclicked
      FROM searches s WHERE ${which('s')} GROUP BY s.day, s.visitor, s.locale, s.normalized, s.query
    ) t WINDOW readers AS (PARTITION BY day, visitor, locale, normalized)`;
};

/** One visitor-day as the funnel counts it: a session that searched, found nothing at least once, then handed off. */
export const SESSION_COLUMNS = ['sessions', 'failed_sessions', 'contacted_sessions'] as const;
export const sessionFact = z.object({ day: z.string(), visitor: z.string(), ...columns(SESSION_COLUMNS) });

/** Per visitor-day: one session of searching; whether a search of it found nothing; whether one of those was handed off. */
export const sessionFacts = (dialect: Dialect, which: VisitorDays) =>
  sql`SELECT s.day, s.visitor, 1 AS sessions, max(CASE WHEN s.result_count = 0 THEN 1 ELSE 0 END) AS failed_sessions,
      max(CASE WHEN s.result_count = 0 AND ${contactAfter(dialect)} THEN 1 ELSE 0 END) AS contacted_sessions
    FROM searches s WHERE ${which('s')} GROUP BY s.day, s.visitor`;

/**
 * Readers' own synonyms, the candidates: a failed search, then within ten minutes a click on an article after another
 * search. Per visitor-day, query meant and article, with the first of the failed query's variants, each pair of
 * searches typed: whether the two are related is the ingest's to decide (report-aggregates.ts), in code.
 */
export const rephrasings = (dialect: Dialect, which: VisitorDays) =>
  sql`SELECT DISTINCT f.day, f.visitor, f.locale, f.normalized, c.article_id,
      min(f.query) OVER (PARTITION BY f.day, f.visitor, f.locale, f.normalized, c.article_id) AS query,
      f.query AS failed, c.query AS rephrased
    FROM searches f
    JOIN search_clicks c ON c.visitor = f.visitor AND c.day = f.day AND c.normalized <> f.normalized
      AND ${dialect.minutesBetween('f.created_at', 'c.created_at')} BETWEEN 0 AND 10
    WHERE f.result_count = 0 AND ${which('f')}`;
