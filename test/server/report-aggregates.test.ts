import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../server/db/engine.ts';
import { migratePostgres, postgresMigrations } from '../../server/db/migrations/postgres.ts';
import { migrateSqlite, migrations } from '../../server/db/migrations/sqlite.ts';
import { createReportStorage, type Period } from '../../server/db/report-storage.ts';
import { createStorage, type Storage } from '../../server/db/storage.ts';
import { ENGINES, freshDatabase } from '../helpers/engines.ts';
import { seeded } from '../helpers/seeded.ts';
import { relatedQueries } from '../../src/shared/search/related-queries.ts';

/**
 * The reports read per-day tables counted at ingest; these tests hold them to what the raw events say, asked the
 * way the reports asked before there were any (the queries below).
 */
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'];
const ALL: Period = { from: '2026-01-01', to: '2026-12-31' };
const ARTICLES = ['en/a', 'en/b', 'ko/c'];
const QUERIES = [
  { query: 'Reset password', normalized: 'reset password', locale: 'en' },
  { query: 'reset  PASSWORD', normalized: 'reset password', locale: 'en' },
  { query: 'refund', normalized: 'refund', locale: 'en' },
  { query: 'refunds', normalized: 'refunds', locale: 'en' },
  { query: '환불', normalized: '환불', locale: 'ko' },
] as const;

/** A few readers' busy days, in arrival order and out of it: every report's rule gets hits and misses. */
async function readersDo(storage: Storage, events = 400) {
  const random = seeded(14);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const visitors = ['v1', 'v2', 'v3', 'v4', 'v5'];
  for (let i = 0; i < events; i++) {
    const day = pick(DAYS);
    // Minutes apart within one hour: the 10- and 30-minute windows both catch and miss.
    const at = new Date(Date.parse(`${day}T10:00:00Z`) + Math.floor(random() * 60) * 60_000).toISOString();
    // Visitor keys change daily (privacy/visitor-key.ts): distinct readers of a period are the sum over its days.
    const base = { eventId: randomUUID(), visitor: `${pick(visitors)} ${day}`, day, at };
    const q = pick(QUERIES);
    const articleId = pick(ARTICLES);
    const record = storage.events;
    switch (pick(['vote', 'vote', 'view', 'search', 'search', 'click', 'contact', 'widget'] as const)) {
      case 'vote': {
        const helpful = random() < 0.4;
        await record.recordVote({
          ...base,
          articleId,
          helpful,
          ...(!helpful && { reason: pick(['outdated', 'did-not-work']) }),
          ...(random() < 0.3 && { comment: `comment ${i}` }),
        });
        break;
      }
      case 'view':
        await record.recordView({ ...base, articleId });
        break;
      case 'search':
        await record.recordSearch({ ...base, ...q, resultCount: random() < 0.5 ? 0 : 3 });
        break;
      case 'click':
        await record.recordClick({ ...base, query: q.query, normalized: q.normalized, articleId, position: 1 });
        break;
      case 'contact':
        await record.recordContact({
          ...base,
          locale: q.locale,
          ...(random() < 0.5 ? { query: q.query, normalized: q.normalized } : { articleId }),
        });
        break;
      case 'widget':
        await record.recordWidgetEvent({
          ...base,
          type: pick(['impression', 'click', 'contact'] as const),
          context: pick(['billing', 'login']),
          locale: 'en',
        });
        break;
    }
  }
}

/** Every report's answer, in a stable order (variants are a set). */
async function answers(storage: Storage, period = ALL) {
  const r = storage.reports;
  const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();
  const setOf = <T extends { variants: string[] }>(rows: T[]) =>
    sorted(rows.map((row) => ({ ...row, variants: [...row.variants].sort() })));
  return {
    articleDays: sorted(await r.articleDays(period)),
    readingDays: await r.readingDays(period),
    reasons: sorted(await r.reasons(period)),
    comments: sorted(await r.comments(period, 5, [...ARTICLES])),
    failed: setOf(await r.failedQueries(period)),
    searchDays: await r.searchDays(period),
    unclicked: setOf(await r.unclickedQueries(period)),
    rephrased: sorted(await r.rephrasedQueries(period)),
    funnel: await r.funnel(period),
    contacted: [...(await r.contactedAfter(period))].sort(),
    contexts: sorted(await r.contexts(period)),
    helpfulness: [...(await storage.events.helpfulness(ARTICLES))].sort(),
  };
}

