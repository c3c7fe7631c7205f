import { sql, type RawBuilder, type Transaction } from 'kysely';
import { z } from 'zod';
import { addCounts } from './daily-counts.ts';
import { dialects, sqlText, type Dialect, type EngineKind } from './dialects.ts';
import type { Tables } from './tables.ts';
import {
  everyVisitorDay,
  QUERY_COLUMNS,
  queryFact,
  rephrasings,
  searchFacts,
  type VisitorDays,
} from './visitor-day-facts.ts';

/**
 * The small per-day tables every staff report reads instead of grouping millions of raw events per request. They
 * are counted at ingest, in the transaction that stores the event, so they always agree with the raw rows:
 * - daily_articles, daily_searches, daily_contexts: counts that outlive the raw rows (the roll-up only deletes);
 * - daily_reasons, daily_queries, daily_rephrased: facts only raw events can tell (reasons, readers, variants,
 *   hand-offs, clicks by the same reader); the roll-up deletes them with the raw rows, as the reports always did.
 */
export const RAW_ONLY_AGGREGATES = ['daily_reasons', 'daily_queries', 'daily_rephrased'] as const;

const rephrasing = z.object({
  day: z.string(),
  visitor: z.string(),
  locale: z.string(),
  normalized: z.string(),
  article_id: z.string(),
  query: z.string(),
});
const visitorDayFact = queryFact.extend({ day: z.string(), visitor: z.string() });

const keyed = <T>(rows: T[], key: (row: T) => unknown[]) => new Map(rows.map((row) => [JSON.stringify(key(row)), row]));

/** The search facts and rephrasings of some visitor-days, read again after the writes that may change them. */
function visitorDays(dialect: Dialect, trx: Transaction<Tables>, which: VisitorDays) {
  return {
    queries: async () =>
      keyed(
        (await searchFacts(dialect, which).execute(trx)).rows.map((row) => visitorDayFact.parse(row)),
        (row) => [row.day, row.visitor, row.locale, row.normalized, row.query],
      ),
    rephrasings: async () =>
      keyed(
        (await rephrasings(dialect, which).execute(trx)).rows.map((row) => rephrasing.parse(row)),
        (row) => [row.day, row.visitor, row.locale, row.normalized, row.article_id],
      ),
  };
}

/**
 * Reads the search facts of the visitor-days a batch's search events belong to, before the batch writes them;
 * the function it answers, called after the writes, adds what they changed to daily_queries and, when `rephrase`,
 * to daily_rephrased. The visitors and days are matched separately (each list by its index): a visitor-day the
 * batch did not touch reads the same before and after, and adds nothing.
 */
export async function searchFactsBefore(
  dialect: Dialect,
  trx: Transaction<Tables>,
  events: { visitor: string; day: string }[],
  rephrase: boolean,
): Promise<() => Promise<void>> {
  const visitors = [...new Set(events.map((e) => e.visitor))];
  const days = [...new Set(events.map((e) => e.day))];
  const which: VisitorDays = (alias) =>
    sql<boolean>`${sql.ref(`${alias}.visitor`)} IN (${sql.join(visitors)}) AND ${sql.ref(`${alias}.day`)} IN (${sql.join(days)})`;
  const facts = visitorDays(dialect, trx, which);
  const [queriesBefore, pairsBefore] = [await facts.queries(), rephrase ? await facts.rephrasings() : new Map()];
  return async function countChanges() {
    for (const [id, after] of await facts.queries()) {
      const before = queriesBefore.get(id);
      const delta = Object.fromEntries(
        QUERY_COLUMNS.map((column) => [column, after[column] - (before?.[column] ?? 0)]),
      );
      const { day, locale, normalized, query } = after;
      addCounts(trx, 'daily_queries', { day, locale, normalized, query }, delta);
    }
    if (!rephrase) return;
    // A visitor's pairs only grow: a new pair is one more reader; a known one may gain an earlier variant.
    for (const [id, after] of await facts.rephrasings()) {
      const before = pairsBefore.get(id);
      if (before?.query === after.query) continue;
      await sql`INSERT INTO daily_rephrased (day, locale, normalized, article_id, query, readers)
        VALUES (${after.day}, ${after.locale}, ${after.normalized}, ${after.article_id}, ${after.query}, ${before ? 0 : 1})
        ON CONFLICT (day, locale, normalized, article_id) DO UPDATE SET readers = daily_rephrased.readers + excluded.readers,
          query = CASE WHEN excluded.query < daily_rephrased.query THEN excluded.query ELSE daily_rephrased.query END`.execute(
        trx,
      );
    }
  };
}

