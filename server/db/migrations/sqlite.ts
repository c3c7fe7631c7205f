import type { Database } from 'better-sqlite3';
import { ARTICLE_STATUSES, QUERY_STATUSES, SYNONYM_STATUSES } from '../../../src/shared/review-statuses.ts';
import { aggregateRawEvents, recountRawSessionsAndPairs } from '../report-aggregates.ts';
import { ATTEMPT_OUTCOMES, DESTINATION_SOURCES, OUTBOX_STATUSES } from '../notification-storage.ts';
import { roles } from '../staff-storage.ts';
import { DESTINATION_KINDS } from '../../notify/notification.ts';
import { SCORE_BANDS, SURVEY_KINDS } from '../../../src/shared/surveys.ts';
import { THEME_SOURCES } from '../../../src/shared/themes.ts';
import { THEME_DECISION_KINDS } from '../../themes/decisions.ts';
import { sqlValues } from './values.ts';

export interface Migration {
  id: string;
  up(db: Database): void;
}

/**
 * Applied in order, each once, each in its own transaction. Append; never edit one that has shipped. Every id here
 * has its twin in postgres.ts, which makes the same tables in PostgreSQL's words.
 */
export const migrations: Migration[] = [
  {
    id: '001-reader-events',
    up: (db) =>
      db.exec(`
        -- Every beacon carries a client-made id; a retried beacon finds its id here and is not stored twice.
        CREATE TABLE received_events (event_id TEXT PRIMARY KEY, received_at TEXT NOT NULL) WITHOUT ROWID;

        -- One vote per visitor, article and day: a later vote the same day replaces the earlier.
        CREATE TABLE votes (
          article_id TEXT NOT NULL, visitor TEXT NOT NULL, day TEXT NOT NULL,
          helpful INTEGER NOT NULL, reason TEXT, comment TEXT, created_at TEXT NOT NULL,
          PRIMARY KEY (article_id, visitor, day)
        );
        CREATE INDEX votes_day ON votes (day, article_id, helpful);

        CREATE TABLE views (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, visitor TEXT NOT NULL, day TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX views_day ON views (day, article_id);

        CREATE TABLE searches (
          id INTEGER PRIMARY KEY, query TEXT NOT NULL, normalized TEXT NOT NULL, locale TEXT NOT NULL,
          result_count INTEGER NOT NULL, visitor TEXT NOT NULL, day TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE INDEX searches_day ON searches (day, locale, normalized);

        CREATE TABLE search_clicks (
          id INTEGER PRIMARY KEY, query TEXT NOT NULL, normalized TEXT NOT NULL, article_id TEXT NOT NULL,
          position INTEGER NOT NULL, visitor TEXT NOT NULL, day TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE INDEX search_clicks_day ON search_clicks (day, article_id);

        -- What stays once raw events pass their retention.
        CREATE TABLE daily_articles (
          day TEXT NOT NULL, article_id TEXT NOT NULL, views INTEGER NOT NULL DEFAULT 0,
          helpful INTEGER NOT NULL DEFAULT 0, unhelpful INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE daily_searches (
          day TEXT NOT NULL, locale TEXT NOT NULL, normalized TEXT NOT NULL, searches INTEGER NOT NULL DEFAULT 0,
          zero_results INTEGER NOT NULL DEFAULT 0, clicks INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, locale, normalized)
        ) WITHOUT ROWID;

        -- The day's secret for visitor keys; deleted after two days so old keys cannot be recomputed.
        CREATE TABLE visitor_salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL) WITHOUT ROWID;
      `),
  },
  {
    id: '002-staff',
    up: (db) =>
      db.exec(`
        CREATE TABLE staff (
          id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE,
          role TEXT NOT NULL CHECK (role IN (${sqlValues(roles)})), password_hash TEXT NOT NULL, created_at TEXT NOT NULL
        );
        -- Only a hash of the session token is stored: a copy of the database cannot be used to log in.
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY, staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
          csrf TEXT NOT NULL, created_at TEXT NOT NULL, seen_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE login_failures (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE article_reviews (
          article_id TEXT PRIMARY KEY, status TEXT NOT NULL CHECK (status IN (${sqlValues(ARTICLE_STATUSES)})),
          note TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE query_reviews (
          locale TEXT NOT NULL, normalized TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN (${sqlValues(QUERY_STATUSES)})),
          note TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (locale, normalized)
        ) WITHOUT ROWID;
      `),
  },
  {
    id: '003-contact-clicks',
    up: (db) =>
      db.exec(`
        -- A reader choosing the support hand-off, with the article or the search they came from.
        CREATE TABLE contact_clicks (
          id INTEGER PRIMARY KEY, locale TEXT NOT NULL, article_id TEXT, query TEXT, normalized TEXT,
          visitor TEXT NOT NULL, day TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE INDEX contact_clicks_day ON contact_clicks (day, visitor);
      `),
  },
  {
    id: '004-widget-events',
    up: (db) =>
      db.exec(`
        -- The widget on host sites: a panel shown in a context, an article chosen from it, the support hand-off chosen.
        CREATE TABLE widget_events (
          id INTEGER PRIMARY KEY, type TEXT NOT NULL CHECK (type IN ('impression', 'click', 'contact')), context TEXT NOT NULL,
          locale TEXT NOT NULL, article_id TEXT, position INTEGER, visitor TEXT NOT NULL, day TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE INDEX widget_events_day ON widget_events (day, context);
        -- What readers of an article went on to read: their views of it, then their next views that day.
        CREATE INDEX views_article ON views (article_id);
        CREATE INDEX views_visitor ON views (visitor, day);
        CREATE TABLE daily_contexts (
          day TEXT NOT NULL, locale TEXT NOT NULL, context TEXT NOT NULL, impressions INTEGER NOT NULL DEFAULT 0,
          clicks INTEGER NOT NULL DEFAULT 0, contacts INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, locale, context)
        ) WITHOUT ROWID;
      `),
  },
  {
    id: '005-synonym-reviews',
    up: (db) =>
      db.exec(`
        -- Staff decisions on readers' synonyms ("searched X, then found article Y"); accepted ones reach search at the next build.
        CREATE TABLE synonym_reviews (
          locale TEXT NOT NULL, normalized TEXT NOT NULL, article_id TEXT NOT NULL, query TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN (${sqlValues(SYNONYM_STATUSES)})),
          note TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,
          PRIMARY KEY (locale, normalized, article_id)
        ) WITHOUT ROWID;
      `),
  },
  {
    id: '006-faults',
    up: (db) =>
      db.exec(`
        -- /api/health writes here to learn whether the database can store events now (disk full, read-only, busy).
        CREATE TABLE health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL);
        -- The roll-up deletes expired event ids in batches; without this each batch would scan every id.
        CREATE INDEX received_events_at ON received_events (received_at);
        -- Queries of only punctuation, emoji or control characters normalize to nothing: one failed-searches row
        -- that nobody could review. They are no longer accepted; these are the ones stored before.
        DELETE FROM searches WHERE normalized = '';
        DELETE FROM search_clicks WHERE normalized = '';
        DELETE FROM daily_searches WHERE normalized = '';
        UPDATE contact_clicks SET query = NULL, normalized = NULL WHERE normalized = '';
      `),
  },
  {
    id: '007-vote-sources',
    up: (db) =>
      db.exec(`
        -- Keyed hash of the voter's IP address alone (NULL before this migration): votes per article, address and day are capped.
        ALTER TABLE votes ADD COLUMN source TEXT;
        CREATE INDEX votes_source ON votes (article_id, day, source);
      `),
  },
  {
    id: '008-shared-state',
    up: (db) =>
      db.exec(`
        -- Periodic jobs (the roll-up) run on one instance at a time: the holder of a job's row until it expires.
        CREATE TABLE job_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL) WITHOUT ROWID;
        -- Events per rate-limit key and minute that instances have reserved between them, so a flood spread
        -- across instances meets one limit. Rows of past minutes are deleted as instances reserve.
        CREATE TABLE rate_counts (
          key TEXT NOT NULL, minute INTEGER NOT NULL, reserved INTEGER NOT NULL, PRIMARY KEY (key, minute)
        ) WITHOUT ROWID;
        CREATE INDEX rate_counts_minute ON rate_counts (minute);
      `),
  },
  {
    id: '009-report-aggregates',
    up: (db) => {
      db.exec(`
        -- Counted at ingest, in the transaction that stores each event (report-aggregates.ts): what reports read.
        -- Reasons for unhelpful votes, per day and article: a replaced vote moves its count.
        CREATE TABLE daily_reasons (
          day TEXT NOT NULL, article_id TEXT NOT NULL, reason TEXT NOT NULL, votes INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, article_id, reason)
        ) WITHOUT ROWID;
        -- Searches per day and query as typed (see visitor-day-facts.ts); *_visitors count each reader once per query meant.
        CREATE TABLE daily_queries (
          day TEXT NOT NULL, locale TEXT NOT NULL, normalized TEXT NOT NULL, query TEXT NOT NULL,
          searches INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, contacted INTEGER NOT NULL DEFAULT 0,
          unclicked INTEGER NOT NULL DEFAULT 0, failed_visitors INTEGER NOT NULL DEFAULT 0,
          contacted_visitors INTEGER NOT NULL DEFAULT 0, unclicked_visitors INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, locale, normalized, query)
        ) WITHOUT ROWID;
        -- Readers' own synonyms per day: failed query meant, article found instead, its first variant, distinct readers.
        CREATE TABLE daily_rephrased (
          day TEXT NOT NULL, locale TEXT NOT NULL, normalized TEXT NOT NULL, article_id TEXT NOT NULL, query TEXT NOT NULL,
          readers INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, locale, normalized, article_id)
        ) WITHOUT ROWID;
        -- One reader's day, read before and after each of their search events to count what it changed.
        CREATE INDEX searches_visitor ON searches (visitor, day);
        CREATE INDEX search_clicks_visitor ON search_clicks (visitor, day, normalized);
        -- A page of the unhelpful report reads its articles' days and latest comments (from the index alone), not every article's.
        CREATE INDEX daily_articles_article ON daily_articles (article_id, day);
        CREATE INDEX votes_comments ON votes (article_id, day, created_at, helpful, comment) WHERE comment IS NOT NULL;
      `);
      // The daily tables counted only rolled-up days until now: the raw days' counts join them.
      for (const statement of aggregateRawEvents('sqlite')) db.exec(statement);
    },
  },
  {
    id: '010-honest-funnel-and-synonyms',
    up: (db) => {
      db.exec(`
        -- The funnel per day in reader sessions (visitor-days), not searches: one reader's ten failed searches are one.
        -- Counts, like daily_searches': they outlive the raw rows.
        CREATE TABLE daily_sessions (
          day TEXT PRIMARY KEY, sessions INTEGER NOT NULL DEFAULT 0, failed_sessions INTEGER NOT NULL DEFAULT 0,
          contacted_sessions INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        -- Readers whose search that found the article was related to the failed one (report-aggregates.ts).
        ALTER TABLE daily_rephrased ADD COLUMN related_readers INTEGER NOT NULL DEFAULT 0;
      `);
      const recount = recountRawSessionsAndPairs('sqlite');
      for (const statement of recount.statements) db.exec(statement);
      for (const query of recount.countRephrasings(db.prepare(recount.rephrasings).all()))
        db.prepare(query.sql).run(...query.parameters);
    },
  },
  {
    id: '011-staff-inbox',
    up: (db) =>
      db.exec(`
        -- The staff member's language in the workspace; NULL follows the site's default locale.
        ALTER TABLE staff ADD COLUMN locale TEXT;
        -- Inbox items staff set aside: who, when, and the evidence then. New evidence after it brings the item back.
        CREATE TABLE inbox_dismissals (
          item_id TEXT PRIMARY KEY, dismissed_by TEXT NOT NULL, dismissed_at TEXT NOT NULL,
          affected INTEGER NOT NULL, impact REAL NOT NULL
        ) WITHOUT ROWID;
      `),
  },
  {
    id: '012-notifications',
    up: (db) =>
      db.exec(`
        -- Where notifications go. Lists (categories, locales, types) are JSON arrays; an empty one means all.
        -- At most one destination of each kind comes from the environment, kept in step with it at every start.
        CREATE TABLE notification_destinations (
          id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN (${sqlValues(DESTINATION_KINDS)})),
          name TEXT NOT NULL, target TEXT NOT NULL, secret TEXT, locale TEXT NOT NULL,
          categories TEXT NOT NULL, locales TEXT NOT NULL, types TEXT NOT NULL,
          enabled INTEGER NOT NULL, disabled_reason TEXT,
          source TEXT NOT NULL CHECK (source IN (${sqlValues(DESTINATION_SOURCES)})),
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX notification_destinations_env ON notification_destinations (kind) WHERE source = 'env';
        -- The outbox: one row per notification and destination; its id is the webhook-id, the same on every retry.
        CREATE TABLE notification_outbox (
          id TEXT PRIMARY KEY,
          destination_id INTEGER NOT NULL REFERENCES notification_destinations (id) ON DELETE CASCADE,
          type TEXT NOT NULL, notification TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN (${sqlValues(OUTBOX_STATUSES)})),
          attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL,
          last_status INTEGER, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT
        );
        CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);
        CREATE INDEX notification_outbox_destination ON notification_outbox (destination_id, status);
        -- Every delivery attempt, for the admins' delivery log.
        CREATE TABLE notification_attempts (
          id INTEGER PRIMARY KEY,
          destination_id INTEGER NOT NULL REFERENCES notification_destinations (id) ON DELETE CASCADE,
          message_id TEXT NOT NULL, attempt INTEGER NOT NULL, at TEXT NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome IN (${sqlValues(ATTEMPT_OUTCOMES)})),
          status INTEGER, error TEXT, duration_ms INTEGER NOT NULL
        );
        CREATE INDEX notification_attempts_destination ON notification_attempts (destination_id, at);
      `),
  },
  {
    id: '013-notify-triggers',
    up: (db) =>
      db.exec(`
        -- What the notification triggers keep between runs (server/notify/triggers/): how far they read, the week's digest.
        CREATE TABLE notify_state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        -- "No" votes with comments, read, waiting for the end of their article's batch window (batch_at onwards).
        CREATE TABLE notify_comments (
          id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, batch_at TEXT NOT NULL, comment TEXT NOT NULL,
          reason TEXT, at TEXT NOT NULL
        );
        CREATE INDEX notify_comments_batch ON notify_comments (batch_at, article_id);
        -- Alerts that fired, per type and subject: one fires again only after it cleared and its cool-down passed.
        CREATE TABLE notify_alerts (
          type TEXT NOT NULL, subject TEXT NOT NULL, fired_at TEXT NOT NULL, cleared_at TEXT,
          PRIMARY KEY (type, subject)
        ) WITHOUT ROWID;
        -- New "No" comments by time, without reading every vote: only votes with such a comment enter it.
        CREATE INDEX votes_unhelpful_comments ON votes (created_at) WHERE comment IS NOT NULL AND helpful = 0;
      `),
  },
  {
    id: '014-survey-responses',
    up: (db) =>
      db.exec(`
        -- Answers to site.yaml's surveys, raw: few enough to report from directly, and kept (the roll-up leaves them).
        -- No visitor key: a report never needs one, and kept rows should hold nothing about who answered.
        CREATE TABLE survey_responses (
          id INTEGER PRIMARY KEY, survey_id TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN (${sqlValues(SURVEY_KINDS)})), score INTEGER NOT NULL,
          band TEXT NOT NULL CHECK (band IN (${sqlValues(SCORE_BANDS)})), comment TEXT, locale TEXT NOT NULL,
          article_id TEXT, context TEXT, path TEXT, day TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE INDEX survey_responses_kind_day ON survey_responses (kind, day);
      `),
  },
  {
    id: '015-themes',
    up: (db) =>
      db.exec(`
        -- What readers said, one row per item the themes group (server/themes/collect.ts); theme_id NULL: no theme.
        CREATE TABLE theme_items (
          key TEXT PRIMARY KEY, source TEXT NOT NULL CHECK (source IN (${sqlValues(THEME_SOURCES)})),
          locale TEXT NOT NULL, text TEXT NOT NULL, article_id TEXT, weight INTEGER NOT NULL, at TEXT NOT NULL,
          theme_id TEXT
        ) WITHOUT ROWID;
        CREATE INDEX theme_items_theme ON theme_items (theme_id);
        CREATE INDEX theme_items_at ON theme_items (at);
        -- One row: the last clustering (model and themes as JSON) and how far each source has been collected.
        CREATE TABLE theme_state (
          id INTEGER PRIMARY KEY CHECK (id = 1), model TEXT, themes TEXT, reclustered_at TEXT,
          reclustered_items INTEGER NOT NULL DEFAULT 0, watermarks TEXT NOT NULL
        );
        -- Staff's decisions, anchored to member item keys so that they outlive the theme ids.
        CREATE TABLE theme_decisions (
          id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN (${sqlValues(THEME_DECISION_KINDS)})),
          anchor TEXT NOT NULL, other TEXT NOT NULL, label TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL
        );
      `),
  },
  {
    id: '016-survey-indexes',
    up: (db) =>
      db.exec(`
        -- Survey answers are kept for good: the report (by day) and the low-score trigger (by time) read one survey's.
        CREATE INDEX survey_responses_survey_day ON survey_responses (survey_id, day);
        CREATE INDEX survey_responses_survey_at ON survey_responses (survey_id, created_at);
      `),
  },
  {
    id: '017-votes-comments-by-time',
    // As on PostgreSQL: an article's latest comments are read by time, a few index rows each.
    up: (db) =>
      db.exec(`
        DROP INDEX votes_comments;
        CREATE INDEX votes_comments ON votes (article_id, created_at, helpful, comment) WHERE comment IS NOT NULL;
      `),
  },
  {
    id: '018-daily-queries-by-query',
    // The query reports group the few rows that count each, by query: each is one read of its index in order.
    // daily_queries keeps raw days only (the roll-up deletes older ones), so this never grows past the retention.
    up: (db) =>
      db.exec(`
        CREATE INDEX daily_queries_failed ON daily_queries (locale, normalized, query, day, failed, failed_visitors)
          WHERE failed > 0;
        CREATE INDEX daily_queries_unclicked ON daily_queries
          (locale, normalized, query, day, unclicked, unclicked_visitors) WHERE unclicked > 0;
        CREATE INDEX daily_queries_contacted ON daily_queries (locale, normalized, day, contacted, contacted_visitors)
          WHERE contacted > 0;
      `),
  },
];

/**
 * Brings the file up to date. Each migration checks and records itself inside one immediate transaction, so
 * servers started at once against one file apply each migration once: the second waits, then skips it.
 */
export function migrateSqlite(db: Database, list: Migration[] = migrations): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?');
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const ran = db.transaction((migration: Migration) => {
    if (applied.get(migration.id)) return false;
    migration.up(db);
    record.run(migration.id, new Date().toISOString());
    return true;
  });
  // Read first without a lock: a server starting beside a busy writer must not wait for it when nothing is pending.
  const pending = list.filter((migration) => !applied.get(migration.id));
  return pending.filter((migration) => ran.immediate(migration)).map((migration) => migration.id);
}
