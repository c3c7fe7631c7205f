import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { mapInTurns } from '../in-turns.ts';
import { THEME_DECISION_KINDS, type ThemeDecision } from '../themes/decisions.ts';
import { THEME_SOURCES, type ThemeSource } from '../../src/shared/themes.ts';
import type { Theme, ThemeItem, ThemeModel } from '../themes/theme.ts';
import type { Tables } from './tables.ts';

/** A theme as stored: its members are the items whose theme_id names it; `example` is its most central. */
export type StoredTheme = Omit<Theme, 'members'> & { example?: string };
/** How far each source has been read: the latest creation time collected. */
export type Watermarks = Partial<Record<ThemeSource, string>>;
/** An item and the theme it belongs to (null: none yet, or noise). */
export type StoredThemeItem = ThemeItem & { themeId: string | null };

const count = z.coerce.number();
const modelSchema: z.ZodType<ThemeModel> = z.object({
  idf: z.record(z.string(), z.number()),
  themes: z.array(z.object({ id: z.string(), centre: z.record(z.string(), z.number()) })),
  minSimilarity: z.number(),
});
const storedThemeSchema: z.ZodType<StoredTheme> = z.object({
  id: z.string(),
  terms: z.array(z.string()),
  label: z.string().optional(),
  ignored: z.boolean().optional(),
  example: z.string().optional(),
});
const json = <T>(schema: z.ZodType<T>) => z.string().transform((text) => schema.parse(JSON.parse(text)));
const stateRow = z.object({
  model: json(modelSchema).nullable(),
  themes: json(z.array(storedThemeSchema)).nullable(),
  reclustered_at: z.string().nullable(),
  reclustered_items: count,
  watermarks: json(z.partialRecord(z.enum(THEME_SOURCES), z.string())),
});
const itemRow = z.object({
  key: z.string(),
  source: z.enum(THEME_SOURCES),
  locale: z.string(),
  text: z.string(),
  article: z.string().nullable(),
  weight: count,
  at: z.string(),
  themeId: z.string().nullable(),
});
const decisionRow = z.object({
  kind: z.enum(THEME_DECISION_KINDS),
  anchor: json(z.array(z.string())),
  other: json(z.array(z.string())),
  label: z.string().nullable(),
});
const commentRow = z.object({
  article_id: z.string(),
  visitor: z.string(),
  day: z.string(),
  comment: z.string(),
  created_at: z.string(),
});
const surveyRow = z.object({
  id: count,
  comment: z.string(),
  locale: z.string(),
  article_id: z.string().nullable(),
  created_at: z.string(),
});
const failedFormRow = z.object({
  locale: z.string(),
  normalized: z.string(),
  query: z.string(),
  searches: count,
  at: z.string(),
});
const failedVisitorsRow = z.object({ locale: z.string(), normalized: z.string(), visitors: count });
export type CommentRow = z.infer<typeof commentRow>;
export type SurveyCommentRow = z.infer<typeof surveyRow>;
/** A failed query (locale and normalized form): its distinct searchers, latest search, and searches per typed form. */
export interface FailedSearchGroup {
  locale: string;
  normalized: string;
  visitors: number;
  at: string;
  forms: { query: string; searches: number }[];
}

