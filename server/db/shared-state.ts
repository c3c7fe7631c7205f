import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Tables } from './tables.ts';

const reservedRow = z.object({ reserved: z.coerce.number() });

/** What instances of one deployment share beyond events and staff: job leases and rate-limit counts. */
export function createSharedState(db: Kysely<Tables>) {
  let cleared = -1;
  return {
    /**
     * Takes the job's lease until `until` when it is free, expired, or already this holder's; answers whether this
     * holder has it now. One statement decides, so two instances asking at once cannot both get it.
     */
    async lease(name: string, holder: string, now: string, until: string): Promise<boolean> {
      await db
        .insertInto('job_leases')
        .values({ name, holder, expires_at: until })
        .onConflict((c) =>
          c
            .column('name')
            .doUpdateSet({ holder, expires_at: until })
            .where((eb) => eb.or([eb('job_leases.expires_at', '<=', now), eb('job_leases.holder', '=', holder)])),
        )
        .execute();
      const row = await db.selectFrom('job_leases').select('holder').where('name', '=', name).executeTakeFirst();
      return row?.holder === holder;
    },
    /**
     * Reserves `count` more events of the key's minute for this instance and answers how many all instances have
     * reserved now, this one included: one atomic statement, so reservations never overlap. Past minutes' rows are
     * deleted once a minute.
     */
    async reserve(key: string, minute: number, count: number): Promise<number> {
      if (cleared !== minute) {
        cleared = minute;
        await db.deleteFrom('rate_counts').where('minute', '<', minute).execute();
      }
      const row = await db
        .insertInto('rate_counts')
        .values({ key, minute, reserved: count })
        .onConflict((c) =>
          c.columns(['key', 'minute']).doUpdateSet((eb) => ({
            reserved: eb('rate_counts.reserved', '+', eb.ref('excluded.reserved')),
          })),
        )
        .returning('reserved')
        .executeTakeFirstOrThrow();
      return reservedRow.parse(row).reserved;
    },
  };
}

export type SharedState = ReturnType<typeof createSharedState>;