/**
 * Readers' pairs from the raw rephrasings, each reader counted once per pair, and once more when any of their
 * searches that found the article was related to the failed one (visitor keys hold their day).
 */
function rephrasedOf(rows: Record<string, unknown>[]) {
  const pairs = new Map<string, { query: string; readers: Set<unknown>; related: Set<unknown> }>();
  for (const row of rows) {
    const id = JSON.stringify([row.locale, row.normalized, row.articleId]);
    const pair =
      pairs.get(id) ?? pairs.set(id, { query: String(row.failed), readers: new Set(), related: new Set() }).get(id)!;
    if (String(row.failed) < pair.query) pair.query = String(row.failed);
    pair.readers.add(row.visitor);
    if (relatedQueries(String(row.failed), String(row.rephrased))) pair.related.add(row.visitor);
  }
  return [...pairs].map(([id, pair]) => {
    const [locale, normalized, articleId] = JSON.parse(id) as string[];
    return {
      locale,
      normalized,
      query: pair.query,
      articleId,
      readers: pair.readers.size,
      relatedReaders: pair.related.size,
    };
  });
}

/** The reports as they were computed from raw events on every request, before the daily tables were counted at ingest. */
async function fromRawEvents(engine: Engine, { from, to }: Period = ALL) {
  const rows = async (query: RawBuilder<unknown>) =>
    (await query.execute(engine.db)).rows.map((row) =>
      Object.fromEntries(
        Object.entries(row as object).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
      ),
    );
  const contactAfter = sql`EXISTS (SELECT 1 FROM contact_clicks k WHERE k.visitor = s.visitor AND k.day = s.day
    AND ${engine.minutesBetween('s.created_at', 'k.created_at')} BETWEEN -1 AND 30)`;
  const sorted = (list: unknown[]) => list.map((row) => JSON.stringify(row)).sort();
  const withVariants = (groups: Record<string, unknown>[], typed: Record<string, unknown>[]) =>
    sorted(
      groups.map((group) => ({
        ...group,
        variants: typed
          .filter((row) => row.locale === group.locale && row.normalized === group.normalized)
          .map((row) => row.query)
          .sort(),
      })),
    );
  const unclicked = sql`s.result_count > 0 AND s.day BETWEEN ${from} AND ${to}
    AND NOT EXISTS (SELECT 1 FROM search_clicks c WHERE c.visitor = s.visitor AND c.day = s.day AND c.normalized = s.normalized)`;
  return {
    reasons: sorted(
      await rows(sql`SELECT article_id AS "articleId", reason, count(*) AS count FROM votes
        WHERE helpful = 0 AND reason IS NOT NULL AND day BETWEEN ${from} AND ${to} GROUP BY article_id, reason`),
    ),
    failedReaders: withVariants(
      await rows(sql`SELECT locale, normalized, count(DISTINCT visitor) AS visitors FROM searches
        WHERE result_count = 0 AND day BETWEEN ${from} AND ${to} GROUP BY locale, normalized`),
      await rows(sql`SELECT DISTINCT locale, normalized, query FROM searches
        WHERE result_count = 0 AND day BETWEEN ${from} AND ${to}`),
    ),
    unclicked: withVariants(
      await rows(sql`SELECT s.locale, s.normalized, count(*) AS searches, count(DISTINCT s.visitor) AS visitors
        FROM searches s WHERE ${unclicked} GROUP BY s.locale, s.normalized`),
      await rows(sql`SELECT DISTINCT s.locale, s.normalized, s.query FROM searches s WHERE ${unclicked}`),
    ),
    rephrased: sorted(
      rephrasedOf(
        await rows(sql`SELECT DISTINCT f.visitor, f.locale, f.normalized, f.query AS failed,
        c.query AS rephrased, c.article_id AS "articleId"
        FROM searches f JOIN search_clicks c ON c.visitor = f.visitor AND c.day = f.day AND c.normalized <> f.normalized
          AND ${engine.minutesBetween('f.created_at', 'c.created_at')} BETWEEN 0 AND 10
        WHERE f.result_count = 0 AND f.day BETWEEN ${from} AND ${to}`),
      ),
    ),
    funnel: (
      await rows(sql`SELECT count(*) AS sessions, coalesce(sum(failed), 0) AS "failedSessions",
          coalesce(sum(contacted), 0) AS "contactedSessions"
        FROM (SELECT s.day, s.visitor, max(CASE WHEN result_count = 0 THEN 1 ELSE 0 END) AS failed,
          max(CASE WHEN result_count = 0 AND ${contactAfter} THEN 1 ELSE 0 END) AS contacted
          FROM searches s WHERE day BETWEEN ${from} AND ${to} GROUP BY s.day, s.visitor) v`)
    )[0],
    contacted: (
      await rows(sql`SELECT locale, normalized, count(DISTINCT visitor) AS contacted FROM searches s
        WHERE result_count = 0 AND day BETWEEN ${from} AND ${to} AND ${contactAfter} GROUP BY locale, normalized`)
    )
      .map((row) => [`${row.locale}|${row.normalized}`, row.contacted])
      .sort(),
    articleDays: sorted(
      await rows(sql`SELECT article_id AS "articleId", day, sum(views) AS views, sum(helpful) AS helpful, sum(unhelpful) AS unhelpful FROM (
        SELECT article_id, day, count(*) AS views, 0 AS helpful, 0 AS unhelpful FROM views WHERE day BETWEEN ${from} AND ${to} GROUP BY article_id, day
        UNION ALL
        SELECT article_id, day, 0, sum(helpful), sum(1 - helpful) FROM votes WHERE day BETWEEN ${from} AND ${to} GROUP BY article_id, day
      ) t GROUP BY article_id, day`),
    ),
    contexts: sorted(
      await rows(sql`SELECT locale, context, count(*) FILTER (WHERE type = 'impression') AS impressions,
        count(*) FILTER (WHERE type = 'click') AS clicks, count(*) FILTER (WHERE type = 'contact') AS contacts
        FROM widget_events WHERE day BETWEEN ${from} AND ${to} GROUP BY locale, context`),
    ),
  };
}

