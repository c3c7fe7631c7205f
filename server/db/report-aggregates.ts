import { sql, type CompiledQuery, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { z } from 'zod';
import { relatedQueries } from '../../src/shared/search/related-queries.ts';
import { addCounts } from './daily-counts.ts';
import { compileFor, dialects, sqlText, type Dialect, type EngineKind } from './dialects.ts';
import type { Tables } from './tables.ts';
import {
  everyVisitorDay,
  QUERY_COLUMNS,
  queryFact,
  rephrasings,
  searchFacts,
  SESSION_COLUMNS,
  sessionFact,
  sessionFacts,
  type VisitorDays,
} from './visitor-day-facts.ts';

/**
 * The small per-day tables every staff report reads instead of grouping millions of raw events per request. They
 * are counted at ingest, in the transaction that stores the event, so they always agree with the raw rows:
 * - daily_articles, daily_searches, daily_contexts, daily_sessions: counts that outlive the raw rows (the roll-up
 *   only deletes);
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
  failed: z.string(),
  rephrased: z.string(),
});
/** A reader's pair of a day: failed query meant and article found instead, and whether by a related search. */
type ReaderPair = Pick<z.infer<typeof rephrasing>, 'day' | 'locale' | 'normalized' | 'article_id' | 'query'> & {
  related: boolean;
};
const visitorDayFact = queryFact.extend({ day: z.string(), visitor: z.string() });

const keyed = <T>(rows: T[], key: (row: T) => unknown[]) => new Map(rows.map((row) => [JSON.stringify(key(row)), row]));

/**
 * Each visitor-day's pairs, from their rephrasings: a pair is related when any search that found its article shares
 * a stem with the failed one (a reader's "쿠폰" after "주식 추천" is only the next thing they looked for).
 */
function readerPairs(rows: unknown[]): Map<string, ReaderPair> {
  const pairs = new Map<string, ReaderPair>();
  for (const row of rows.map((r) => rephrasing.parse(r))) {
    const { day, visitor, locale, normalized, article_id, query } = row;
    const id = JSON.stringify([day, visitor, locale, normalized, article_id]);
    const pair =
      pairs.get(id) ?? pairs.set(id, { day, locale, normalized, article_id, query, related: false }).get(id)!;
    pair.related ||= relatedQueries(row.failed, row.rephrased);
  }
  return pairs;
}

/**
 * What a reader's pair adds to daily_rephrased, given what it was before (a visitor's pairs only grow: a new pair is
 * one more reader; a known one may gain a related search, or an earlier variant). Nothing when it did not change.
 */
function countPair(after: ReaderPair, before: ReaderPair | undefined): RawBuilder<unknown> | undefined {
  const readers = before ? 0 : 1;
  const related = after.related && !before?.related ? 1 : 0;
  if (!readers && !related && before?.query === after.query) return undefined;
  return sql`INSERT INTO daily_rephrased (day, locale, normalized, article_id, query, readers, related_readers)
    VALUES (${after.day}, ${after.locale}, ${after.normalized}, ${after.article_id}, ${after.query}, ${readers}, ${related})
    ON CONFLICT (day, locale, normalized, article_id) DO UPDATE SET readers = daily_rephrased.readers + excluded.readers,
      related_readers = daily_rephrased.related_readers + excluded.related_readers,
      query = CASE WHEN excluded.query < daily_rephrased.query THEN excluded.query ELSE daily_rephrased.query END`;
}

/** The search facts, sessions and reader pairs of some visitor-days, read again after the writes that may change them. */
function visitorDays(dialect: Dialect, trx: Transaction<Tables>, which: VisitorDays) {
  return {
    queries: async () =>
      keyed(
        (await searchFacts(dialect, which).execute(trx)).rows.map((row) => visitorDayFact.parse(row)),
        (row) => [row.day, row.visitor, row.locale, row.normalized, row.query],
      ),
    sessions: async () =>
      keyed(
        (await sessionFacts(dialect, which).execute(trx)).rows.map((row) => sessionFact.parse(row)),
        (row) => [row.day, row.visitor],
      ),
    pairs: async () => readerPairs((await rephrasings(dialect, which).execute(trx)).rows),
  };
}

/** What `after` adds to what `before` counted, column by column. */
const difference = <C extends string>(
  columns: readonly C[],
  after: Record<C, number>,
  before: Record<C, number> | undefined,
) => Object.fromEntries(columns.map((column) => [column, after[column] - (before?.[column] ?? 0)]));

/**
 * Reads the search facts of the visitor-days a batch's search events belong to, before the batch writes them;
 * the function it answers, called after the writes, adds what they changed to daily_queries and daily_sessions and,
 * when `rephrase`, to daily_rephrased. The visitors and days are matched separately (each list by its index): a
 * visitor-day the batch did not touch reads the same before and after, and adds nothing.
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
  const [queriesBefore, sessionsBefore] = [await facts.queries(), await facts.sessions()];
  const pairsBefore = rephrase ? await facts.pairs() : new Map<string, ReaderPair>();
  return async function countChanges() {
    for (const [id, after] of await facts.queries()) {
      const { day, locale, normalized, query } = after;
      addCounts(
        trx,
        'daily_queries',
        { day, locale, normalized, query },
        difference(QUERY_COLUMNS, after, queriesBefore.get(id)),
      );
    }
    for (const [id, after] of await facts.sessions())
      addCounts(trx, 'daily_sessions', { day: after.day }, difference(SESSION_COLUMNS, after, sessionsBefore.get(id)));
    if (!rephrase) return;
    for (const [id, after] of await facts.pairs()) await countPair(after, pairsBefore.get(id))?.execute(trx);
  };
}

/**
 * The aggregates of the raw events already stored, for migration 009 (and a benchmark's bulk fill): the same
 * facts the ingest counts, added up over every visitor-day. Readers' synonyms came to be counted in code in 010.
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
  ];
  return statements.map((statement) => sqlText(kind, statement));
}

/**
 * Migration 010's counts of the raw events already stored (and a benchmark's bulk fill's): the funnel's sessions
 * per day, then readers' synonyms made again, each visitor-day's pairs decided as the ingest decides them. Run
 * `statements`, then read the rows `rephrasings` answers and run what `countRephrasings` makes of them.
 */
export function recountRawSessionsAndPairs(kind: EngineKind) {
  const dialect = dialects[kind];
  const sum = SESSION_COLUMNS.map((c) => `sum(${c})`).join(', ');
  return {
    statements: [
      sqlText(
        kind,
        sql`INSERT INTO daily_sessions (day, ${sql.raw(SESSION_COLUMNS.join(', '))})
          SELECT day, ${sql.raw(sum)} FROM (${sessionFacts(dialect, everyVisitorDay)}) f GROUP BY day`,
      ),
      'DELETE FROM daily_rephrased',
    ],
    rephrasings: sqlText(kind, rephrasings(dialect, everyVisitorDay)),
    countRephrasings: (rows: unknown[]): CompiledQuery[] =>
      [...readerPairs(rows).values()].map((pair) => compileFor(kind, countPair(pair, undefined)!)),
  };
}

/** recountRawSessionsAndPairs run through Kysely: PostgreSQL's migration 010, and the benchmark's fill on either engine. */
export async function recountRawEvents(kind: EngineKind, db: Kysely<Tables>): Promise<void> {
  const recount = recountRawSessionsAndPairs(kind);
  for (const statement of recount.statements) await sql.raw(statement).execute(db);
  const { rows } = await sql.raw(recount.rephrasings).execute(db);
  for (const query of recount.countRephrasings(rows)) await db.executeQuery(query);
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