/**
 * The aggregates of the raw events already stored, for migration 009 (and a benchmark's bulk fill): the same
 * facts the ingest counts, added up over every visitor-day.
 */
export function aggregateRawEvents(kind: EngineKind): string[] {
  const dialect = dialects[kind];
  const all = everyVisitorDay;
  const add = (table: string, key: string, counts: string[]) =>
    sql.raw(
      `ON CONFLICT (${key}) DO UPDATE SET ${counts.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`,
    );
  const statements: RawBuilder<unknown>[] = [
    // WHERE before each ON CONFLICT: SQLite would read the ON as a join's otherwise.
    sql`INSERT INTO daily_articles (day, article_id, views)
      SELECT day, article_id, count(*) FROM views WHERE 1 = 1 GROUP BY day, article_id
      ${add('daily_articles', 'day, article_id', ['views'])}`,
    sql`INSERT INTO daily_articles (day, article_id, helpful, unhelpful)
      SELECT day, article_id, sum(helpful), sum(1 - helpful) FROM votes WHERE 1 = 1 GROUP BY day, article_id
      ${add('daily_articles', 'day, article_id', ['helpful', 'unhelpful'])}`,
    sql`INSERT INTO daily_searches (day, locale, normalized, searches, zero_results)
      SELECT day, locale, normalized, count(*), count(*) FILTER (WHERE result_count = 0) FROM searches WHERE 1 = 1
      GROUP BY day, locale, normalized ${add('daily_searches', 'day, locale, normalized', ['searches', 'zero_results'])}`,
    sql`INSERT INTO daily_searches (day, locale, normalized, clicks)
      SELECT day, ${dialect.beforeSlash('article_id')}, normalized, count(*) FROM search_clicks WHERE 1 = 1
      GROUP BY day, ${dialect.beforeSlash('article_id')}, normalized ${add('daily_searches', 'day, locale, normalized', ['clicks'])}`,
    sql`INSERT INTO daily_contexts (day, locale, context, impressions, clicks, contacts)
      SELECT day, locale, context, count(*) FILTER (WHERE type = 'impression'), count(*) FILTER (WHERE type = 'click'),
        count(*) FILTER (WHERE type = 'contact') FROM widget_events WHERE 1 = 1 GROUP BY day, locale, context
      ${add('daily_contexts', 'day, locale, context', ['impressions', 'clicks', 'contacts'])}`,
    sql`INSERT INTO daily_reasons (day, article_id, reason, votes)
      SELECT day, article_id, reason, count(*) FROM votes WHERE helpful = 0 AND reason IS NOT NULL GROUP BY day, article_id, reason`,
    sql`INSERT INTO daily_queries (day, locale, normalized, query, ${sql.raw(QUERY_COLUMNS.join(', '))})
      SELECT day, locale, normalized, query, ${sql.raw(QUERY_COLUMNS.map((c) => `sum(${c})`).join(', '))}
      FROM (${searchFacts(dialect, all)}) f GROUP BY day, locale, normalized, query`,
    sql`INSERT INTO daily_rephrased (day, locale, normalized, article_id, query, readers)
      SELECT day, locale, normalized, article_id, min(query), count(*) FROM (${rephrasings(dialect, all)}) r
      GROUP BY day, locale, normalized, article_id`,
  ];
  return statements.map((statement) => sqlText(kind, statement));
}

interface CountedVote {
  helpful: number;
  reason: string | null;
}

/** Counts a visitor's vote of the day on an article; `earlier` is the vote of theirs it replaces, if any. */
export function countVote(
  trx: Transaction<Tables>,
  key: { day: string; article_id: string },
  vote: CountedVote,
  earlier: CountedVote | undefined,
): void {
  const unhelpful = (v: CountedVote | undefined) => (v ? 1 - Number(v.helpful) : 0);
  addCounts(trx, 'daily_articles', key, {
    helpful: vote.helpful - Number(earlier?.helpful ?? 0),
    unhelpful: unhelpful(vote) - unhelpful(earlier),
  });
  const reasons = new Map<string, number>();
  const reasonOf = (v: CountedVote | undefined) => (v && unhelpful(v) && v.reason) || undefined;
  const [before, after] = [reasonOf(earlier), reasonOf(vote)];
  if (before) reasons.set(before, -1);
  if (after) reasons.set(after, (reasons.get(after) ?? 0) + 1);
  for (const [reason, votes] of reasons) addCounts(trx, 'daily_reasons', { ...key, reason }, { votes });
}
