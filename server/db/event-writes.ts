import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type {
  ClickEvent,
  ContactEvent,
  SearchEvent,
  ViewEvent,
  VoteEvent,
  WidgetEvent,
  WriteResult,
} from './event-storage.ts';
import { addCounts, writeCounts } from './daily-counts.ts';
import type { Engine, EngineKind } from './engine.ts';
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
  | { kind: 'probe'; at: string };
type Event = Exclude<EventItem, { kind: 'probe' }>;
type Of<K extends Event['kind']> = Extract<Event, { kind: K }>;

/** Rows per statement: under both engines' limits on parameters. */
const CHUNK = 500;
/** Address groups looked up per statement. */
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
} as const;

/**
 * The voters of each (article, day, address) group, at most `limit` per group. The engines plan a list of groups
 * differently: SQLite, without statistics, reads an OR of groups through the day's index, so it gets one capped
 * lookup per group by the address index (a UNION); PostgreSQL plans one capped lookup per UNION branch before its
 * statistics know the table is large, scanning it each time, so it gets the ORed groups in one pass, numbered.
 */
const eachGroup = (groups: VoteEvent[], limit: number) =>
  sql.join(
    groups.map(
      (e, n) => sql`SELECT * FROM (SELECT article_id, day, source, visitor FROM votes
        WHERE article_id = ${e.articleId} AND day = ${e.day} AND source = ${e.source!} LIMIT ${limit}) ${sql.raw(`g${n}`)}`,
    ),
    sql` UNION ALL `,
  );
const anyGroup = (groups: VoteEvent[], limit: number) => sql`SELECT article_id, day, source, visitor FROM (
    SELECT article_id, day, source, visitor,
      row_number() OVER (PARTITION BY article_id, day, source ORDER BY visitor) AS n
    FROM votes WHERE ${sql.join(
      groups.map((e) => sql`(article_id = ${e.articleId} AND day = ${e.day} AND source = ${e.source!})`),
      sql` OR `,
    )}
  ) t WHERE n <= ${limit}`;

/** A visitor's vote of the day on an article, looked up by its key the same two ways. */
const eachVote = (votes: VoteEvent[]) =>
  sql.join(
    votes.map(
      (e, n) => sql`SELECT * FROM (SELECT article_id, visitor, day, helpful, reason FROM votes
        WHERE article_id = ${e.articleId} AND visitor = ${e.visitor} AND day = ${e.day}) ${sql.raw(`v${n}`)}`,
    ),
    sql` UNION ALL `,
  );
const anyVote = (votes: VoteEvent[]) =>
  sql`SELECT article_id, visitor, day, helpful, reason FROM votes WHERE ${sql.join(
    votes.map((e) => sql`(article_id = ${e.articleId} AND visitor = ${e.visitor} AND day = ${e.day})`),
    sql` OR `,
  )}`;
const earlierRow = z.object({
  article_id: z.string(),
  visitor: z.string(),
  day: z.string(),
  helpful: z.coerce.number(),
  reason: z.string().nullable(),
});

const voterRow = z.object({ article_id: z.string(), day: z.string(), source: z.string(), visitor: z.string() });

/**
 * Writes a batch of events in a few multi-row statements, whatever its size: one to learn which ids are new, one
 * per table, and for votes two reads (the cap per address, the votes they replace). PostgreSQL is a round trip away,
 * so statements per batch, not per event, are what lets a busy instance keep up.
 */
export async function writeEvents(
  engine: Pick<Engine, 'kind' | 'minutesBetween' | 'beforeSlash'>,
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
): Promise<number[]> {
  const groupOf = (e: VoteEvent) => JSON.stringify([e.articleId, e.day, e.source]);
  const sourced = votes.filter(({ item }) => item.event.source);
  const cap = Math.max(...votes.map(({ item }) => item.perSource));
  // The visitors each address already voted through, per article and day: at most the cap's worth are needed.
  const voters = new Map<string, Set<string>>();
  const distinct = [...new Map(sourced.map(({ item }) => [groupOf(item.event), item.event])).values()];
  // SQLite compounds at most 500 selects.
  for (let at = 0; at < distinct.length; at += GROUPS) {
    const chunk = distinct.slice(at, at + GROUPS);
    const limit = Math.min(cap, Number.MAX_SAFE_INTEGER - 1) + 1;
    const rows = await (kind === 'sqlite' ? eachGroup(chunk, limit) : anyGroup(chunk, limit)).execute(trx);
    for (const row of rows.rows.map((r) => voterRow.parse(r))) {
      const key = JSON.stringify([row.article_id, row.day, row.source]);
      (voters.get(key) ?? voters.set(key, new Set()).get(key)!).add(row.visitor);
    }
  }
  const capped: number[] = [];
  // In arrival order: a vote admitted earlier in the batch counts against the next.
  const accepted = new Map<string, VoteEvent>();
  for (const { i, item } of votes) {
    const e = item.event;
    if (e.source) {
      const group = voters.get(groupOf(e)) ?? voters.set(groupOf(e), new Set()).get(groupOf(e))!;
      if (!group.has(e.visitor) && group.size >= item.perSource) {
        capped.push(i);
        continue;
      }
      group.add(e.visitor);
    }
    // The visitor's later vote of the day on the article replaces the earlier, in the batch as in the table.
    accepted.set(JSON.stringify([e.articleId, e.visitor, e.day]), e);
  }
  const cappedSet = new Set(capped);
  // The votes these replace, to take their counts back out: from the table, then from earlier in the batch.
  const earlier = new Map<string, { helpful: number; reason: string | null }>();
  const keys = [...accepted.values()];
  for (let at = 0; at < keys.length; at += GROUPS) {
    const rows = await (kind === 'sqlite' ? eachVote : anyVote)(keys.slice(at, at + GROUPS)).execute(trx);
    for (const row of rows.rows.map((r) => earlierRow.parse(r)))
      earlier.set(JSON.stringify([row.article_id, row.visitor, row.day]), row);
  }
  for (const { i, item } of votes) {
    if (cappedSet.has(i)) continue;
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
