import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import { RAW_ONLY_AGGREGATES } from './report-aggregates.ts';
import type { Tables } from './tables.ts';

/** Expired rows deleted per transaction: small enough that requests wait milliseconds, not seconds, between batches. */
const BATCH = 2_000;

type Step = (trx: Transaction<Tables>, before: string) => Promise<number>;

/** Raw tables whose rows are keyed by `id`. */
type Raw = 'views' | 'searches' | 'search_clicks' | 'widget_events' | 'contact_clicks';
const deleteExpired =
  (table: Raw): Step =>
  async (trx, before) =>
    Number(
      (
        await trx
          .deleteFrom(table)
          .where('id', 'in', (eb) => eb.selectFrom(table).select('id').where('day', '<', before).limit(BATCH))
          .executeTakeFirst()
      ).numDeletedRows,
    );

/**
 * Each raw table: one batch of its expired rows deleted. What they counted is in the daily tables already (counted
 * at ingest, see report-aggregates.ts); what only raw rows could tell goes with them.
 */
const steps: Step[] = [
  deleteExpired('views'),
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
  deleteExpired('searches'),
  deleteExpired('search_clicks'),
  deleteExpired('widget_events'),
  deleteExpired('contact_clicks'),
  async (trx, before) =>
    Number(
      (
        await trx
          .deleteFrom('received_events')
          .where('event_id', 'in', (eb) =>
            eb.selectFrom('received_events').select('event_id').where('received_at', '<', before).limit(BATCH),
          )
          .executeTakeFirst()
      ).numDeletedRows,
    ),
  // A notification carries readers' comments (masked) and its delivery log the destination's answers: both are kept
  // no longer than the events they came from. A message still being retried stays until it is settled.
  async (trx, before) =>
    Number(
      (
        await trx
          .deleteFrom('notification_outbox')
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('notification_outbox')
              .select('id')
              .where('status', '!=', 'pending')
              .where('created_at', '<', before)
              .limit(BATCH),
          )
          .executeTakeFirst()
      ).numDeletedRows,
    ),
  async (trx, before) =>
    Number(
      (
        await trx
          .deleteFrom('notification_attempts')
          .where('id', 'in', (eb) =>
            eb.selectFrom('notification_attempts').select('id').where('at', '<', before).limit(BATCH),
          )
          .executeTakeFirst()
      ).numDeletedRows,
    ),
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
 */
export function rollup(db: Kysely<Tables>) {
  /** Answers how many raw rows it deleted. */
  return async function rollupBefore(before: string): Promise<number> {
    let deleted = 0;
    for (const step of steps) {
      for (let rows = BATCH; rows === BATCH; deleted += rows) {
        rows = await db.transaction().execute((trx) => step(trx, before));
        await nextTurn();
      }
    }
    return deleted;
  };
}
