/**
 * Fills a SQLite database for bench:reports: opened and migrated as the server opens it, written with the server's
 * own insert statements, one transaction per day (this is setup, not what is measured), then rolled up once as a
 * live server would have done for the days past retention.
 */
import { openDatabase } from '../../server/db/open.ts';
import { rollup } from '../../server/db/rollup.ts';
import { createStaffStorage } from '../../server/db/staff-storage.ts';
import { EVENT_SQL } from '../../server/db/storage.ts';
import { daysBefore } from '../../server/days.ts';
import type { FillPlan } from './engines.ts';
import { eventMaker, type DayEvents } from './events.ts';

/** Which statement stores each kind of event. */
const STATEMENT: Record<keyof DayEvents, keyof typeof EVENT_SQL> = {
  votes: 'vote',
  views: 'view',
  searches: 'search',
  clicks: 'click',
  widgetEvents: 'widget',
  contacts: 'contact',
};
const TABLES = ['votes', 'views', 'searches', 'search_clicks', 'widget_events', 'contact_clicks'];
const DAILY_TABLES = ['daily_articles', 'daily_searches', 'daily_contexts'];

export async function fillSqlite(file: string, plan: FillPlan): Promise<Record<string, number>> {
  // Durability is not what is measured here; the server opens the file with its own setting.
  const db = openDatabase(file, 'normal');
  try {
    createStaffStorage(db).add(plan.staff.email, 'admin', plan.staff.passwordHash, plan.now.toISOString());
    const statements = Object.entries(STATEMENT).map(
      ([kind, name]) => [kind as keyof DayEvents, db.prepare(EVENT_SQL[name])] as const,
    );
    const store = db.transaction((events: DayEvents) => {
      for (const [kind, statement] of statements)
        for (const event of events[kind]) statement.run({ perSource: Number.MAX_SAFE_INTEGER, ...event });
    });
    const eventsOf = eventMaker(plan.manifest, plan.volume, plan.retentionDays);
    const retained = Array.from({ length: plan.retentionDays }, (_, i) => i);
    // The day exactly `retentionDays` back is the first the roll-up keeps; the rolled-up days start after it.
    const older = Array.from({ length: plan.rolledUpDays }, (_, i) => plan.retentionDays + 1 + i);
    for (const back of [...retained, ...older]) store(eventsOf(daysBefore(plan.now, back)));
    await rollup(db)(daysBefore(plan.now, plan.retentionDays));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return Object.fromEntries([...TABLES, ...DAILY_TABLES].map((table) => [table, count(table)]));
  } finally {
    db.close();
  }
}
