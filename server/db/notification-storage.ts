import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { localeSchema } from '../../src/shared/locales.ts';
import {
  DESTINATION_KINDS,
  notificationSchema,
  notificationSchemas,
  type Destination,
  type DestinationKind,
  type Notification,
  type OutboxMessage,
} from '../notify/notification.ts';
import type { Tables } from './tables.ts';

export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed', 'disabled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
/** What one attempt came to: delivered, to be tried again, given up on, or the destination said it is gone. */
export const ATTEMPT_OUTCOMES = ['delivered', 'retry', 'failed', 'gone'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
/** Made by an admin in the staff workspace, or from the environment at start (bootstrap.ts). */
export const DESTINATION_SOURCES = ['staff', 'env'] as const;
export type DestinationSource = (typeof DESTINATION_SOURCES)[number];

export const notificationTypeSchema = z.enum(Object.keys(notificationSchemas) as [keyof typeof notificationSchemas]);
const jsonList = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .transform((text) => JSON.parse(text) as unknown)
    .pipe(z.array(item));

const destinationRow = z.object({
  id: z.coerce.number(),
  kind: z.enum(DESTINATION_KINDS),
  name: z.string(),
  target: z.string(),
  secret: z.string().nullable(),
  locale: localeSchema,
  categories: jsonList(z.string()),
  locales: jsonList(localeSchema),
  types: jsonList(notificationTypeSchema),
  enabled: z.coerce.number().transform(Boolean),
  disabledReason: z.string().nullable(),
  source: z.enum(DESTINATION_SOURCES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A destination as stored: what the deliverer sees, and its bookkeeping. */
export type StoredDestination = z.infer<typeof destinationRow> & Destination;
/** What an admin or the environment sets. */
export type DestinationFields = Omit<Destination, 'id'>;

const messageRow = z.object({
  id: z.string(),
  destinationId: z.coerce.number(),
  type: notificationTypeSchema,
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.coerce.number(),
  nextAttemptAt: z.string(),
  lastStatus: z.coerce.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type OutboxRow = z.infer<typeof messageRow>;

const attemptRow = z.object({
  messageId: z.string(),
  attempt: z.coerce.number(),
  at: z.string(),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  status: z.coerce.number().nullable(),
  error: z.string().nullable(),
  durationMs: z.coerce.number(),
});
export type AttemptRow = z.infer<typeof attemptRow>;

const dueRow = z.object({
  id: z.string(),
  destinationId: z.coerce.number(),
  notification: z
    .string()
    .transform((text) => JSON.parse(text) as unknown)
    .pipe(notificationSchema),
  attempts: z.coerce.number(),
  createdAt: z.string(),
});

const envRow = destinationRow.pick({ id: true, target: true, secret: true, disabledReason: true });

const countRow = z.object({ status: z.enum(OUTBOX_STATUSES), n: z.coerce.number() });

/** A message the deliverer claimed: what to send, where, and since when it has waited (its retries end 3 days on). */
export interface DueMessage extends OutboxMessage {
  destination: StoredDestination;
  createdAt: string;
}

/** How one attempt ended, as the deliverer decided it. */
export interface AttemptRecord {
  messageId: string;
  destinationId: number;
  attempt: number;
  at: string;
  outcome: AttemptOutcome;
  status: number | null;
  error: string | null;
  durationMs: number;
  /** When to try again (outcome `retry`). */
  nextAttemptAt?: string;
}

/** A message's status after an attempt: a destination that is gone holds it until an admin retries it. */
const STATUS_AFTER: Record<AttemptOutcome, OutboxStatus> = {
  delivered: 'delivered',
  retry: 'pending',
  failed: 'failed',
  gone: 'disabled',
};

/** The webhook-id of a new outbox row. */
const newMessageId = () => `msg_${randomUUID()}`;

const ENV_GONE = 'no longer set in the environment';

/**
 * Notification destinations, the outbox (one row per notification and destination) and the log of delivery
 * attempts. Every write that belongs together is one transaction: a notification is queued for all its
 * destinations or none, and an attempt's outcome and its log line are stored together.
 */
export function createNotificationStorage(db: Kysely<Tables>) {
  const destinationsIn = (q: Kysely<Tables>) =>
    q
      .selectFrom('notification_destinations')
      .select([
        'id',
        'kind',
        'name',
        'target',
        'secret',
        'locale',
        'categories',
        'locales',
        'types',
        'enabled',
        'disabled_reason as disabledReason',
        'source',
        'created_at as createdAt',
        'updated_at as updatedAt',
      ]);
  const parseDestination = (row: unknown): StoredDestination => destinationRow.parse(row);
  const toRow = (fields: DestinationFields) => ({
    kind: fields.kind,
    name: fields.name,
    target: fields.target,
    secret: fields.secret,
    locale: fields.locale,
    categories: JSON.stringify(fields.categories),
    locales: JSON.stringify(fields.locales),
    types: JSON.stringify(fields.types),
    enabled: Number(fields.enabled),
  });
  const getIn = async (q: Kysely<Tables>, id: number) => {
    const row = await destinationsIn(q).where('id', '=', id).executeTakeFirst();
    return row && parseDestination(row);
  };

  return {
    destinations: async () => (await destinationsIn(db).orderBy('id').execute()).map(parseDestination),
    destination: (id: number) => getIn(db, id),
    async create(fields: DestinationFields, source: DestinationSource, at: string) {
      const { id } = await db
        .insertInto('notification_destinations')
        .values({ ...toRow(fields), source, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await getIn(db, Number(id)))!;
    },
    /** Switching a destination on or off by hand replaces the reason it was switched off for. */
    update: (id: number, changes: Partial<DestinationFields>, at: string) =>
      db.transaction().execute(async (trx) => {
        const current = await getIn(trx, id);
        if (!current) return undefined;
        await trx
          .updateTable('notification_destinations')
          .set({
            ...toRow({ ...current, ...changes }),
            ...(changes.enabled !== undefined && { disabled_reason: null }),
            updated_at: at,
          })
          .where('id', '=', id)
          .execute();
        return getIn(trx, id);
      }),
    /** Its queued messages and its log go with it. */
    remove: async (id: number) =>
      Number(
        (await db.deleteFrom('notification_destinations').where('id', '=', id).executeTakeFirst()).numDeletedRows,
      ) > 0,

    /**
     * Makes the environment's destination of the kind match `fields` (bootstrap.ts), or, with none, switches it off:
     * its held messages stay for when it is set again. Routing an admin changed stays; a new target or secret
     * switches it on again, as does the environment setting it again.
     */
    syncFromEnvironment: (kind: DestinationKind, fields: DestinationFields | undefined, at: string) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('notification_destinations')
          .select(['id', 'target', 'secret', 'disabled_reason as disabledReason'])
          .where('source', '=', 'env')
          .where('kind', '=', kind)
          .executeTakeFirst();
        const found = row && envRow.parse(row);
        if (!fields) {
          if (found)
            await trx
              .updateTable('notification_destinations')
              .set({ enabled: 0, disabled_reason: ENV_GONE, updated_at: at })
              .where('id', '=', found.id)
              .execute();
          return;
        }
        if (!found) {
          await trx
            .insertInto('notification_destinations')
            .values({ ...toRow(fields), source: 'env', created_at: at, updated_at: at })
            .execute();
          return;
        }
        const changed = found.target !== fields.target || found.secret !== fields.secret;
        if (!changed && found.disabledReason !== ENV_GONE) return;
        await trx
          .updateTable('notification_destinations')
          .set({ target: fields.target, secret: fields.secret, enabled: 1, disabled_reason: null, updated_at: at })
          .where('id', '=', found.id)
          .execute();
      }),

    /**
     * Queues the notification once for each enabled destination `choose` picks, in one transaction; answers the
     * new rows' ids (webhook-ids).
     */
    enqueue: (notification: Notification, choose: (destination: StoredDestination) => boolean, at: string) =>
      db.transaction().execute(async (trx) => {
        const enabled = (await destinationsIn(trx).where('enabled', '=', 1).execute()).map(parseDestination);
        const rows = enabled.filter(choose).map((destination) => ({
          id: newMessageId(),
          destination_id: destination.id,
          type: notification.type,
          notification: JSON.stringify(notification),
          status: 'pending',
          next_attempt_at: at,
          created_at: at,
        }));
        if (rows.length) await trx.insertInto('notification_outbox').values(rows).execute();
        return rows.map((row) => row.id);
      }),

    /**
     * Claims up to `limit` messages due at `now` for enabled destinations: each counts an attempt and is due
     * again only at `claimedUntil`, so a deliverer that dies mid-send leaves it to be sent again then, with the
     * same id, and no other deliverer sends it meanwhile.
     */
    claimDue: (now: string, claimedUntil: string, limit: number) =>
      db.transaction().execute(async (trx) => {
        const due = (
          await trx
            .selectFrom('notification_outbox as o')
            .innerJoin('notification_destinations as d', 'd.id', 'o.destination_id')
            .select([
              'o.id',
              'o.destination_id as destinationId',
              'o.notification',
              'o.attempts',
              'o.created_at as createdAt',
            ])
            .where('o.status', '=', 'pending')
            .where('o.next_attempt_at', '<=', now)
            .where('d.enabled', '=', 1)
            .orderBy('o.next_attempt_at')
            .limit(limit)
            .execute()
        ).map((row) => dueRow.parse(row));
        if (!due.length) return [];
        await trx
          .updateTable('notification_outbox')
          .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: claimedUntil }))
          .where(
            'id',
            'in',
            due.map((row) => row.id),
          )
          .execute();
        const byId = new Map(
          (
            await destinationsIn(trx)
              .where('id', 'in', [...new Set(due.map((row) => row.destinationId))])
              .execute()
          ).map((row) => {
            const destination = parseDestination(row);
            return [destination.id, destination];
          }),
        );
        return due.map((row): DueMessage => ({
          id: row.id,
          notification: row.notification,
          attempt: row.attempts + 1,
          destination: byId.get(row.destinationId)!,
          createdAt: row.createdAt,
        }));
      }),

    /** Stores an attempt's outcome and its log line; `gone` also switches the destination off with the reason. */
    record: (attempt: AttemptRecord) =>
      db.transaction().execute(async (trx) => {
        const status = STATUS_AFTER[attempt.outcome];
        await trx
          .updateTable('notification_outbox')
          .set({
            status,
            last_status: attempt.status,
            last_error: attempt.error,
            ...(attempt.nextAttemptAt && { next_attempt_at: attempt.nextAttemptAt }),
            ...(attempt.outcome === 'delivered' && { delivered_at: attempt.at }),
          })
          .where('id', '=', attempt.messageId)
          .execute();
        await trx
          .insertInto('notification_attempts')
          .values({
            destination_id: attempt.destinationId,
            message_id: attempt.messageId,
            attempt: attempt.attempt,
            at: attempt.at,
            outcome: attempt.outcome,
            status: attempt.status,
            error: attempt.error,
            duration_ms: Math.round(attempt.durationMs),
          })
          .execute();
        if (attempt.outcome === 'gone')
          await trx
            .updateTable('notification_destinations')
            .set({ enabled: 0, disabled_reason: attempt.error, updated_at: attempt.at })
            .where('id', '=', attempt.destinationId)
            .execute();
      }),

    /** A destination's delivery log: messages per status, its latest messages and attempts. */
    async log(destinationId: number, limit: number) {
      const counts = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
      const counted = await db
        .selectFrom('notification_outbox')
        .select((eb) => ['status', eb.fn.countAll().as('n')])
        .where('destination_id', '=', destinationId)
        .groupBy('status')
        .execute();
      for (const row of counted.map((row) => countRow.parse(row))) counts[row.status] = row.n;
      const messages = await db
        .selectFrom('notification_outbox')
        .select([
          'id',
          'destination_id as destinationId',
          'type',
          'status',
          'attempts',
          'next_attempt_at as nextAttemptAt',
          'last_status as lastStatus',
          'last_error as lastError',
          'created_at as createdAt',
          'delivered_at as deliveredAt',
        ])
        .where('destination_id', '=', destinationId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      const attempts = await db
        .selectFrom('notification_attempts')
        .select(['message_id as messageId', 'attempt', 'at', 'outcome', 'status', 'error', 'duration_ms as durationMs'])
        .where('destination_id', '=', destinationId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      const next = await db
        .selectFrom('notification_outbox')
        .select((eb) => eb.fn.min('next_attempt_at').as('at'))
        .where('destination_id', '=', destinationId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return {
        counts,
        nextAttemptAt: z
          .string()
          .nullable()
          .parse(next?.at ?? null),
        messages: messages.map((row) => messageRow.parse(row)),
        attempts: attempts.map((row) => attemptRow.parse(row)),
      };
    },

    /** Makes the destination's waiting, failed and held messages due at `now`; answers how many. */
    retryNow: async (destinationId: number, now: string) =>
      Number(
        (
          await db
            .updateTable('notification_outbox')
            .set({ status: 'pending', next_attempt_at: now })
            .where('destination_id', '=', destinationId)
            .where('status', 'in', ['pending', 'failed', 'disabled'])
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
  };
}

export type NotificationStorage = ReturnType<typeof createNotificationStorage>;
