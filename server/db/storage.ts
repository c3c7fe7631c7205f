import { randomBytes } from 'node:crypto';
import type { Database, RunResult } from 'better-sqlite3';
import type { z } from 'zod';
import type {
  clickSchema,
  contactSchema,
  searchSchema,
  viewSchema,
  voteSchema,
  widgetEventSchema,
} from '../api/schemas.ts';
import { databaseFileGuard } from './database-file.ts';
import { groupCommit } from './group-commit.ts';
import { rollup } from './rollup.ts';
import { prepareStatements } from './statements.ts';

/** What the server adds to every reader event: who and when. */
interface Received {
  /** Keyed hash of the visitor for this day (see privacy/visitor-key.ts). */
  visitor: string;
  /** The visitor's day, YYYY-MM-DD (UTC). */
  day: string;
  /** ISO timestamp. */
  at: string;
}
/** A query as typed (masked), and as failed searches group it (see normalizeQuery). */
interface Normalized {
  normalized: string;
}

/** Each event as the API accepted it (schemas.ts), with what the server adds. */
export type VoteEvent = Received &
  Omit<z.infer<typeof voteSchema>, 'reason'> & {
    /** Stored as text: the reasons offered may change, the votes given for earlier ones stay. */
    reason?: string;
    /** Keyed hash of the visitor's IP address alone for this day (see privacy/visitor-key.ts). */
    source?: string;
  };
export type ViewEvent = Received & z.infer<typeof viewSchema>;
export type SearchEvent = Received & z.infer<typeof searchSchema> & Normalized;
export type ClickEvent = Received & Omit<z.infer<typeof clickSchema>, 'locale'> & Normalized;
/** Its query is optional as sent: a hand-off from an article or the 404 page has none. */
export type ContactEvent = Received & z.input<typeof contactSchema> & Partial<Normalized>;
export type WidgetEvent = Received & z.infer<typeof widgetEventSchema>;

/** Votes on an article, raw and rolled up together. */
export interface VoteTally {
  helpful: number;
  total: number;
}

/**
 * `stored` once written and committed; `duplicate` when the same event id was stored before (a retried beacon);
 * `capped` when the event was received but not counted, its source having reached the day's limit.
 */
export type WriteResult = 'stored' | 'duplicate' | 'capped';

/** The SQL of the reader events, prepared once per database by createStorage. */
export const EVENT_SQL = {
  receive: 'INSERT OR IGNORE INTO received_events (event_id, received_at) VALUES (@eventId, @at)',
  // A later vote of the visitor the same day replaces the earlier. One source (IP address) adds at most
  // @perSource visitors' votes to an article a day, so renaming the browser cannot stuff the reports.
  vote: `
    INSERT INTO votes (article_id, visitor, source, day, helpful, reason, comment, created_at)
    SELECT @articleId, @visitor, @source, @day, @helpful, @reason, @comment, @at
    WHERE @source IS NULL
      OR (SELECT count(*) FROM votes WHERE article_id = @articleId AND day = @day AND source = @source AND visitor <> @visitor) < @perSource
    ON CONFLICT (article_id, visitor, day) DO UPDATE SET
      helpful = excluded.helpful, reason = excluded.reason, comment = excluded.comment, created_at = excluded.created_at`,
  view: 'INSERT INTO views (article_id, visitor, day, created_at) VALUES (@articleId, @visitor, @day, @at)',
  search: `
    INSERT INTO searches (query, normalized, locale, result_count, visitor, day, created_at)
    VALUES (@query, @normalized, @locale, @resultCount, @visitor, @day, @at)`,
  click: `
    INSERT INTO search_clicks (query, normalized, article_id, position, visitor, day, created_at)
    VALUES (@query, @normalized, @articleId, @position, @visitor, @day, @at)`,
  contact: `
    INSERT INTO contact_clicks (locale, article_id, query, normalized, visitor, day, created_at)
    VALUES (@locale, @articleId, @query, @normalized, @visitor, @day, @at)`,
  widget: `
    INSERT INTO widget_events (type, context, locale, article_id, position, visitor, day, created_at)
    VALUES (@type, @context, @locale, @articleId, @position, @visitor, @day, @at)
  `,
  // Articles the readers of one went on to read within half an hour, the same day (visitor keys change daily).
  next: `
    SELECT b.article_id AS articleId, count(DISTINCT a.visitor) AS readers FROM views a
    JOIN views b ON b.visitor = a.visitor AND b.day = a.day AND b.article_id <> a.article_id
      AND julianday(b.created_at) - julianday(a.created_at) BETWEEN 0 AND 30.0 / 1440
    WHERE a.article_id = @articleId
    GROUP BY b.article_id HAVING readers >= @minReaders ORDER BY readers DESC, b.article_id LIMIT @limit
  `,
  votesOn: `
    SELECT article_id AS articleId, sum(helpful) AS helpful, sum(total) AS total FROM (
      SELECT article_id, helpful, 1 AS total FROM votes WHERE article_id IN (SELECT value FROM json_each(@ids))
      UNION ALL
      SELECT article_id, helpful, helpful + unhelpful FROM daily_articles WHERE article_id IN (SELECT value FROM json_each(@ids))
    ) GROUP BY article_id
  `,
  saltOf: 'SELECT salt FROM visitor_salts WHERE day = ?',
  addSalt: 'INSERT OR IGNORE INTO visitor_salts (day, salt) VALUES (?, ?)',
  dropSalts: 'DELETE FROM visitor_salts WHERE day < ?',
  probe: 'INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
};

