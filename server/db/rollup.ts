import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';

/** Expired rows moved per transaction: small enough that requests wait milliseconds, not seconds, between batches. */
const BATCH = 2_000;

/** Each raw table: which rows have expired, and how a batch of them folds into the daily counts before deletion. */
const tables: { table: string; key: string; expired: string; fold?: string }[] = [
  {
    table: 'views',
    key: 'rowid',
    expired: 'day < @before',
    fold: `INSERT INTO daily_articles (day, article_id, views)
       SELECT day, article_id, count(*) FROM views WHERE rowid IN temp.rollup_batch GROUP BY day, article_id
       ON CONFLICT (day, article_id) DO UPDATE SET views = views + excluded.views`,
  },
  {
    table: 'votes',
    key: 'rowid',
    expired: 'day < @before',
    fold: `INSERT INTO daily_articles (day, article_id, helpful, unhelpful)
       SELECT day, article_id, sum(helpful), sum(1 - helpful) FROM votes WHERE rowid IN temp.rollup_batch GROUP BY day, article_id
       ON CONFLICT (day, article_id) DO UPDATE SET helpful = helpful + excluded.helpful, unhelpful = unhelpful + excluded.unhelpful`,
  },
  {
    table: 'searches',
    key: 'rowid',
    expired: 'day < @before',
    fold: `INSERT INTO daily_searches (day, locale, normalized, searches, zero_results)
       SELECT day, locale, normalized, count(*), sum(result_count = 0) FROM searches WHERE rowid IN temp.rollup_batch GROUP BY day, locale, normalized
       ON CONFLICT (day, locale, normalized) DO UPDATE SET searches = searches + excluded.searches, zero_results = zero_results + excluded.zero_results`,
  },
  {
    table: 'search_clicks',
    key: 'rowid',
    expired: 'day < @before',
    fold: `INSERT INTO daily_searches (day, locale, normalized, clicks)
       SELECT day, substr(article_id, 1, instr(article_id, '/') - 1), normalized, count(*) FROM search_clicks WHERE rowid IN temp.rollup_batch
       GROUP BY day, substr(article_id, 1, instr(article_id, '/') - 1), normalized
       ON CONFLICT (day, locale, normalized) DO UPDATE SET clicks = clicks + excluded.clicks`,
  },
  {
    table: 'widget_events',
    key: 'rowid',
    expired: 'day < @before',
    fold: `INSERT INTO daily_contexts (day, locale, context, impressions, clicks, contacts)
       SELECT day, locale, context, sum(type = 'impression'), sum(type = 'click'), sum(type = 'contact') FROM widget_events
       WHERE rowid IN temp.rollup_batch GROUP BY day, locale, context
       ON CONFLICT (day, locale, context) DO UPDATE SET impressions = impressions + excluded.impressions,
         clicks = clicks + excluded.clicks, contacts = contacts + excluded.contacts`,
  },
  { table: 'contact_clicks', key: 'rowid', expired: 'day < @before' },
  { table: 'received_events', key: 'event_id', expired: 'received_at < @before' },
];

/**
 * Folds raw events of days before `before` into the daily tables and deletes them; the counts stay. Works in
 * batches, each its own transaction, and lets the event loop serve requests between them: millions of expired
 * rows must not stall the API (or the start) for half a minute. Safe to stop at any point and to run again.
 */
export function rollup(db: Database) {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS rollup_batch (key PRIMARY KEY)');
  const clear = db.prepare('DELETE FROM temp.rollup_batch');
  const steps = tables.map(({ table, key, expired, fold }) => {
    const select = db.prepare(
      `INSERT INTO temp.rollup_batch SELECT ${key} FROM ${table} WHERE ${expired} LIMIT ${BATCH}`,
    );
    const statements = [fold, `DELETE FROM ${table} WHERE ${key} IN temp.rollup_batch`]
      .filter((sql) => sql !== undefined)
      .map((sql) => db.prepare(sql));
    /** Moves one batch; returns how many rows it held. */
    return db.transaction((before: string): number => {
      clear.run();
      const rows = select.run({ before }).changes;
      for (const statement of statements) statement.run();
      return rows;
    });
  });

  return async function rollupBefore(before: string): Promise<void> {
    for (const step of steps) {
      while (step.immediate(before) === BATCH) await nextTurn();
      await nextTurn();
    }
  };
}
