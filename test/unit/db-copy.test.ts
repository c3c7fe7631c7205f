import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_TABLES } from '../../scripts/lib/copy-database.ts';
import { openPostgres, openSqlite } from '../../server/db/engine.ts';
import type { Tables } from '../../server/db/tables.ts';
import { freshPostgresDatabase } from '../helpers/postgres.ts';

const work = mkdtempSync(join(tmpdir(), 'helploop-copy-'));
const sqliteFile = join(work, 'helploop.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const at = '2026-11-20T09:00:00.000Z';
const day = '2026-11-20';
/** Every byte value, 0 included, so a text conversion anywhere on the way would show. */
const salt = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
const comment = '입금 기한이 지나서 주문이 취소됐어요. 다시 주문해야 하나요?';
/** More than one batch of the copy (1,000 rows), with ids that do not start at 1. */
const VIEWS = 2_345;

/** A help center's database with rows in every data table. */
const rows: { [Table in keyof Tables]?: Insertable<Tables[Table]>[] } = {
  received_events: [{ event_id: 'e1', received_at: at }],
  votes: [
    {
      article_id: 'ko/billing/a',
      visitor: 'v1',
      source: 's1',
      day,
      helpful: 0,
      reason: 'outdated',
      comment,
      created_at: at,
    },
    {
      article_id: 'en/billing/b',
      visitor: 'v2',
      source: null,
      day,
      helpful: 1,
      reason: null,
      comment: null,
      created_at: at,
    },
  ],
  views: Array.from({ length: VIEWS }, (_, i) => ({
    id: 10 + i * 2,
    article_id: 'ko/billing/a',
    visitor: `v${i}`,
    day,
    created_at: at,
  })),
  searches: [
    {
      id: 7,
      query: '배송 조회',
      normalized: '배송조회',
      locale: 'ko',
      result_count: 0,
      visitor: 'v1',
      day,
      created_at: at,
    },
  ],
  search_clicks: [
    {
      id: 3,
      query: '환불',
      normalized: '환불',
      article_id: 'ko/billing/a',
      position: 1,
      visitor: 'v1',
      day,
      created_at: at,
    },
  ],
  contact_clicks: [
    { id: 4, locale: 'ko', article_id: null, query: '환불', normalized: '환불', visitor: 'v1', day, created_at: at },
  ],
  widget_events: [
    {
      id: 5,
      type: 'click',
      context: 'checkout',
      locale: 'ko',
      article_id: 'ko/billing/a',
      position: 2,
      visitor: 'v1',
      day,
      created_at: at,
    },
  ],
  daily_articles: [{ day, article_id: 'ko/billing/a', views: 12, helpful: 3, unhelpful: 1 }],
  daily_searches: [{ day, locale: 'ko', normalized: '배송조회', searches: 4, zero_results: 2, clicks: 1 }],
  daily_contexts: [{ day, locale: 'ko', context: 'checkout', impressions: 9, clicks: 2, contacts: 1 }],
  daily_reasons: [{ day, article_id: 'ko/billing/a', reason: 'outdated', votes: 1 }],
  daily_queries: [
    {
      day,
      locale: 'ko',
      normalized: '배송조회',
      query: '배송 조회',
      searches: 4,
      failed: 2,
      contacted: 1,
      unclicked: 1,
      failed_visitors: 1,
      contacted_visitors: 1,
      unclicked_visitors: 1,
    },
  ],
  daily_rephrased: [
    {
      day,
      locale: 'ko',
      normalized: '카드갈아끼우기',
      article_id: 'ko/billing/a',
      query: '카드 갈아끼우기',
      readers: 1,
      related_readers: 1,
    },
  ],
  daily_sessions: [{ day, sessions: 3, failed_sessions: 2, contacted_sessions: 1 }],
  visitor_salts: [{ day, salt }],
  staff: [{ id: 42, email: 'Kim@Example.com', role: 'admin', password_hash: 'hash', created_at: at, locale: 'en' }],
  sessions: [{ token_hash: 't1', staff_id: 42, csrf: 'c1', created_at: at, seen_at: at }],
  login_failures: [{ key: 'account:kim@example.com', failures: 2, last_at: at }],
  article_reviews: [
    { article_id: 'ko/billing/a', status: 'in-review', note: '확인 중', updated_by: 'kim', updated_at: at },
  ],
  query_reviews: [{ locale: 'ko', normalized: '배송조회', status: 'planned', updated_by: 'kim', updated_at: at }],
  synonym_reviews: [
    {
      locale: 'ko',
      normalized: '배송조회',
      article_id: 'ko/billing/a',
      query: '배송 조회',
      status: 'accepted',
      updated_by: 'kim',
      updated_at: at,
    },
  ],
  inbox_dismissals: [
    { item_id: 'query:ko:배송조회', dismissed_by: 'kim', dismissed_at: at, affected: 3, impact: 1.3154818 },
  ],
  notification_destinations: [
    {
      id: 7,
      kind: 'webhook',
      name: '배송팀',
      target: 'https://hooks.example.com/helploop',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      locale: 'ko',
      categories: '["shipping"]',
      locales: '[]',
      types: '["feedback.comments"]',
      enabled: 1,
      disabled_reason: null,
      source: 'staff',
      created_at: at,
      updated_at: at,
    },
  ],
  notification_outbox: [
    {
      id: 'msg_2f1c5d3e-8a6b-4c1d-9e0f-123456789abc',
      destination_id: 7,
      type: 'test',
      notification: '{"type":"test"}',
      status: 'pending',
      attempts: 1,
      next_attempt_at: at,
      last_status: 503,
      last_error: 'HTTP 503',
      created_at: at,
      delivered_at: null,
    },
  ],
  notification_attempts: [
    {
      id: 11,
      destination_id: 7,
      message_id: 'msg_2f1c5d3e-8a6b-4c1d-9e0f-123456789abc',
      attempt: 1,
      at,
      outcome: 'retry',
      status: 503,
      error: 'HTTP 503',
      duration_ms: 12,
    },
  ],
  notify_state: [{ name: 'feedback.comments.cursor', value: at }],
  notify_comments: [
    { id: 7, article_id: 'ko/shipping/track', batch_at: at, comment: '배송 조회가 안 돼요', reason: null, at },
  ],
  notify_alerts: [{ type: 'search.failing', subject: 'ko|배송조회', fired_at: at, cleared_at: null }],
  survey_responses: [
    {
      id: 3,
      survey_id: 'nps',
      kind: 'nps',
      score: 4,
      band: 'low',
      comment: '배송이 늦어요',
      locale: 'ko',
      article_id: null,
      context: 'order-status',
      path: '/ko/',
      day,
      created_at: at,
    },
  ],
  theme_items: [
    {
      key: 'v:3',
      source: 'survey',
      locale: 'ko',
      text: '배송이 늦어요',
      article_id: null,
      weight: 1,
      at,
      theme_id: 'v:3',
    },
  ],
  theme_state: [
    { id: 1, model: null, themes: null, reclustered_at: null, reclustered_items: 0, watermarks: `{"survey":"${at}"}` },
  ],
  theme_decisions: [
    { id: 2, kind: 'rename', anchor: '["v:3"]', other: '[]', label: '배송', created_by: 'a@b.example', created_at: at },
  ],
};

const copy = (...args: string[]) =>
  spawnSync(process.execPath, [resolve('scripts/db-copy.ts'), ...args], {
    env: { ...process.env, HELPLOOP_DATABASE: sqliteFile },
    encoding: 'utf8',
  });

let targetUrl: string;
beforeAll(async () => {
  const source = openSqlite(sqliteFile);
  for (const table of DATA_TABLES) {
    for (const row of rows[table] ?? []) await source.db.insertInto(table).values(row).execute();
  }
  await source.close();
  targetUrl = await freshPostgresDatabase();
});

describe('npm run db:copy', () => {
  it('copies every table into PostgreSQL and prints equal counts on both sides', () => {
    expect(DATA_TABLES.filter((table) => !rows[table]?.length)).toEqual([]);
    const run = copy('--to', targetUrl);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const table of DATA_TABLES) {
      const count = rows[table]!.length;
      expect(run.stdout).toMatch(new RegExp(`^${table} +${count} +${count}$`, 'm'));
    }
    expect(run.stdout).toContain('Every table has the same number of rows on both sides.');
  });

  it('keeps the content: Korean text, the salt’s bytes, ids and references', async () => {
    const target = await openPostgres(targetUrl);
    try {
      const votes = await target.db.selectFrom('votes').selectAll().orderBy('article_id', 'desc').execute();
      expect(votes).toEqual(rows.votes);
      const salts = await target.db.selectFrom('visitor_salts').selectAll().execute();
      expect(salts).toEqual([{ day, salt }]);
      expect(Buffer.isBuffer(salts[0].salt)).toBe(true);
      const lastView = await target.db
        .selectFrom('views')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      expect(lastView).toEqual({ ...rows.views!.at(-1), id: String(rows.views!.at(-1)!.id) });
      expect(await target.db.selectFrom('sessions').select('staff_id').execute()).toEqual([{ staff_id: 42 }]);
      expect(await target.db.selectFrom('synonym_reviews').select(['query', 'note']).execute()).toEqual([
        { query: '배송 조회', note: '' },
      ]);
    } finally {
      await target.close();
    }
  });

  it('hands out fresh ids after the copied ones', async () => {
    const target = await openPostgres(targetUrl);
    try {
      const view = await target.db
        .insertInto('views')
        .values({ article_id: 'ko/billing/a', visitor: 'new', day, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(Number(view.id)).toBe(10 + (VIEWS - 1) * 2 + 1);
      const staff = await target.db
        .insertInto('staff')
        .values({ email: 'lee@example.com', role: 'support', password_hash: 'hash', created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(staff.id).toBe(43);
    } finally {
      await target.close();
    }
  });

  it('refuses a target that holds data, and leaves it as it was', async () => {
    const run = copy('--to', targetUrl);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /the target already holds data \(.*views: 2346.*\); add --replace to delete it first\.\n$/,
    );
    const target = await openPostgres(targetUrl);
    const { count } = await target.db
      .selectFrom('views')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    await target.close();
    expect(Number(count)).toBe(VIEWS + 1);
  });

  it('with --replace, deletes the target’s data and copies again', () => {
    const run = copy('--to', targetUrl, '--replace');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^views +${VIEWS} +${VIEWS}$`, 'm'));
  });

  it('says what is missing when there is no SQLite file or no PostgreSQL database named', () => {
    const noFile = copy('--from', join(work, 'missing.db'), '--to', targetUrl);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toBe(`Cannot copy: there is no SQLite database at ${join(work, 'missing.db')}\n`);
    const { HELPLOOP_DATABASE_URL: _unset, ...env } = process.env;
    const noTarget = spawnSync(process.execPath, [resolve('scripts/db-copy.ts')], {
      env: { ...env, HELPLOOP_DATABASE: sqliteFile },
      encoding: 'utf8',
    });
    expect(noTarget.status).toBe(1);
    expect(noTarget.stderr).toMatch(/^Cannot copy: name the PostgreSQL database with --to/);
  });
});
