/**
 * Fills a database for bench:reports, on either engine: opened and migrated as the server opens it, one
 * transaction per day (this is setup, not what is measured), its report aggregates counted from those rows, then
 * rolled up once as a live server would have done for the days past retention.
 */
import { sql } from 'kysely';
import type { Engine } from '../../server/db/engine.ts';
import { aggregateRawEvents, recountRawEvents } from '../../server/db/report-aggregates.ts';
import { rollup } from '../../server/db/rollup.ts';
import { createStaffStorage } from '../../server/db/staff-storage.ts';
import type { Tables } from '../../server/db/tables.ts';
import { daysBefore } from '../../server/days.ts';
import type { FillPlan } from './engines.ts';
import { eventMaker, type DayEvents } from './events.ts';

type Row = Record<string, unknown>;
const common = (e: Row) => ({ visitor: e.visitor, day: e.day, created_at: e.at });

/** Each kind of event: its table, and its row as the server's event storage writes it. */
const TABLE_OF: { [Kind in keyof DayEvents]: [keyof Tables, (event: Row) => Row] } = {
  votes: [
    'votes',
    (e) => ({
      ...common(e),
      article_id: e.articleId,
      source: e.source,
      helpful: e.helpful,
      reason: e.reason,
      comment: e.comment,
    }),
  ],
  views: ['views', (e) => ({ ...common(e), article_id: e.articleId })],
  searches: [
    'searches',
    (e) => ({ ...common(e), query: e.query, normalized: e.normalized, locale: e.locale, result_count: e.resultCount }),
  ],
  clicks: [
    'search_clicks',
    (e) => ({ ...common(e), query: e.query, normalized: e.normalized, article_id: e.articleId, position: e.position }),
  ],
  widgetEvents: [
    'widget_events',
    (e) => ({
      ...common(e),
      type: e.type,
      context: e.context,
      locale: e.locale,
      article_id: e.articleId,
      position: e.position,
    }),
  ],
  contacts: [
    'contact_clicks',
    (e) => ({ ...common(e), locale: e.locale, article_id: e.articleId, query: e.query, normalized: e.normalized }),
  ],
};
const TABLES = ['votes', 'views', 'searches', 'search_clicks', 'widget_events', 'contact_clicks'] as const;
const DAILY_TABLES = [
  'daily_articles',
  'daily_searches',
  'daily_contexts',
  'daily_queries',
  'daily_rephrased',
  'daily_sessions',
] as const;
/** Rows per INSERT: under both engines' limits on parameters per statement. */
const CHUNK = 1_000;

export async function fillDatabase(engine: Engine, plan: FillPlan): Promise<Record<string, number>> {
  const { db } = engine;
  await createStaffStorage(db).add(plan.staff.email, 'admin', plan.staff.passwordHash, plan.now.toISOString());
  const eventsOf = eventMaker(plan.manifest, plan.volume, plan.retentionDays);
  const retained = Array.from({ length: plan.retentionDays }, (_, i) => i);
  // The day exactly `retentionDays` back is the first the roll-up keeps; the rolled-up days start after it.
  const older = Array.from({ length: plan.rolledUpDays }, (_, i) => plan.retentionDays + 1 + i);
  for (const back of [...retained, ...older]) {
    const events = eventsOf(daysBefore(plan.now, back));
    await db.transaction().execute(async (trx) => {
      for (const [kind, [table, row]] of Object.entries(TABLE_OF) as [
        keyof DayEvents,
        [keyof Tables, (e: Row) => Row],
      ][]) {
        const rows = events[kind].map(row);
        for (let i = 0; i < rows.length; i += CHUNK)
          await trx
            .insertInto(table)
            .values(rows.slice(i, i + CHUNK) as never)
            .execute();
      }
    });
  }
  // Rows were inserted in bulk, not through the event storage that counts them: counted once here instead.
  for (const statement of aggregateRawEvents(engine.kind)) await sql.raw(statement).execute(db);
  await recountRawEvents(engine.kind, db);
  await rollup(engine)(daysBefore(plan.now, plan.retentionDays));
  // What autovacuum would have done by now on a database that grew over 90 days: visibility maps (and statistics).
  if (engine.kind === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
  const count = async (table: string) =>
    Number((await sql<{ n: unknown }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n);
  const counts: Record<string, number> = {};
  for (const table of [...TABLES, ...DAILY_TABLES]) counts[table] = await count(table);
  return counts;
}
