import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Tables } from './tables.ts';

const dismissalRow = z.object({
  itemId: z.string(),
  dismissedBy: z.string(),
  dismissedAt: z.string(),
  /** The item's readers affected and impact when it was dismissed. */
  affected: z.coerce.number(),
  impact: z.coerce.number(),
});
export type Dismissal = z.infer<typeof dismissalRow>;

/** Inbox items staff set aside (server/inbox/), keyed by item id; dismissing one again moves its moment. */
export function createDismissalStorage(db: Kysely<Tables>) {
  return {
    all: async () =>
      new Map(
        (
          await db
            .selectFrom('inbox_dismissals')
            .select([
              'item_id as itemId',
              'dismissed_by as dismissedBy',
              'dismissed_at as dismissedAt',
              'affected',
              'impact',
            ])
            .execute()
        ).map((row) => {
          const dismissal = dismissalRow.parse(row);
          return [dismissal.itemId, dismissal];
        }),
      ),
    dismiss: async (dismissal: Dismissal) => {
      const values = {
        dismissed_by: dismissal.dismissedBy,
        dismissed_at: dismissal.dismissedAt,
        affected: dismissal.affected,
        impact: dismissal.impact,
      };
      await db
        .insertInto('inbox_dismissals')
        .values({ item_id: dismissal.itemId, ...values })
        .onConflict((c) => c.column('item_id').doUpdateSet(values))
        .execute();
    },
    /** Whether the item was dismissed. */
    undo: async (itemId: string) =>
      Number(
        (await db.deleteFrom('inbox_dismissals').where('item_id', '=', itemId).executeTakeFirst()).numDeletedRows,
      ) > 0,
  };
}

export type DismissalStorage = ReturnType<typeof createDismissalStorage>;
