import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Tables } from './tables.ts';

/** A "No" vote's comment as stored (masked), with its reason and when it was given. */
export interface VoteComment {
  articleId: string;
  comment: string;
  reason: string | null;
  at: string;
}
/** A comment waiting in its article's batch, which opened at `batchAt`. */
export interface BatchedComment extends VoteComment {
  batchAt: string;
}
export interface AlertState {
  firedAt: string;
  /** When the condition last stopped holding; null while it holds. */
  clearedAt: string | null;
}

const voteComment = z.object({
  articleId: z.string(),
  comment: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
const batchedComment = voteComment.extend({ batchAt: z.string() });
const openBatch = z.object({ articleId: z.string(), batchAt: z.string() });
const alertRow = z.object({ subject: z.string(), firedAt: z.string(), clearedAt: z.string().nullable() });

/** Another runner moved the comment cursor meanwhile: this run's reading is dropped, the next reads again. */
export class CursorMovedError extends Error {}

/**
 * What the notification triggers keep between runs, so a restart or another instance carries on where the last
 * run stopped: named values (the comment cursor, the week's digest), comments waiting in batches, alerts fired.
 */
export function createTriggerStorage(db: Kysely<Tables>) {
  const state = async (name: string) =>
    (await db.selectFrom('notify_state').select('value').where('name', '=', name).executeTakeFirst())?.value;
  return {
    state,
    /** Sets a named value, only forward: answers false when it already was `value` or later. */
    async advance(name: string, value: string): Promise<boolean> {
      const row = await db
        .insertInto('notify_state')
        .values({ name, value })
        .onConflict((c) => c.column('name').doUpdateSet({ value }).where('notify_state.value', '<', value))
        .returning('value')
        .executeTakeFirst();
      return row !== undefined;
    },
    /** "No" votes with a comment stored after `after` up to `upTo`, oldest first. */
    newComments: async (after: string, upTo: string): Promise<VoteComment[]> =>
      (
        await db
          .selectFrom('votes')
          .select(['article_id as articleId', 'comment', 'reason', 'created_at as at'])
          .where('comment', 'is not', null)
          .where('helpful', '=', 0)
          .where('created_at', '>', after)
          .where('created_at', '<=', upTo)
          .orderBy('created_at')
          .execute()
      ).map((row) => voteComment.parse(row)),
    /** The latest batch each article has waiting. */
    openBatches: async () =>
      new Map(
        (
          await db
            .selectFrom('notify_comments')
            .select(['article_id as articleId', (eb) => eb.fn.max('batch_at').as('batchAt')])
            .groupBy('article_id')
            .execute()
        ).map((row) => {
          const { articleId, batchAt } = openBatch.parse(row);
          return [articleId, batchAt];
        }),
      ),
    /**
     * Adds comments to their batches and moves the cursor from `from` to `to`, in one transaction: a comment is
     * batched exactly when the cursor passes it. Throws CursorMovedError when the cursor is no longer at `from`.
     */
    batchComments: (name: string, from: string, to: string, comments: BatchedComment[]) =>
      db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('notify_state')
          .set({ value: to })
          .where('name', '=', name)
          .where('value', '=', from)
          .executeTakeFirst();
        if (moved.numUpdatedRows !== 1n) throw new CursorMovedError(`${name} is no longer at ${from}`);
        if (comments.length === 0) return;
        await trx
          .insertInto('notify_comments')
          .values(
            comments.map((c) => ({
              article_id: c.articleId,
              batch_at: c.batchAt,
              comment: c.comment,
              reason: c.reason,
              at: c.at,
            })),
          )
          .execute();
      }),
    /** The comments of batches opened at or before `openedBy`, oldest first. */
    batchedComments: async (openedBy: string): Promise<BatchedComment[]> =>
      (
        await db
          .selectFrom('notify_comments')
          .select(['article_id as articleId', 'batch_at as batchAt', 'comment', 'reason', 'at'])
          .where('batch_at', '<=', openedBy)
          .orderBy('batch_at')
          .orderBy('article_id')
          .orderBy('at')
          .orderBy('id')
          .execute()
      ).map((row) => batchedComment.parse(row)),
    dropBatch: async (articleId: string, batchAt: string) => {
      await db
        .deleteFrom('notify_comments')
        .where('article_id', '=', articleId)
        .where('batch_at', '=', batchAt)
        .execute();
    },
    /** The alerts of a type that fired and have not been forgotten, by subject. */
    alerts: async (type: string): Promise<Map<string, AlertState>> =>
      new Map(
        (
          await db
            .selectFrom('notify_alerts')
            .select(['subject', 'fired_at as firedAt', 'cleared_at as clearedAt'])
            .where('type', '=', type)
            .execute()
        ).map((row) => {
          const { subject, ...alert } = alertRow.parse(row);
          return [subject, alert];
        }),
      ),
    fired: async (type: string, subject: string, at: string) => {
      const values = { fired_at: at, cleared_at: null };
      await db
        .insertInto('notify_alerts')
        .values({ type, subject, ...values })
        .onConflict((c) => c.columns(['type', 'subject']).doUpdateSet(values))
        .execute();
    },
    cleared: async (type: string, subjects: string[], at: string) => {
      if (subjects.length === 0) return;
      await db
        .updateTable('notify_alerts')
        .set({ cleared_at: at })
        .where('type', '=', type)
        .where('subject', 'in', subjects)
        .where('cleared_at', 'is', null)
        .execute();
    },
    /** Forgets alerts that cleared and fired before `firedBefore`: they may fire again as if new. */
    forget: async (type: string, firedBefore: string) => {
      await db
        .deleteFrom('notify_alerts')
        .where('type', '=', type)
        .where('cleared_at', 'is not', null)
        .where('fired_at', '<', firedBefore)
        .execute();
    },
  };
}

export type TriggerStorage = ReturnType<typeof createTriggerStorage>;
