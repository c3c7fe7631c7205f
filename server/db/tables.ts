import type { Generated } from 'kysely';

/**
 * The tables as both engines hold them (migrations/): what Kysely checks every query against. Times are ISO text
 * and days YYYY-MM-DD in both, so one query set compares and groups them the same way; `helpful` is 0 or 1.
 */
export interface Tables {
  received_events: { event_id: string; received_at: string };
  votes: {
    article_id: string;
    visitor: string;
    source: string | null;
    day: string;
    helpful: number;
    reason: string | null;
    comment: string | null;
    created_at: string;
  };
  views: { id: Generated<number>; article_id: string; visitor: string; day: string; created_at: string };
  searches: {
    id: Generated<number>;
    query: string;
    normalized: string;
    locale: string;
    result_count: number;
    visitor: string;
    day: string;
    created_at: string;
  };
  search_clicks: {
    id: Generated<number>;
    query: string;
    normalized: string;
    article_id: string;
    position: number;
    visitor: string;
    day: string;
    created_at: string;
  };
  contact_clicks: {
    id: Generated<number>;
    locale: string;
    article_id: string | null;
    query: string | null;
    normalized: string | null;
    visitor: string;
    day: string;
    created_at: string;
  };
  widget_events: {
    id: Generated<number>;
    type: 'impression' | 'click' | 'contact';
    context: string;
    locale: string;
    article_id: string | null;
    position: number | null;
    visitor: string;
    day: string;
    created_at: string;
  };
  daily_articles: {
    day: string;
    article_id: string;
    views: Generated<number>;
    helpful: Generated<number>;
    unhelpful: Generated<number>;
  };
  daily_searches: {
    day: string;
    locale: string;
    normalized: string;
    searches: Generated<number>;
    zero_results: Generated<number>;
    clicks: Generated<number>;
  };
  daily_contexts: {
    day: string;
    locale: string;
    context: string;
    impressions: Generated<number>;
    clicks: Generated<number>;
    contacts: Generated<number>;
  };
  daily_reasons: { day: string; article_id: string; reason: string; votes: Generated<number> };
  daily_queries: {
    day: string;
    locale: string;
    normalized: string;
    query: string;
    searches: Generated<number>;
    failed: Generated<number>;
    contacted: Generated<number>;
    unclicked: Generated<number>;
    failed_visitors: Generated<number>;
    contacted_visitors: Generated<number>;
    unclicked_visitors: Generated<number>;
  };
  daily_rephrased: {
    day: string;
    locale: string;
    normalized: string;
    article_id: string;
    query: string;
    readers: Generated<number>;
    related_readers: Generated<number>;
  };
  daily_sessions: {
    day: string;
    sessions: Generated<number>;
    failed_sessions: Generated<number>;
    contacted_sessions: Generated<number>;
  };
  visitor_salts: { day: string; salt: Buffer };
  staff: {
    id: Generated<number>;
    email: string;
    role: string;
    password_hash: string;
    created_at: string;
    locale: string | null;
  };
  sessions: { token_hash: string; staff_id: number; csrf: string; created_at: string; seen_at: string };
  login_failures: { key: string; failures: number; last_at: string };
  article_reviews: {
    article_id: string;
    status: string;
    note: Generated<string>;
    updated_by: string;
    updated_at: string;
  };
  query_reviews: {
    locale: string;
    normalized: string;
    status: string;
    note: Generated<string>;
    updated_by: string;
    updated_at: string;
  };
  synonym_reviews: {
    locale: string;
    normalized: string;
    article_id: string;
    query: string;
    status: string;
    note: Generated<string>;
    updated_by: string;
    updated_at: string;
  };
  inbox_dismissals: { item_id: string; dismissed_by: string; dismissed_at: string; affected: number; impact: number };
  health_probe: { id: number; at: string };
  schema_migrations: { id: string; applied_at: string };
  job_leases: { name: string; holder: string; expires_at: string };
  rate_counts: { key: string; minute: number; reserved: number };
  notification_destinations: {
    id: Generated<number>;
    kind: string;
    name: string;
    target: string;
    secret: string | null;
    locale: string;
    categories: string;
    locales: string;
    types: string;
    enabled: number;
    disabled_reason: string | null;
    source: string;
    created_at: string;
    updated_at: string;
  };
  notification_outbox: {
    id: string;
    destination_id: number;
    type: string;
    notification: string;
    status: string;
    attempts: Generated<number>;
    next_attempt_at: string;
    last_status: number | null;
    last_error: string | null;
    created_at: string;
    delivered_at: string | null;
  };
  notification_attempts: {
    id: Generated<number>;
    destination_id: number;
    message_id: string;
    attempt: number;
    at: string;
    outcome: string;
    status: number | null;
    error: string | null;
    duration_ms: number;
  };
  notify_state: { name: string; value: string };
  notify_comments: {
    id: Generated<number>;
    article_id: string;
    batch_at: string;
    comment: string;
    reason: string | null;
    at: string;
  };
  notify_alerts: { type: string; subject: string; fired_at: string; cleared_at: string | null };
  survey_responses: {
    id: Generated<number>;
    survey_id: string;
    kind: string;
    score: number;
    band: string;
    comment: string | null;
    locale: string;
    article_id: string | null;
    context: string | null;
    path: string | null;
    day: string;
    created_at: string;
  };
  theme_items: {
    key: string;
    source: string;
    locale: string;
    text: string;
    article_id: string | null;
    weight: number;
    at: string;
    theme_id: string | null;
  };
  theme_state: {
    id: number;
    model: string | null;
    themes: string | null;
    reclustered_at: string | null;
    reclustered_items: Generated<number>;
    watermarks: string;
  };
  theme_decisions: {
    id: Generated<number>;
    kind: string;
    anchor: string;
    other: string;
    label: string | null;
    created_by: string;
    created_at: string;
  };
}

/**
 * Every table, each before the tables that reference it (staff before sessions), and what its rows are: the help
 * center's `data`, or `bookkeeping` each database keeps for itself (the migrations it ran, the health check's last
 * write, job leases and rate-limit counts). A record, so the compiler refuses a table added to `Tables` and not here. `npm run db:copy` walks it.
 */
export const TABLE_ROLES: Record<keyof Tables, 'data' | 'bookkeeping'> = {
  received_events: 'data',
  votes: 'data',
  views: 'data',
  searches: 'data',
  search_clicks: 'data',
  contact_clicks: 'data',
  widget_events: 'data',
  daily_articles: 'data',
  daily_searches: 'data',
  daily_contexts: 'data',
  visitor_salts: 'data',
  staff: 'data',
  sessions: 'data',
  login_failures: 'data',
  article_reviews: 'data',
  query_reviews: 'data',
  synonym_reviews: 'data',
  health_probe: 'bookkeeping',
  schema_migrations: 'bookkeeping',
  job_leases: 'bookkeeping',
  rate_counts: 'bookkeeping',
  daily_reasons: 'data',
  daily_queries: 'data',
  daily_rephrased: 'data',
  daily_sessions: 'data',
  inbox_dismissals: 'data',
  notification_destinations: 'data',
  notification_outbox: 'data',
  notification_attempts: 'data',
  notify_state: 'data',
  notify_comments: 'data',
  notify_alerts: 'data',
  survey_responses: 'data',
  theme_items: 'data',
  theme_state: 'data',
  theme_decisions: 'data',
};
