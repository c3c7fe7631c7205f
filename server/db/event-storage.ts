import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type {
  clickSchema,
  contactSchema,
  searchSchema,
  surveyResponseSchema,
  viewSchema,
  voteSchema,
  widgetEventSchema,
} from '../api/schemas.ts';
import type { ScoreBand, SurveyKind } from '../../src/shared/surveys.ts';
import type { Engine } from './engine.ts';
import { writeEvents, type EventItem } from './event-writes.ts';
import { groupCommit } from './group-commit.ts';

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
/** An answer as accepted, with its survey's kind and the answer's band; its visitor is not stored (see 014). */
export type SurveyResponseEvent = Received &
  z.infer<typeof surveyResponseSchema> & { kind: SurveyKind; band: ScoreBand };

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

const articleTally = z.object({ articleId: z.string(), helpful: z.coerce.number(), total: z.coerce.number() });
const readNextRow = z.object({ articleId: z.string(), readers: z.coerce.number() });

/**
 * The reader events, behind the narrow interface the API uses, on either engine. Writes are group-committed (see
 * group-commit.ts) a batch at a time (event-writes.ts): when a write's promise resolves, the event is committed.
 */
export function createEventStorage(engine: Engine) {
  const { db } = engine;
  const commit = groupCommit(db, engine.checkWritable, (trx, items: EventItem[]) => writeEvents(engine, trx, items));

  return {
    /** A real write, committed like an event's: rejects with the reason when the database cannot store events now. */
    probe: async (at: string) => void (await commit({ kind: 'probe', at })),
    /**
     * Stores a vote unless its source already gave `perSource` other visitors' votes on the article that day. A
     * later vote of the visitor the same day replaces the earlier.
     */
    recordVote: (event: VoteEvent, perSource = Number.MAX_SAFE_INTEGER) => commit({ kind: 'vote', event, perSource }),
    recordView: (event: ViewEvent) => commit({ kind: 'view', event }),
    recordSearch: (event: SearchEvent) => commit({ kind: 'search', event }),
    recordClick: (event: ClickEvent) => commit({ kind: 'click', event }),
    recordContact: (event: ContactEvent) => commit({ kind: 'contact', event }),
    recordWidgetEvent: (event: WidgetEvent) => commit({ kind: 'widget', event }),
    recordSurveyResponse: (event: SurveyResponseEvent) => commit({ kind: 'survey', event }),
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
