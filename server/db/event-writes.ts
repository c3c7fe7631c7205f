import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type {
  ClickEvent,
  ContactEvent,
  SearchEvent,
  SurveyResponseEvent,
  ViewEvent,
  VoteEvent,
  WidgetEvent,
  WriteResult,
} from './event-storage.ts';
import { addCounts, writeCounts } from './daily-counts.ts';
import type { Engine, EngineKind } from './engine.ts';
import type { Dialect } from './dialects.ts';
import { countVote, searchFactsBefore } from './report-aggregates.ts';
import type { Tables } from './tables.ts';

/** What the event committer is given: an event of a kind, or the health check's probe. */
export type EventItem =
  | { kind: 'vote'; event: VoteEvent; perSource: number }
  | { kind: 'view'; event: ViewEvent }
  | { kind: 'search'; event: SearchEvent }
  | { kind: 'click'; event: ClickEvent }
  | { kind: 'contact'; event: ContactEvent }
  | { kind: 'widget'; event: WidgetEvent }
  | { kind: 'survey'; event: SurveyResponseEvent }
  | { kind: 'probe'; at: string };
type Event = Exclude<EventItem, { kind: 'probe' }>;
type Of<K extends Event['kind']> = Extract<Event, { kind: K }>;

/** Rows per statement: under both engines' limits on parameters. */
const CHUNK = 500;
/** Keys looked up per statement. */
const GROUPS = 100;
const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
const common = (e: { visitor: string; day: string; at: string }) => ({
  visitor: e.visitor,
  day: e.day,
  created_at: e.at,
});

/** Each plain event kind: its table and its row. */
const ROWS = {
  view: { table: 'views', row: ({ event: e }: Of<'view'>) => ({ ...common(e), article_id: e.articleId }) },
  search: {
    table: 'searches',
    row: ({ event: e }: Of<'search'>) => ({
      ...common(e),
      query: e.query,
      normalized: e.normalized,
      locale: e.locale,
      result_count: e.resultCount,
    }),
  },
  click: {
    table: 'search_clicks',
    row: ({ event: e }: Of<'click'>) => ({
      ...common(e),
      query: e.query,
      normalized: e.normalized,
      article_id: e.articleId,
      position: e.position,
    }),
  },
  contact: {
    table: 'contact_clicks',
    row: ({ event: e }: Of<'contact'>) => ({
      ...common(e),
      locale: e.locale,
      article_id: e.articleId ?? null,
      query: e.query ?? null,
      normalized: e.normalized ?? null,
    }),
  },
  widget: {
    table: 'widget_events',
    row: ({ event: e }: Of<'widget'>) => ({
      ...common(e),
      type: e.type,
      context: e.context,
      locale: e.locale,
      article_id: e.articleId ?? null,
      position: e.position ?? null,
    }),
  },
  survey: {
    table: 'survey_responses',
    row: ({ event: e }: Of<'survey'>) => ({
      survey_id: e.survey,
      kind: e.kind,
      score: e.score,
      band: e.band,
      comment: e.comment ?? null,
      locale: e.locale,
      article_id: e.articleId ?? null,
      context: e.context ?? null,
      path: e.path ?? null,
      day: e.day,
      created_at: e.at,
    }),
  },
} as const;

/**
 * The rows of votes that match any of `keys` (column → value), at most `limit` per key, a chunk at a time. The
 * engines plan a list of keys differently: SQLite, without statistics, reads an OR of keys through the day's index,
 * so it gets one lookup per key (a UNION; it compounds at most 500 selects); PostgreSQL plans one lookup per UNION
 * branch before its statistics know the table is large, scanning it each time, so it gets the ORed keys in one pass.
 */
async function votesByKeys<Row>(
  kind: EngineKind,
  trx: Transaction<Tables>,
  keys: Record<string, string>[],
  columns: string[],
  row: z.ZodType<Row>,
  limit?: number,
): Promise<Row[]> {
  const select = sql.join(columns.map((column) => sql.ref(column)));
  const match = (key: Record<string, string>) =>
    sql.join(
      Object.entries(key).map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
      sql` AND `,
    );
  const query = (chunk: Record<string, string>[]) => {
    if (kind === 'sqlite')
      return sql.join(
        chunk.map(
          (key, n) =>
            sql`SELECT * FROM (SELECT ${select} FROM votes WHERE ${match(key)}${limit === undefined ? sql`` : sql` LIMIT ${limit}`}) ${sql.raw(`k${n}`)}`,
        ),
        sql` UNION ALL `,
      );
    const any = sql.join(
      chunk.map((key) => sql`(${match(key)})`),
      sql` OR `,
    );
    if (limit === undefined) return sql`SELECT ${select} FROM votes WHERE ${any}`;
    const partition = sql.join(Object.keys(chunk[0]!).map((column) => sql.ref(column)));
    return sql`SELECT ${select} FROM (SELECT ${select}, row_number() OVER (PARTITION BY ${partition} ORDER BY visitor) AS n
      FROM votes WHERE ${any}) t WHERE n <= ${limit}`;
  };
  const rows: Row[] = [];
  for (let at = 0; at < keys.length; at += GROUPS)
    for (const found of (await query(keys.slice(at, at + GROUPS)).execute(trx)).rows) rows.push(row.parse(found));
  return rows;
}

