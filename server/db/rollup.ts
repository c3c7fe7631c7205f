import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Tables } from './tables.ts';

/** Expired rows moved per transaction: small enough that requests wait milliseconds, not seconds, between batches. */
const BATCH = 2_000;

const count = z.coerce.number();
const localeOf = (articleId: string) => articleId.slice(0, articleId.indexOf('/'));

/** Adds up rows by a key, keeping the key's fields: the daily counts one batch of expired rows folds into. */
function tally<Row, Key extends object, Sums extends Record<string, number>>(
  rows: Row[],
  key: (row: Row) => Key,
  sums: (row: Row) => Sums,
): (Key & Sums)[] {
  const groups = new Map<string, Key & Sums>();
  for (const row of rows) {
    const k = key(row);
    const id = JSON.stringify(k);
    const add = sums(row);
    const group = groups.get(id);
    if (!group) groups.set(id, { ...k, ...add });
    else for (const [name, value] of Object.entries(add)) (group as Record<string, number>)[name] += value;
  }
  return [...groups.values()];
}

type Step = (trx: Transaction<Tables>, before: string) => Promise<number>;

/**
 * Each raw table: one batch of its expired rows deleted, and what they counted added to the daily tables. The rows
 * come back from the DELETE itself (RETURNING, in both engines), so what is counted is exactly what is gone.
 */
const steps: Step[] = [
  async (trx, before) => {
    const rows = await trx
      .deleteFrom('views')
      .where('id', 'in', (eb) => eb.selectFrom('views').select('id').where('day', '<', before).limit(BATCH))
      .returning(['day', 'article_id'])
      .execute();
    const days = tally(
      rows,
      (r) => ({ day: r.day, article_id: r.article_id }),
      () => ({ views: 1 }),
    );
    for (const chunk of chunks(days))
      await trx
        .insertInto('daily_articles')
        .values(chunk)
        .onConflict((c) =>
          c.columns(['day', 'article_id']).doUpdateSet((eb) => ({
            views: eb('daily_articles.views', '+', eb.ref('excluded.views')),
          })),
        )
        .execute();
    return rows.length;
  },
  async (trx, before) => {
    const rows = await trx
      .deleteFrom('votes')
      // A vote's key is its three columns: a row value compared with the subquery's rows, which both engines take.
      .where(
        sql<boolean>`(article_id, visitor, day) IN (${trx.selectFrom('votes').select(['article_id', 'visitor', 'day']).where('day', '<', before).limit(BATCH)})`,
      )
      .returning(['day', 'article_id', 'helpful'])
      .execute();
    const days = tally(
      rows,
      (r) => ({ day: r.day, article_id: r.article_id }),
      (r) => ({ helpful: count.parse(r.helpful), unhelpful: 1 - count.parse(r.helpful) }),
    );
    for (const chunk of chunks(days))
      await trx
        .insertInto('daily_articles')
        .values(chunk)
        .onConflict((c) =>
          c.columns(['day', 'article_id']).doUpdateSet((eb) => ({
            helpful: eb('daily_articles.helpful', '+', eb.ref('excluded.helpful')),
            unhelpful: eb('daily_articles.unhelpful', '+', eb.ref('excluded.unhelpful')),
          })),
        )
        .execute();
    return rows.length;
  },
  async (trx, before) => {
    const rows = await trx
      .deleteFrom('searches')
      .where('id', 'in', (eb) => eb.selectFrom('searches').select('id').where('day', '<', before).limit(BATCH))
      .returning(['day', 'locale', 'normalized', 'result_count'])
      .execute();
    const days = tally(
      rows,
      (r) => ({ day: r.day, locale: r.locale, normalized: r.normalized }),
      (r) => ({ searches: 1, zero_results: count.parse(r.result_count) === 0 ? 1 : 0 }),
    );
    for (const chunk of chunks(days))
      await trx
        .insertInto('daily_searches')
        .values(chunk)
        .onConflict((c) =>
          c.columns(['day', 'locale', 'normalized']).doUpdateSet((eb) => ({
            searches: eb('daily_searches.searches', '+', eb.ref('excluded.searches')),
            zero_results: eb('daily_searches.zero_results', '+', eb.ref('excluded.zero_results')),
          })),
        )
        .execute();
    return rows.length;
  },
  async (trx, before) => {
    const rows = await trx
      .deleteFrom('search_clicks')
      .where('id', 'in', (eb) => eb.selectFrom('search_clicks').select('id').where('day', '<', before).limit(BATCH))
      .returning(['day', 'article_id', 'normalized'])
      .execute();
    const days = tally(
      rows,
      (r) => ({ day: r.day, locale: localeOf(r.article_id), normalized: r.normalized }),
      () => ({ clicks: 1 }),
    );
    for (const chunk of chunks(days))
      await trx
        .insertInto('daily_searches')
        .values(chunk)
        .onConflict((c) =>
          c.columns(['day', 'locale', 'normalized']).doUpdateSet((eb) => ({
            clicks: eb('daily_searches.clicks', '+', eb.ref('excluded.clicks')),
          })),
        )
        .execute();
    return rows.length;
  },
  async (trx, before) => {
    const rows = await trx
      .deleteFrom('widget_events')
      .where('id', 'in', (eb) => eb.selectFrom('widget_events').select('id').where('day', '<', before).limit(BATCH))
      .returning(['day', 'locale', 'context', 'type'])
      .execute();
    const days = tally(
      rows,
      (r) => ({ day: r.day, locale: r.locale, context: r.context }),
      (r) => ({
        impressions: r.type === 'impression' ? 1 : 0,
        clicks: r.type === 'click' ? 1 : 0,
        contacts: r.type === 'contact' ? 1 : 0,
      }),
    );
    for (const chunk of chunks(days))
      await trx
        .insertInto('daily_contexts')
        .values(chunk)
        .onConflict((c) =>
          c.columns(['day', 'locale', 'context']).doUpdateSet((eb) => ({
            impressions: eb('daily_contexts.impressions', '+', eb.ref('excluded.impressions')),
            clicks: eb('daily_contexts.clicks', '+', eb.ref('excluded.clicks')),
            contacts: eb('daily_contexts.contacts', '+', eb.ref('excluded.contacts')),
          })),
        )
        .execute();
    return rows.length;
  },
  async (trx, before) =>
    (
      await trx
        .deleteFrom('contact_clicks')
        .where('id', 'in', (eb) => eb.selectFrom('contact_clicks').select('id').where('day', '<', before).limit(BATCH))
        .returning('id')
        .execute()
    ).length,
  async (trx, before) =>
    (
      await trx
        .deleteFrom('received_events')
        .where('event_id', 'in', (eb) =>
          eb.selectFrom('received_events').select('event_id').where('received_at', '<', before).limit(BATCH),
        )
        .returning('event_id')
        .execute()
    ).length,
];

/** Rows per multi-row upsert: both engines cap the parameters one statement may carry. */
const chunks = <T>(rows: T[], size = 500) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/**
 * Folds raw events of days before `before` into the daily tables and deletes them; the counts stay. Works in
 * batches, each its own transaction, and lets the event loop serve requests between them: millions of expired
 * rows must not stall the API (or the start) for half a minute. Safe to stop at any point and to run again.
 */
export function rollup(db: Kysely<Tables>) {
  /** Answers how many raw rows it moved. */
  return async function rollupBefore(before: string): Promise<number> {
    let moved = 0;
    for (const step of steps) {
      for (let rows = BATCH; rows === BATCH; moved += rows) {
        rows = await db.transaction().execute((trx) => step(trx, before));
        await nextTurn();
      }
    }
    return moved;
  };
}