/** What the reports say that only raw events can tell, in the shape fromRawEvents answers it. */
const rawOnly = (a: Awaited<ReturnType<typeof answers>>) => ({
  reasons: a.reasons,
  failedReaders: a.failed
    .map((row) => JSON.parse(row) as { locale: string; normalized: string; visitors: number; variants: string[] })
    .filter((row) => row.variants.length)
    .map(({ locale, normalized, visitors, variants }) => JSON.stringify({ locale, normalized, visitors, variants }))
    .sort(),
  unclicked: a.unclicked,
  rephrased: a.rephrased,
  contacted: a.contacted,
});

const rawOnlyOf = ({
  reasons,
  failedReaders,
  unclicked,
  rephrased,
  contacted,
}: Awaited<ReturnType<typeof fromRawEvents>>) => ({
  reasons,
  failedReaders,
  unclicked,
  rephrased,
  contacted,
});

describe.each(ENGINES)('report aggregates on %s', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function open(env?: Record<string, string>) {
    const database = env ? { env, remove: () => {} } : await freshDatabase(kind);
    const engine = await openEngine({
      databaseFile: database.env.HELPLOOP_DATABASE!,
      databaseUrl: database.env.HELPLOOP_DATABASE_URL,
    });
    cleanups.push(database.remove, () => engine.close());
    return { storage: createStorage(engine), env: database.env };
  }

  it('count what the raw events say, a replaced vote moving its counts and its reason', async () => {
    const { storage } = await open();
    await readersDo(storage);
    const got = await answers(storage);
    const raw = await fromRawEvents(storage.engine);
    expect(rawOnly(got)).toEqual(rawOnlyOf(raw));
    expect(got.funnel).toEqual(raw.funnel);
    expect(got.articleDays).toEqual(raw.articleDays);
    expect(got.contexts).toEqual(raw.contexts);
    // The events include replaced votes, and findings for every report.
    expect(got.reasons.length * got.unclicked.length * got.rephrased.length * got.contacted.length).toBeGreaterThan(0);
    expect(got.rephrased.some((row) => JSON.parse(row).relatedReaders > 0)).toBe(true);
    expect(got.funnel.contactedSessions).toBeGreaterThan(0);
  });

  it('follow a visitor who changes their vote the same day', async () => {
    const { storage } = await open();
    const vote = { visitor: 'v', day: DAYS[0]!, at: `${DAYS[0]}T10:00:00Z`, articleId: 'en/a' };
    await storage.events.recordVote({ ...vote, eventId: randomUUID(), helpful: false, reason: 'outdated' });
    await storage.events.recordVote({ ...vote, eventId: randomUUID(), helpful: false, reason: 'did-not-work' });
    expect(await storage.reports.reasons(ALL)).toEqual([{ articleId: 'en/a', reason: 'did-not-work', count: 1 }]);
    await storage.events.recordVote({ ...vote, eventId: randomUUID(), helpful: true });
    expect(await storage.reports.reasons(ALL)).toEqual([]);
    expect(await storage.reports.articleDays(ALL)).toEqual([
      { articleId: 'en/a', day: DAYS[0], views: 0, helpful: 1, unhelpful: 0 },
    ]);
  });

  it('keep the counts of rolled-up days and drop with the raw rows what only they could tell', async () => {
    const { storage } = await open();
    await readersDo(storage);
    const before = await answers(storage);
    await storage.rollup(DAYS[1]!);
    const after = await answers(storage);
    const raw = await fromRawEvents(storage.engine);
    for (const lasting of ['articleDays', 'readingDays', 'searchDays', 'contexts', 'helpfulness', 'funnel'] as const)
      expect(after[lasting]).toEqual(before[lasting]);
    const searchesOf = (rows: string[]) =>
      rows
        .map((row) => JSON.parse(row) as { searches: number; firstSeen: string; lastSeen: string })
        .map(({ searches, firstSeen, lastSeen }) => ({ searches, firstSeen, lastSeen }));
    expect(searchesOf(after.failed)).toEqual(searchesOf(before.failed));
    expect(rawOnly(after)).toEqual(rawOnlyOf(raw));
  });

  it('list the forms readers typed most often first', async () => {
    const { storage } = await open();
    const search = (query: string, visitor: string, resultCount: number) =>
      storage.events.recordSearch({
        eventId: randomUUID(),
        visitor,
        day: DAYS[0]!,
        at: `${DAYS[0]}T10:00:00Z`,
        query,
        normalized: 'reset password',
        locale: 'en',
        resultCount,
      });
    // 'Reset password' sorts first, but three readers typed the other form: theirs is the one the report shows.
    for (const visitor of ['v1', 'v2', 'v3']) {
      await search('reset  PASSWORD', visitor, 0);
      await search('reset  PASSWORD', visitor, 3);
    }
    await search('Reset password', 'v4', 0);
    await search('Reset password', 'v4', 3);
    const [failed] = await storage.reports.failedQueries(ALL);
    const [unclicked] = await storage.reports.unclickedQueries(ALL);
    expect(failed).toMatchObject({ searches: 4, visitors: 4, variants: ['reset  PASSWORD', 'Reset password'] });
    expect(unclicked).toMatchObject({ searches: 4, visitors: 4, variants: ['reset  PASSWORD', 'Reset password'] });
  });

  it('are made from the raw events already stored when migrations 009 and 010 run', async () => {
    // The same events, once counted at ingest and once stored before the aggregates existed.
    const counted = await open();
    await readersDo(counted.storage);
    const database = await freshDatabase(kind);
    cleanups.push(database.remove);
    const tables = ['votes', 'views', 'searches', 'search_clicks', 'contact_clicks', 'widget_events'] as const;
    /** The migrations a database had before 009, whatever came after it. */
    const before009 = <M extends { id: string }>(list: M[]) =>
      list.slice(
        0,
        list.findIndex((migration) => migration.id === '009-report-aggregates'),
      );
    const copy = async (insert: (table: string, rows: Record<string, unknown>[]) => Promise<void>) => {
      for (const table of tables) {
        const rows = await counted.storage.engine.db.selectFrom(table).selectAll().execute();
        if (rows.length) await insert(table, rows);
      }
      // A day rolled up before 009: its counts stay as they were.
      await insert('daily_articles', [{ day: '2026-02-01', article_id: 'en/a', views: 7, helpful: 2, unhelpful: 1 }]);
    };
    const insertSql = (table: string, row: Record<string, unknown>) =>
      sql`INSERT INTO ${sql.table(table)} (${sql.join(Object.keys(row).map((c) => sql.ref(c)))}) VALUES (${sql.join(Object.values(row))})`;
    if (kind === 'sqlite') {
      const db = new Database(database.env.HELPLOOP_DATABASE!);
      migrateSqlite(db, before009(migrations));
      await copy(async (table, rows) => {
        for (const row of rows) {
          const columns = Object.keys(row);
          db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
            ...Object.values(row).map((v) => (typeof v === 'bigint' ? Number(v) : v)),
          );
        }
      });
      db.close();
    } else {
      const { Kysely, PostgresDialect } = await import('kysely');
      const db = new Kysely<never>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.env.HELPLOOP_DATABASE_URL }) }),
      });
      await migratePostgres(db as never, before009(postgresMigrations));
      await copy(async (table, rows) => {
        for (const row of rows) await insertSql(table, row).execute(db);
      });
      await db.destroy();
    }
    const migrated = await open(database.env);
    const got = await answers(migrated.storage);
    const expected = await answers(counted.storage);
    const rolled = JSON.stringify({ articleId: 'en/a', day: '2026-02-01', views: 7, helpful: 2, unhelpful: 1 });
    expect(got.articleDays).toEqual([...expected.articleDays, rolled].sort());
    expect({ ...got, articleDays: [], readingDays: [], helpfulness: [] }).toEqual({
      ...expected,
      articleDays: [],
      readingDays: [],
      helpfulness: [],
    });
  });
});

it('reads the query reports on SQLite through their partial indexes, not every counted row of the period', async () => {
  const database = await freshDatabase('sqlite');
  const engine = await openEngine({ databaseFile: database.env.HELPLOOP_DATABASE! });
  try {
    // Without statistics SQLite would read the period's days through the primary key and sort every row it counts.
    const plans: string[] = [];
    const reports = createReportStorage({
      ...engine,
      read: async (query) => {
        const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(engine.db);
        plans.push(plan.rows.map((row) => row.detail).join(' / '));
        return engine.read(query);
      },
    });
    await reports.failedQueries(ALL);
    await reports.unclickedQueries(ALL);
    await reports.contactedAfter(ALL);
    for (const index of ['daily_queries_failed', 'daily_queries_unclicked', 'daily_queries_contacted'])
      expect(plans).toContainEqual(`SCAN daily_queries USING COVERING INDEX ${index}`);
  } finally {
    await engine.close();
    await database.remove();
  }
});