const earlierRow = z.object({
  article_id: z.string(),
  visitor: z.string(),
  day: z.string(),
  helpful: z.coerce.number(),
  reason: z.string().nullable(),
});

const EARLIER_COLUMNS = ['article_id', 'visitor', 'day', 'helpful', 'reason'];
const voterRow = z.object({ article_id: z.string(), day: z.string(), source: z.string(), visitor: z.string() });
const VOTER_COLUMNS = ['article_id', 'day', 'source', 'visitor'];

/**
 * Writes a batch of events in a few multi-row statements, whatever its size: one to learn which ids are new, one
 * per table, and for votes two reads (the cap per address, the votes they replace). PostgreSQL is a round trip away,
 * so statements per batch, not per event, are what lets a busy instance keep up.
 */
export async function writeEvents(
  engine: Pick<Engine, 'kind'> & Dialect,
  trx: Transaction<Tables>,
  items: EventItem[],
): Promise<WriteResult[]> {
  // A probe is a real write too: it is `stored` once its batch is committed.
  const results: WriteResult[] = items.map(() => 'stored');
  const probes = items.flatMap((item) => (item.kind === 'probe' ? [item.at] : []));
  if (probes.length)
    await trx
      .insertInto('health_probe')
      .values({ id: 1, at: probes.at(-1)! })
      .onConflict((c) => c.column('id').doUpdateSet({ at: probes.at(-1)! }))
      .execute();

  // A retried beacon finds its id stored before; the same id twice in one batch is stored once.
  const events = items.flatMap((item, i) => (item.kind === 'probe' ? [] : [{ i, item }]));
  const fresh = new Set<string>();
  for (const chunk of chunks(events))
    for (const row of await trx
      .insertInto('received_events')
      .values(chunk.map(({ item }) => ({ event_id: item.event.eventId, received_at: item.event.at })))
      .onConflict((c) => c.doNothing())
      .returning('event_id')
      .execute())
      fresh.add(row.event_id);
  const stored = events.filter(({ i, item }) => {
    const isNew = fresh.delete(item.event.eventId);
    results[i] = isNew ? 'stored' : 'duplicate';
    return isNew;
  });

  // The search facts of the readers' days, before these events change them (report-aggregates.ts).
  const searchy = stored.flatMap(({ item }) =>
    item.kind === 'search' || item.kind === 'click' || item.kind === 'contact' ? [item] : [],
  );
  const rephrase = searchy.some((item) => item.kind === 'click' || (item.kind === 'search' && !item.event.resultCount));
  const countSearchFacts = searchy.length
    ? await searchFactsBefore(
        engine,
        trx,
        searchy.map((item) => item.event),
        rephrase,
      )
    : undefined;

  for (const [kind, { table, row }] of Object.entries(ROWS)) {
    const rows = stored.flatMap(({ item }) => (item.kind === kind ? [(row as (item: Event) => object)(item)] : []));
    for (const chunk of chunks(rows))
      await trx
        .insertInto(table as keyof Tables)
        .values(chunk as never)
        .execute();
  }
  for (const { item } of stored) countEvent(trx, item);
  const votes = stored.flatMap(({ i, item }) => (item.kind === 'vote' ? [{ i, item }] : []));
  if (votes.length) for (const i of await writeVotes(engine.kind, trx, votes)) results[i] = 'capped';
  await countSearchFacts?.();
  await writeCounts(trx);
  return results;
}

const localeOf = (articleId: string) => articleId.slice(0, articleId.indexOf('/'));