/** Statements take at most this many keys: both engines cap a statement's parameters. */
const CHUNK = 1_000;
const chunks = <T>(list: T[]) =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** What the themes keep: the items readers said, the last clustering, staff's decisions. */
export function createThemeStorage(db: Kysely<Tables>) {
  const toRow = (item: ThemeItem) => ({
    key: item.key,
    source: item.source,
    locale: item.locale,
    text: item.text,
    article_id: item.article,
    weight: item.weight,
    at: item.at,
  });
  return {
    /** The last clustering and the watermarks; a database never clustered has neither model nor themes. */
    async state() {
      const row = await db.selectFrom('theme_state').selectAll().where('id', '=', 1).executeTakeFirst();
      const state = row ? stateRow.parse(row) : undefined;
      return {
        model: state?.model ?? null,
        themes: state?.themes ?? [],
        reclusteredAt: state?.reclustered_at ?? null,
        reclusteredItems: state?.reclustered_items ?? 0,
        watermarks: state?.watermarks ?? {},
      };
    },
    /** "No" votes with a comment stored at `since` or later. */
    async unhelpfulComments(since: string): Promise<CommentRow[]> {
      const rows = await db
        .selectFrom('votes')
        .select(['article_id', 'visitor', 'day', 'comment', 'created_at'])
        .where('helpful', '=', 0)
        .where('comment', 'is not', null)
        .where('created_at', '>=', since)
        .execute();
      return mapInTurns(rows, (row) => commentRow.parse(row));
    },
    /** Survey answers with a comment stored at `since` or later. */
    async surveyComments(since: string): Promise<SurveyCommentRow[]> {
      const rows = await db
        .selectFrom('survey_responses')
        .select(['id', 'comment', 'locale', 'article_id', 'created_at'])
        .where('comment', 'is not', null)
        .where('created_at', '>=', since)
        .execute();
      return mapInTurns(rows, (row) => surveyRow.parse(row));
    },
    /**
     * Each (locale, normalized) that failed again at `since` or later, counted over all its stored failed searches.
     * Counted by the database: a query may have failed tens of thousands of times, and the first run reads them all.
     */
    async failedQueries(since: string): Promise<FailedSearchGroup[]> {
      const failed = db
        .selectFrom('searches')
        .where('result_count', '=', 0)
        .where(
          sql<boolean>`(locale, normalized) IN (${db
            .selectFrom('searches')
            .select(['locale', 'normalized'])
            .where('result_count', '=', 0)
            .where('created_at', '>=', since)})`,
        );
      const [forms, visitors] = await Promise.all([
        failed
          .select(['locale', 'normalized', 'query'])
          .select((eb) => [eb.fn.countAll().as('searches'), eb.fn.max('created_at').as('at')])
          .groupBy(['locale', 'normalized', 'query'])
          .execute(),
        failed
          .select(['locale', 'normalized'])
          .select((eb) => eb.fn.count('visitor').distinct().as('visitors'))
          .groupBy(['locale', 'normalized'])
          .execute(),
      ]);
      const queries = new Map<string, FailedSearchGroup>();
      for (const row of visitors.map((row) => failedVisitorsRow.parse(row)))
        queries.set(`${row.locale}\n${row.normalized}`, { ...row, at: '', forms: [] });
      for (const { locale, normalized, query, searches, at } of forms.map((row) => failedFormRow.parse(row))) {
        // A query first stored between the two reads has one searcher at least, and one with no form read yet is
        // left to the next turn, which reads both again.
        const key = `${locale}\n${normalized}`;
        const failedQuery =
          queries.get(key) ?? queries.set(key, { locale, normalized, visitors: 1, at: '', forms: [] }).get(key)!;
        failedQuery.forms.push({ query, searches });
        if (at > failedQuery.at) failedQuery.at = at;
      }
      return [...queries.values()].filter((failedQuery) => failedQuery.forms.length > 0);
    },
    /** Stores new or updated items, keeping the theme each had, with how far the sources were read: both or neither. */
    async collected(items: ThemeItem[], watermarks: Watermarks) {
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(items))
          await trx
            .insertInto('theme_items')
            .values(part.map(toRow))
            .onConflict((c) =>
              c.column('key').doUpdateSet((eb) => ({
                text: eb.ref('excluded.text'),
                weight: eb.ref('excluded.weight'),
                at: eb.ref('excluded.at'),
              })),
            )
            .execute();
        await trx
          .insertInto('theme_state')
          .values({ id: 1, watermarks: JSON.stringify(watermarks) })
          .onConflict((c) => c.column('id').doUpdateSet({ watermarks: JSON.stringify(watermarks) }))
          .execute();
      });
    },
    /** Deletes the items said before `before` (a day): the retention period of the raw events they came from. */
    async deleteBefore(before: string) {
      await db.deleteFrom('theme_items').where('at', '<', before).execute();
    },
    /** Every item, oldest first. */
    async items(): Promise<StoredThemeItem[]> {
      const rows = await db
        .selectFrom('theme_items')
        .select(['key', 'source', 'locale', 'text', 'article_id as article', 'weight', 'at', 'theme_id as themeId'])
        .orderBy('at')
        .orderBy('key')
        .execute();
      return rows.map((row) => itemRow.parse(row));
    },
    /** Items said after `since` that no theme took: what may be a theme not seen yet. */
    async unthemedSince(since: string): Promise<number> {
      const row = await db
        .selectFrom('theme_items')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('theme_id', 'is', null)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      return count.parse(row.n);
    },
    async itemCount(): Promise<number> {
      const row = await db
        .selectFrom('theme_items')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return count.parse(row.n);
    },
    /**
     * A clustering stored whole in one transaction: its model and themes, and every item's theme (items in no
     * theme get none). `reclusteredAt` marks a full recluster; a staff decision reshapes without one.
     */
    async saveClustering(themes: Theme[], model: ThemeModel, recluster?: { at: string; items: number }) {
      await db.transaction().execute(async (trx) => {
        const stored = JSON.stringify(themes.map(({ members, ...theme }) => ({ ...theme, example: members[0] })));
        await trx
          .updateTable('theme_state')
          .set({
            model: JSON.stringify(model),
            themes: stored,
            ...(recluster && { reclustered_at: recluster.at, reclustered_items: recluster.items }),
          })
          .where('id', '=', 1)
          .execute();
        await trx.updateTable('theme_items').set({ theme_id: null }).where('theme_id', 'is not', null).execute();
        for (const theme of themes)
          for (const part of chunks(theme.members))
            await trx.updateTable('theme_items').set({ theme_id: theme.id }).where('key', 'in', part).execute();
      });
    },
    /** New items' themes between reclusters. */
    async assign(assignments: { key: string; themeId: string | null }[]) {
      await db.transaction().execute(async (trx) => {
        for (const { key, themeId } of assignments)
          await trx.updateTable('theme_items').set({ theme_id: themeId }).where('key', '=', key).execute();
      });
    },
    /** Staff's decisions, oldest first. */
    async decisions(): Promise<ThemeDecision[]> {
      const rows = await db
        .selectFrom('theme_decisions')
        .select(['kind', 'anchor', 'other', 'label'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => decisionRow.parse(row));
    },
    async decide(decision: ThemeDecision, by: { createdBy: string; createdAt: string }) {
      await db
        .insertInto('theme_decisions')
        .values({
          kind: decision.kind,
          anchor: JSON.stringify(decision.anchor),
          other: JSON.stringify(decision.other),
          label: decision.label,
          created_by: by.createdBy,
          created_at: by.createdAt,
        })
        .execute();
    },
  };
}

export type ThemeStorage = ReturnType<typeof createThemeStorage>;