/**
 * All SQL of the reader events, behind the narrow interface the API uses, so a PostgreSQL implementation can stand
 * beside it. Writes are group-committed (see group-commit.ts): when a write's promise resolves, the event is committed.
 */
export function createStorage(db: Database) {
  const { receive, vote, view, search, click, contact, widget, next, votesOn, saltOf, addSalt, dropSalts, probe } =
    prepareStatements(db, EVENT_SQL);
  const checkDatabaseFile = databaseFileGuard(db.name);
  const commit = groupCommit(db, checkDatabaseFile);
  /** Writes the event unless its id was seen before; resolves once that is committed. */
  const once = (event: Received & { eventId: string }, write: () => RunResult): Promise<WriteResult> =>
    commit((): WriteResult => {
      if (receive.run({ eventId: event.eventId, at: event.at }).changes === 0) return 'duplicate';
      // Only a write's own condition (a vote's cap per source) makes it change nothing.
      return write().changes ? 'stored' : 'capped';
    });

  return {
    /** Throws once the database file was deleted or replaced under the server: no write may be acknowledged then. */
    checkDatabaseFile,
    /** A real write, committed like an event's: rejects with the reason when the database cannot store events now. */
    probe: (at: string) => commit(() => void probe.run(at)),
    /** Stores a vote unless its source already gave `perSource` other visitors' votes on the article that day. */
    recordVote: (event: VoteEvent, perSource = Number.MAX_SAFE_INTEGER) =>
      once(event, () =>
        vote.run({
          ...event,
          source: event.source ?? null,
          helpful: event.helpful ? 1 : 0,
          reason: event.reason ?? null,
          comment: event.comment ?? null,
          perSource,
        }),
      ),
    recordView: (event: ViewEvent) => once(event, () => view.run(event)),
    recordSearch: (event: SearchEvent) => once(event, () => search.run(event)),
    recordClick: (event: ClickEvent) => once(event, () => click.run(event)),
    recordContact: (event: ContactEvent) =>
      once(event, () =>
        contact.run({
          ...event,
          articleId: event.articleId ?? null,
          query: event.query ?? null,
          normalized: event.normalized ?? null,
        }),
      ),
    recordWidgetEvent: (event: WidgetEvent) =>
      once(event, () => widget.run({ ...event, articleId: event.articleId ?? null, position: event.position ?? null })),
    /** What readers of an article read next, most readers first; only articles at least `minReaders` went to. */
    readNext: (articleId: string, minReaders: number, limit: number) =>
      next.all({ articleId, minReaders, limit }) as { articleId: string; readers: number }[],
    /** Helpful and total votes per article, for the articles asked about that have any. */
    helpfulness: (ids: string[]): Map<string, VoteTally> =>
      new Map(
        (votesOn.all({ ids: JSON.stringify(ids) }) as ({ articleId: string } & VoteTally)[]).map(
          ({ articleId, helpful, total }) => [articleId, { helpful, total }],
        ),
      ),

    /** The secret for a day's visitor keys, made on first use; secrets older than yesterday are destroyed. */
    saltFor(day: string, yesterday: string): Buffer {
      const existing = saltOf.get(day) as { salt: Buffer } | undefined;
      if (existing) return existing.salt;
      return db
        .transaction(() => {
          addSalt.run(day, randomBytes(32));
          dropSalts.run(yesterday);
          return (saltOf.get(day) as { salt: Buffer }).salt;
        })
        .immediate();
    },

    rollup: rollup(db),
  };
}

export type Storage = ReturnType<typeof createStorage>;