/** What a stored event (but a vote, counted with what it replaces) adds to the daily counts. */
function countEvent(trx: Transaction<Tables>, item: Event) {
  const { day } = item.event;
  if (item.kind === 'view') addCounts(trx, 'daily_articles', { day, article_id: item.event.articleId }, { views: 1 });
  if (item.kind === 'search')
    addCounts(
      trx,
      'daily_searches',
      { day, locale: item.event.locale, normalized: item.event.normalized },
      { searches: 1, zero_results: item.event.resultCount === 0 ? 1 : 0 },
    );
  // A click counts for the locale of the article chosen: the search's own is not sent with it.
  if (item.kind === 'click')
    addCounts(
      trx,
      'daily_searches',
      { day, locale: localeOf(item.event.articleId), normalized: item.event.normalized },
      { clicks: 1 },
    );
  if (item.kind === 'widget') {
    const column = { impression: 'impressions', click: 'clicks', contact: 'contacts' }[item.event.type];
    addCounts(trx, 'daily_contexts', { day, locale: item.event.locale, context: item.event.context }, { [column]: 1 });
  }
}

/**
 * Stores the votes, each unless its address (source) already gave `perSource` other visitors' votes on the article
 * that day; a later vote of the visitor the same day replaces the earlier. Answers the batch positions capped.
 */
async function writeVotes(
  kind: EngineKind,
  trx: Transaction<Tables>,
  votes: { i: number; item: Of<'vote'> }[],
): Promise<Set<number>> {
  const groupOf = (e: VoteEvent) => JSON.stringify([e.articleId, e.day, e.source]);
  const sourced = votes.filter(({ item }) => item.event.source);
  const cap = Math.max(...votes.map(({ item }) => item.perSource));
  // The visitors each address already voted through, per article and day: at most the cap's worth are needed.
  const voters = new Map<string, Set<string>>();
  const groups = new Map(
    sourced.map(({ item: { event: e } }) => [groupOf(e), { article_id: e.articleId, day: e.day, source: e.source! }]),
  );
  const limit = Math.min(cap, Number.MAX_SAFE_INTEGER - 1) + 1;
  for (const row of await votesByKeys(kind, trx, [...groups.values()], VOTER_COLUMNS, voterRow, limit)) {
    const key = JSON.stringify([row.article_id, row.day, row.source]);
    (voters.get(key) ?? voters.set(key, new Set()).get(key)!).add(row.visitor);
  }
  const capped = new Set<number>();
  // In arrival order: a vote admitted earlier in the batch counts against the next.
  const accepted = new Map<string, VoteEvent>();
  for (const { i, item } of votes) {
    const e = item.event;
    if (e.source) {
      const group = voters.get(groupOf(e)) ?? voters.set(groupOf(e), new Set()).get(groupOf(e))!;
      if (!group.has(e.visitor) && group.size >= item.perSource) {
        capped.add(i);
        continue;
      }
      group.add(e.visitor);
    }
    // The visitor's later vote of the day on the article replaces the earlier, in the batch as in the table.
    accepted.set(JSON.stringify([e.articleId, e.visitor, e.day]), e);
  }
  // The votes these replace, to take their counts back out: from the table, then from earlier in the batch.
  const earlier = new Map<string, { helpful: number; reason: string | null }>();
  const keys = [...accepted.values()].map((e) => ({ article_id: e.articleId, visitor: e.visitor, day: e.day }));
  for (const row of await votesByKeys(kind, trx, keys, EARLIER_COLUMNS, earlierRow))
    earlier.set(JSON.stringify([row.article_id, row.visitor, row.day]), row);
  for (const { i, item } of votes) {
    if (capped.has(i)) continue;
    const e = item.event;
    const key = JSON.stringify([e.articleId, e.visitor, e.day]);
    const vote = { helpful: e.helpful ? 1 : 0, reason: e.reason ?? null };
    countVote(trx, { day: e.day, article_id: e.articleId }, vote, earlier.get(key));
    earlier.set(key, vote);
  }
  for (const chunk of chunks([...accepted.values()]))
    await trx
      .insertInto('votes')
      .values(
        chunk.map((e) => ({
          ...common(e),
          article_id: e.articleId,
          source: e.source ?? null,
          helpful: e.helpful ? 1 : 0,
          reason: e.reason ?? null,
          comment: e.comment ?? null,
        })),
      )
      .onConflict((c) =>
        c.columns(['article_id', 'visitor', 'day']).doUpdateSet((eb) => ({
          helpful: eb.ref('excluded.helpful'),
          reason: eb.ref('excluded.reason'),
          comment: eb.ref('excluded.comment'),
          created_at: eb.ref('excluded.created_at'),
        })),
      )
      .execute();
  return capped;
}
