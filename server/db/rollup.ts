import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Transaction } from 'kysely';
import type { Engine } from './engine.ts';
import { RAW_ONLY_AGGREGATES } from './report-aggregates.ts';
import type { Tables } from './tables.ts';

/** Expired rows deleted per transaction: small enough that requests wait milliseconds, not seconds, between batches. */
const BATCH = 2_000;

type Step = (trx: Transaction<Tables>, before: string) => Promise<number>;

/**
 * One batch of a table's rows whose `time` column is before the cut-off, found by their `key`, except those
 * `kept` says must stay.
 */
const deleteExpired =
  (table: keyof Tables, key: string, time: string, kept = sql<boolean>`false`): Step =>
  async (trx, before) =>
    Number(
      (
        await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(key)} IN (
          SELECT ${sql.ref(key)} FROM ${sql.table(table)} WHERE ${sql.ref(time)} < ${before} AND NOT (${kept})
          LIMIT ${BATCH})`.execute(trx)
      ).numAffectedRows ?? 0,
    );

/**
 * Each raw table: one batch of its expired rows deleted. What they counted is in the daily tables already (counted
 * at ingest, see report-aggregates.ts); what only raw rows could tell goes with them.
 */
const steps: Step[] = [
  deleteExpired('views', 'id', 'day'),
  async (trx, before) =>
    Number(
      (
        await trx
          .deleteFrom('votes')
          // A vote's key is its three columns: a row value compared with the subquery's rows, which both engines take.
          .where(
            sql<boolean>`(article_id, visitor, day) IN (${trx.selectFrom('votes').select(['article_id', 'visitor', 'day']).where('day', '<', before).limit(BATCH)})`,
          )
          .executeTakeFirst()
      ).numDeletedRows,
    ),
  deleteExpired('searches', 'id', 'day'),
  deleteExpired('search_clicks', 'id', 'day'),
  deleteExpired('widget_events', 'id', 'day'),
  deleteExpired('contact_clicks', 'id', 'day'),
  deleteExpired('received_events', 'event_id', 'received_at'),
  // A notification carries readers' comments (masked) and its delivery log the destination's answers: both are kept
  // no longer than the events they came from. A message still being retried stays until it is settled.
  deleteExpired('notification_outbox', 'id', 'created_at', sql<boolean>`status = 'pending'`),
  deleteExpired('notification_attempts', 'id', 'at'),
  // A few thousand rows a day at most: one statement each.
  async (trx, before) => {
    for (const table of RAW_ONLY_AGGREGATES) await trx.deleteFrom(table).where('day', '<', before).execute();
    return 0;
  },
];

/**
 * Deletes raw events of days before `before`; the daily counts stay. Works in
 * batches, each its own transaction, and lets the event loop serve requests between them: millions of expired
 * rows must not stall the API (or the start) for half a minute. Safe to stop at any point and to run again.
 * On PostgreSQL it then renews the planner's statistics (see below).
 */
export function rollup({ db, kind }: Pick<Engine, 'db' | 'kind'>) {
  /** Answers how many raw rows it deleted. */
  return async function rollupBefore(before: string): Promise<number> {
    let deleted = 0;
    for (const step of steps) {
      for (let rows = BATCH; rows === BATCH; deleted += rows) {
        rows = await db.transaction().execute((trx) => step(trx, before));
        await nextTurn();
      }
    }
    // Autovacuum analyses a table once a tenth of it has changed: days, on 90 days of events. Until then today is
    // not in the statistics, PostgreSQL takes a hot article's day for one row, and each batch of votes reads all of
    // that article's votes of the day through the wrong index to find each vote's earlier one. Hourly, it is in them
    // within the hour. A sample of each table; read-only for readers. SQLite keeps no statistics: its plans need none.
    if (kind === 'postgres') await sql`ANALYZE`.execute(db);
    return deleted;
  };
}
