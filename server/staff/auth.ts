import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { localeSchema, type Locale } from '../../src/shared/locales.ts';
import { readJsonBody } from '../api/json-body.ts';
import { roles, type Role, type Session, type StaffMember, type StaffStorage } from '../db/staff-storage.ts';
import { ApiError } from '../errors.ts';
import { dummyHash, verifyPassword } from './passwords.ts';

export type StaffEnv = { Variables: { session: Session; tokenHash: string } };

const IDLE_MS = 2 * 3_600_000;
const ABSOLUTE_MS = 12 * 3_600_000;
const COOKIE = 'helploop_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const cookieName = (secure: boolean) => (secure ? `__Host-${COOKIE}` : COOKIE);

export interface AuthDeps {
  staff: StaffStorage;
  clock: () => Date;
  /** Whether the request reached us over HTTPS (directly or through a trusted proxy). */
  isSecure: (c: Context) => boolean;
  clientKey: (c: Context) => string;
  /** The site's default locale: the workspace's language for staff who chose none. */
  defaultLocale: Locale;
}

/** The signed-in staff member, as login and /api/staff/me answer: the staff page reads it with this type. */
export interface Me {
  email: string;
  role: Role;
  csrfToken: string;
  /** The workspace's language: the one chosen, else the site's default. */
  locale: Locale;
}

/** Requires a live session; refreshes its idle timer. */
export function requireSession({ staff, clock, isSecure }: AuthDeps): MiddlewareHandler<StaffEnv> {
  return async function session(c, next) {
    const token = getCookie(c, cookieName(isSecure(c)));
    const tokenHash = token ? hashToken(token) : '';
    const found = token ? await staff.session(tokenHash) : undefined;
    const now = clock().getTime();
    if (!found || now - Date.parse(found.seenAt) > IDLE_MS || now - Date.parse(found.createdAt) > ABSOLUTE_MS) {
      if (found) await staff.endSession(tokenHash);
      throw new ApiError(401, 'unauthenticated', 'Log in to see staff reports');
    }
    await staff.touchSession(tokenHash, clock().toISOString());
    c.set('session', found);
    c.set('tokenHash', tokenHash);
    await next();
  };
}

/** Changes need the session's CSRF token in a header, which another site's page cannot read or send. */
export const requireCsrf: MiddlewareHandler<StaffEnv> = async function csrf(c, next) {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header('x-csrf-token') !== c.get('session').csrf) {
    throw new ApiError(403, 'csrf', 'Missing or wrong CSRF token');
  }
  await next();
};

export function requireRole(...allowed: Role[]): MiddlewareHandler<StaffEnv> {
  return async function role(c, next) {
    if (!allowed.includes(c.get('session').staff.role))
      throw new ApiError(403, 'forbidden', 'Your role cannot do this');
    await next();
  };
}

/** What every report and review needs: a live session of any role, and the CSRF token for changes. */
export const signedIn = (deps: AuthDeps) => [requireSession(deps), requireCsrf, requireRole(...roles)] as const;

const loginSchema = z.strictObject({ email: z.email(), password: z.string().min(1).max(200) });
const settingsSchema = z.strictObject({ locale: localeSchema });

/** Seconds a key must wait after `failures`: none for the first `free`, then 1, 2, 4 … up to 15 minutes. */
export const lockoutSeconds = (failures: number, free = 3) =>
  failures < free ? 0 : Math.min(900, 2 ** (failures - free));

/**
 * Failed logins are counted per account and client, per client, and per account by how many clients failed it.
 * A guesser slows down on the account it guesses and, after more, on every account; the account itself waits for
 * everyone only when many clients fail it (a spread attack), so one guesser cannot lock its rightful owner out.
 */
const THROTTLES = {
  pair: { key: (account: string, client: string) => `pair:${account}:${client}`, free: 3 },
  client: { key: (_account: string, client: string) => `client:${client}`, free: 10 },
  account: { key: (account: string) => `account:${account}`, free: 10 },
};

export function authRoutes(deps: AuthDeps) {
  const { staff, clock, isSecure, clientKey, defaultLocale } = deps;
  const me = (member: StaffMember, csrf: string): Me => ({
    email: member.email,
    role: member.role,
    csrfToken: csrf,
    locale: member.locale ?? defaultLocale,
  });
  return new Hono<StaffEnv>()
    .post('/login', async (c) => {
      const { email, password } = await readJsonBody(c, loginSchema);
      const account = email.toLowerCase();
      const client = clientKey(c);
      const now = clock().getTime();
      const waits = await Promise.all(
        Object.values(THROTTLES).map(async ({ key, free }) => {
          const failed = await staff.failures(key(account, client));
          return failed ? Date.parse(failed.lastAt) + lockoutSeconds(failed.failures, free) * 1000 - now : 0;
        }),
      );
      const wait = Math.max(...waits);
      if (wait > 0)
        throw new ApiError(429, 'login_delayed', 'Too many failed logins; wait and try again', undefined, {
          'Retry-After': String(Math.ceil(wait / 1000)),
        });
      const member = await staff.findByEmail(email);
      const valid = await verifyPassword(member?.passwordHash ?? (await dummyHash()), password);
      if (!member || !valid) {
        const at = clock().toISOString();
        // The account counts clients, not guesses: only a client's first failure on it adds one.
        const firstFromClient = !(await staff.failures(THROTTLES.pair.key(account, client)));
        for (const [name, { key }] of Object.entries(THROTTLES))
          if (name !== 'account' || firstFromClient) await staff.recordFailure(key(account, client), at);
        throw new ApiError(401, 'invalid_login', 'E-mail or password is wrong');
      }
      for (const { key } of Object.values(THROTTLES)) await staff.forgive(key(account, client));
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(32).toString('base64url');
      await staff.startSession(hashToken(token), member.id, csrf, clock().toISOString());
      const secure = isSecure(c);
      setCookie(c, cookieName(secure), token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure,
        path: '/',
        maxAge: ABSOLUTE_MS / 1000,
      });
      return c.json(me(member, csrf));
    })
    .post('/logout', requireSession(deps), requireCsrf, async (c) => {
      await staff.endSession(c.get('tokenHash'));
      deleteCookie(c, cookieName(isSecure(c)), { path: '/', secure: isSecure(c) });
      return c.json({ status: 'logged-out' });
    })
    .get('/me', requireSession(deps), (c) => {
      const { staff: member, csrf } = c.get('session');
      return c.json(me(member, csrf));
    })
    .patch('/me', ...signedIn(deps), async (c) => {
      const { locale } = await readJsonBody(c, settingsSchema);
      const { staff: member, csrf } = c.get('session');
      await staff.setLocale(member.id, locale);
      return c.json(me({ ...member, locale }, csrf));
    });
}
