import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type {
  clickSchema,
  contactSchema,
  searchSchema,
  viewSchema,
  voteSchema,
  widgetEventSchema,
} from '../api/schemas.ts';
import type { Engine } from './engine.ts';
import { groupCommit } from './group-commit.ts';
import { addCounts, writeCounts } from './daily-counts.ts';
import { countVote, trackSearchFacts } from './report-aggregates.ts';
import type { Tables } from './tables.ts';

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

const localeOf = (articleId: string) => articleId.slice(0, articleId.indexOf('/'));
const articleTally = z.object({ articleId: z.string(), helpful: z.coerce.number(), total: z.coerce.number() });
const readNextRow = z.object({ articleId: z.string(), readers: z.coerce.number() });

/**
 * The reader events, behind the narrow interface the API uses, on either engine. Writes are group-committed (see
 * group-commit.ts): when a write's promise resolves, the event is committed.
 */
export function createEventStorage(engine: Engine) {
  const { db } = engine;
  const commit = groupCommit(db, engine.checkWritable, writeCounts);
  /** Writes the event unless its id was seen before; resolves once that is committed. */
  const once = (
    event: Received & { eventId: string },
    write: (trx: Transaction<Tables>) => Promise<{ numInsertedOrUpdatedRows?: bigint }>,
  ) =>
    commit(async (trx): Promise<WriteResult> => {
      const received = await trx
        .insertInto('received_events')
        .values({ event_id: event.eventId, received_at: event.at })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      if (!received.numInsertedOrUpdatedRows) return 'duplicate';
      // Only a write's own condition (a vote's cap per source) makes it change nothing.
      return (await write(trx)).numInsertedOrUpdatedRows ? 'stored' : 'capped';
    });
  const common = (event: Received) => ({ visitor: event.visitor, day: event.day, created_at: event.at });

  return {
    /** A real write, committed like an event's: rejects with the reason when the database cannot store events now. */
    probe: (at: string) =>
      commit(async (trx) => {
        await trx
          .insertInto('health_probe')
          .values({ id: 1, at })
          .onConflict((conflict) => conflict.column('id').doUpdateSet({ at }))
          .execute();
      }),
    /**
     * Stores a vote unless its source already gave `perSource` other visitors' votes on the article that day. A
     * later vote of the visitor the same day replaces the earlier.
     */
    recordVote: (event: VoteEvent, perSource = Number.MAX_SAFE_INTEGER) =>
      once(event, async (trx) => {
        if (event.source) {
          const others = await trx
            .selectFrom('votes')
            .select((eb) => eb.fn.countAll<number | string>().as('count'))
            .where('article_id', '=', event.articleId)
            .where('day', '=', event.day)
            .where('source', '=', event.source)
            .where('visitor', '<>', event.visitor)
            .executeTakeFirstOrThrow();
          if (Number(others.count) >= perSource) return {};
        }
        const vote = {
          helpful: event.helpful ? 1 : 0,
          reason: event.reason ?? null,
          comment: event.comment ?? null,
          created_at: event.at,
        };
        const earlier = await trx
          .selectFrom('votes')
          .select(['helpful', 'reason'])
          .where('article_id', '=', event.articleId)
          .where('visitor', '=', event.visitor)
          .where('day', '=', event.day)
          .executeTakeFirst();
        const written = await trx
          .insertInto('votes')
          .values({ ...common(event), ...vote, article_id: event.articleId, source: event.source ?? null })
          .onConflict((conflict) => conflict.columns(['article_id', 'visitor', 'day']).doUpdateSet(vote))
          .executeTakeFirst();
        countVote(trx, { day: event.day, article_id: event.articleId }, vote, earlier);
        return written;
      }),
    recordView: (event: ViewEvent) =>
      once(event, async (trx) => {
        addCounts(trx, 'daily_articles', { day: event.day, article_id: event.articleId }, { views: 1 });
        return trx
          .insertInto('views')
          .values({ ...common(event), article_id: event.articleId })
          .executeTakeFirst();
      }),
    recordSearch: (event: SearchEvent) =>
      once(event, async (trx) => {
        const key = { day: event.day, locale: event.locale, normalized: event.normalized };
        addCounts(trx, 'daily_searches', key, { searches: 1, zero_results: event.resultCount === 0 ? 1 : 0 });
        return trackSearchFacts(engine, trx, event, event.resultCount === 0, () =>
          trx
            .insertInto('searches')
            .values({
              ...common(event),
              query: event.query,
              normalized: event.normalized,
              locale: event.locale,
              result_count: event.resultCount,
            })
            .executeTakeFirst(),
        );
      }),
    recordClick: (event: ClickEvent) =>
      once(event, async (trx) => {
        // A click counts for the locale of the article chosen: the search's own is not sent with it.
        const key = { day: event.day, locale: localeOf(event.articleId), normalized: event.normalized };
        addCounts(trx, 'daily_searches', key, { clicks: 1 });
        return trackSearchFacts(engine, trx, event, true, () =>
          trx
            .insertInto('search_clicks')
            .values({
              ...common(event),
              query: event.query,
              normalized: event.normalized,
              article_id: event.articleId,
              position: event.position,
            })
            .executeTakeFirst(),
        );
      }),
    recordContact: (event: ContactEvent) =>
      once(event, (trx) =>
        trackSearchFacts(engine, trx, event, false, () =>
          trx
            .insertInto('contact_clicks')
            .values({
              ...common(event),
              locale: event.locale,
              article_id: event.articleId ?? null,
              query: event.query ?? null,
              normalized: event.normalized ?? null,
            })
            .executeTakeFirst(),
        ),
      ),
    recordWidgetEvent: (event: WidgetEvent) =>
      once(event, async (trx) => {
        const type = { impression: 'impressions', click: 'clicks', contact: 'contacts' }[event.type];
        addCounts(
          trx,
          'daily_contexts',
          { day: event.day, locale: event.locale, context: event.context },
          { [type]: 1 },
        );
        return trx
          .insertInto('widget_events')
          .values({
            ...common(event),
            type: event.type,
            context: event.context,
            locale: event.locale,
            article_id: event.articleId ?? null,
            position: event.position ?? null,
          })
          .executeTakeFirst();
      }),
    /**
     * What readers of an article read next, most readers first; only articles at least `minReaders` went to.
     * Articles the readers of one went on to read within half an hour, the same day (visitor keys change daily).
     */
    async readNext(articleId: string, minReaders: number, limit: number) {
      const readers = sql<number>`count(DISTINCT a.visitor)`;
      const rows = await db
        .selectFrom('views as a')
        .innerJoin('views as b', (join) =>
          join
            .onRef('b.visitor', '=', 'a.visitor')
            .onRef('b.day', '=', 'a.day')
            .onRef('b.article_id', '<>', 'a.article_id'),
        )
        .select(['b.article_id as articleId', readers.as('readers')])
        .where('a.article_id', '=', articleId)
        .where(engine.minutesBetween('a.created_at', 'b.created_at'), '>=', 0)
        .where(engine.minutesBetween('a.created_at', 'b.created_at'), '<=', 30)
        .groupBy('b.article_id')
        .having(readers, '>=', minReaders)
        .orderBy('readers', 'desc')
        .orderBy('b.article_id')
        .limit(limit)
        .execute();
      return rows.map((row) => readNextRow.parse(row));
    },
    /** Helpful and total votes per article (the daily counts hold every day's), for the articles asked about that have any. */
    async helpfulness(ids: string[]): Promise<Map<string, VoteTally>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('daily_articles')
        .select([
          'article_id as articleId',
          (eb) => eb.fn.sum('helpful').as('helpful'),
          (eb) => eb.fn.sum(sql<number>`helpful + unhelpful`).as('total'),
        ])
        .where('article_id', 'in', ids)
        .groupBy('article_id')
        .having((eb) => eb.fn.sum(sql<number>`helpful + unhelpful`), '>', 0)
        .execute();
      return new Map(
        rows.map((row) => {
          const { articleId, helpful, total } = articleTally.parse(row);
          return [articleId, { helpful, total }];
        }),
      );
    },

    /** The secret for a day's visitor keys, made on first use; secrets older than yesterday are destroyed. */
    async saltFor(day: string, yesterday: string): Promise<Buffer> {
      const existing = await db.selectFrom('visitor_salts').select('salt').where('day', '=', day).executeTakeFirst();
      if (existing) return existing.salt;
      // Instances that start the day at once agree on one salt: the first insert wins, every one reads it back.
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto('visitor_salts')
          .values({ day, salt: randomBytes(32) })
          .onConflict((conflict) => conflict.doNothing())
          .execute();
        await trx.deleteFrom('visitor_salts').where('day', '<', yesterday).execute();
        return (await trx.selectFrom('visitor_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow())
          .salt;
      });
    },
  };
}

export type EventStorage = ReturnType<typeof createEventStorage>;
