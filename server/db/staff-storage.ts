import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { localeSchema, type Locale } from '../../src/shared/locales.ts';
import type { Tables } from './tables.ts';

export const roles = ['support', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** The language chosen in the workspace; none (or one the UI no longer offers) follows the site's default. */
const chosenLocale = localeSchema.nullable().catch(null);

const memberSchema = z.object({
  id: z.coerce.number(),
  email: z.string(),
  role: z.enum(roles),
  createdAt: z.string(),
  locale: chosenLocale,
});
export type StaffMember = z.infer<typeof memberSchema>;

const sessionRow = z.object({
  csrf: z.string(),
  createdAt: z.string(),
  seenAt: z.string(),
  id: z.coerce.number(),
  email: z.string(),
  role: z.enum(roles),
  staffCreatedAt: z.string(),
  locale: chosenLocale,
});
const failuresRow = z.object({ failures: z.coerce.number(), lastAt: z.string() });

export interface Session {
  staff: StaffMember;
  csrf: string;
  createdAt: string;
  seenAt: string;
}

/**
 * Staff accounts, sessions and failed-login counts, in the database so every instance shares them. E-mail
 * addresses are compared without case in both engines.
 */
export function createStaffStorage(db: Kysely<Tables>) {
  const members = db.selectFrom('staff').select(['id', 'email', 'role', 'created_at as createdAt', 'locale']);
  const lowerEmail = sql<string>`lower(email)`;
  return {
    async findByEmail(email: string) {
      const row = await members
        .select('password_hash as passwordHash')
        .where(lowerEmail, '=', email.toLowerCase())
        .executeTakeFirst();
      return row && { ...memberSchema.parse(row), passwordHash: z.string().parse(row.passwordHash) };
    },
    list: async () => (await members.orderBy('email').execute()).map((row) => memberSchema.parse(row)),
    add: async (email: string, role: Role, passwordHash: string, at: string) =>
      void (await db
        .insertInto('staff')
        .values({ email, role, password_hash: passwordHash, created_at: at })
        .execute()),
    remove: async (email: string) =>
      Number(
        (await db.deleteFrom('staff').where(lowerEmail, '=', email.toLowerCase()).executeTakeFirst()).numDeletedRows,
      ) > 0,
    /** A new password ends every session of the account. */
    resetPassword: (email: string, passwordHash: string) =>
      db.transaction().execute(async (trx) => {
        const account = trx.selectFrom('staff').select('id').where(lowerEmail, '=', email.toLowerCase());
        await trx.deleteFrom('sessions').where('staff_id', 'in', account).execute();
        const updated = await trx
          .updateTable('staff')
          .set({ password_hash: passwordHash })
          .where(lowerEmail, '=', email.toLowerCase())
          .executeTakeFirst();
        return Number(updated.numUpdatedRows) > 0;
      }),
    setLocale: async (id: number, locale: Locale) =>
      void (await db.updateTable('staff').set({ locale }).where('id', '=', id).execute()),
    startSession: async (tokenHash: string, staffId: number, csrf: string, at: string) =>
      void (await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, staff_id: staffId, csrf, created_at: at, seen_at: at })
        .execute()),
    async session(tokenHash: string): Promise<Session | undefined> {
      const found = await db
        .selectFrom('sessions as s')
        .innerJoin('staff as m', 'm.id', 's.staff_id')
        .select([
          's.csrf',
          's.created_at as createdAt',
          's.seen_at as seenAt',
          'm.id',
          'm.email',
          'm.role',
          'm.created_at as staffCreatedAt',
          'm.locale',
        ])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!found) return undefined;
      const row = sessionRow.parse(found);
      return {
        csrf: row.csrf,
        createdAt: row.createdAt,
        seenAt: row.seenAt,
        staff: { id: row.id, email: row.email, role: row.role, createdAt: row.staffCreatedAt, locale: row.locale },
      };
    },
    touchSession: async (tokenHash: string, at: string) =>
      void (await db.updateTable('sessions').set({ seen_at: at }).where('token_hash', '=', tokenHash).execute()),
    endSession: async (tokenHash: string) =>
      void (await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()),
    async failures(key: string) {
      const row = await db
        .selectFrom('login_failures')
        .select(['failures', 'last_at as lastAt'])
        .where('key', '=', key)
        .executeTakeFirst();
      return row && failuresRow.parse(row);
    },
    recordFailure: async (key: string, at: string) =>
      void (await db
        .insertInto('login_failures')
        .values({ key, failures: 1, last_at: at })
        .onConflict((c) =>
          c.column('key').doUpdateSet((eb) => ({
            failures: eb('login_failures.failures', '+', 1),
            last_at: eb.ref('excluded.last_at'),
          })),
        )
        .execute()),
    forgive: async (key: string) => void (await db.deleteFrom('login_failures').where('key', '=', key).execute()),
  };
}

export type StaffStorage = ReturnType<typeof createStaffStorage>;
