import { Hono } from 'hono';
import { z } from 'zod';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import { localeSchema } from '../../src/shared/locales.ts';
import { readJsonBody, validate } from '../api/json-body.ts';
import {
  notificationTypeSchema,
  type DestinationFields,
  type NotificationStorage,
  type StoredDestination,
} from '../db/notification-storage.ts';
import { ApiError } from '../errors.ts';
import { DESTINATION_KINDS } from '../notify/notification.ts';
import { checkTargetUrl, RefusedTargetError } from '../notify/ssrf-guard.ts';
import { newWebhookSecret, WEBHOOK_SECRET } from '../notify/webhook-signature.ts';
import { requireCsrf, requireRole, requireSession, type AuthDeps, type StaffEnv } from './auth.ts';

const routing = {
  name: z.string().trim().min(1).max(100),
  target: z.string().trim().min(1).max(2000),
  /** Webhooks only; left out when creating one, a new secret is made and answered once. */
  secret: z.string().regex(WEBHOOK_SECRET, 'must be whsec_ and a base64 key').optional(),
  locale: localeSchema,
  categories: z.array(z.string().min(1).max(100)).max(100),
  locales: z.array(localeSchema),
  types: z.array(notificationTypeSchema).min(1, 'must name at least one type'),
  enabled: z.boolean(),
};
const createSchema = z.strictObject({
  kind: z.enum(DESTINATION_KINDS),
  ...routing,
  categories: routing.categories.default([]),
  locales: routing.locales.default([]),
  types: routing.types.default(notificationTypeSchema.options),
  enabled: routing.enabled.default(true),
});
const updateSchema = z.strictObject(routing).partial();
const idSchema = z.coerce.number().int().positive();
const logQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** What an admin sends to create a destination, and to change one (any of its fields but the kind). */
export type DestinationInput = z.input<typeof createSchema>;
export type DestinationChanges = z.input<typeof updateSchema>;
/** A destination as the staff page sees it: never its secret, only whether it has one. */
export type DestinationView = Omit<StoredDestination, 'secret'> & { hasSecret: boolean };
export type DestinationLog = Awaited<ReturnType<NotificationStorage['log']>> & { destination: DestinationView };

const view = ({ secret, ...destination }: StoredDestination): DestinationView => ({
  ...destination,
  hasSecret: secret !== null,
});
const emailList = z.array(z.email());

/** What is wrong with a destination as it would be stored, by field. */
function problems(fields: DestinationFields, manifest: Manifest) {
  const found: { path: string; message: string }[] = [];
  if (fields.kind === 'email') {
    if (!emailList.safeParse(fields.target.split(',').map((to) => to.trim())).success)
      found.push({ path: 'target', message: 'must be e-mail addresses, comma-separated' });
  } else {
    try {
      // Only the scheme here: where a host name leads is checked as each message is sent.
      checkTargetUrl(fields.target, true);
    } catch (error) {
      if (!(error instanceof RefusedTargetError)) throw error;
      found.push({ path: 'target', message: error.message });
    }
  }
  if (fields.kind !== 'webhook' && fields.secret !== null)
    found.push({ path: 'secret', message: 'only webhooks have a signing secret' });
  const known = new Set(manifest.categories.map((category) => category.id));
  for (const category of fields.categories.filter((id) => !known.has(id)))
    found.push({ path: 'categories', message: `${category} is not a category of this site` });
  if (found.length) throw new ApiError(400, 'invalid_body', 'The destination is not valid', found);
}

export interface NotificationRouteDeps {
  notifications: NotificationStorage;
  manifest: Manifest;
}

/** /api/staff/notifications: the destinations notifications go to and their delivery logs, for admins only. */
export function notificationRoutes({ notifications, manifest }: NotificationRouteDeps, deps: AuthDeps) {
  const admin = [requireSession(deps), requireCsrf, requireRole('admin')] as const;
  const now = () => deps.clock().toISOString();
  const find = async (id: string) => {
    const destination = await notifications.destination(validate(idSchema, id));
    if (!destination) throw new ApiError(404, 'unknown_destination', `No destination with id ${id}`);
    return destination;
  };
  const notFromEnvironment = (destination: StoredDestination, what: string) => {
    if (destination.source === 'env')
      throw new ApiError(409, 'set_by_environment', `This destination comes from the environment: ${what} there`);
  };

  return new Hono<StaffEnv>()
    .get('/destinations', ...admin, async (c) =>
      c.json({ destinations: (await notifications.destinations()).map(view) }),
    )
    .post('/destinations', ...admin, async (c) => {
      const { secret: given, ...input } = await readJsonBody(c, createSchema);
      const secret = input.kind === 'webhook' ? (given ?? newWebhookSecret()) : (given ?? null);
      const fields = { ...input, secret };
      problems(fields, manifest);
      const destination = view(await notifications.create(fields, 'staff', now()));
      // Shown this once, so the receiver can be set up; never again.
      return c.json({ destination, ...(secret !== given && { secret }) }, 201);
    })
    .patch('/destinations/:id', ...admin, async (c) => {
      const current = await find(c.req.param('id'));
      const changes = await readJsonBody(c, updateSchema);
      if (changes.target !== undefined || changes.secret !== undefined)
        notFromEnvironment(current, 'change its address or secret');
      problems({ ...current, ...changes }, manifest);
      return c.json({ destination: view((await notifications.update(current.id, changes, now()))!) });
    })
    .delete('/destinations/:id', ...admin, async (c) => {
      const current = await find(c.req.param('id'));
      notFromEnvironment(current, 'unset its variables to switch it off');
      await notifications.remove(current.id);
      return c.json({ id: current.id, deleted: true });
    })
    .get('/destinations/:id/log', ...admin, async (c) => {
      const destination = await find(c.req.param('id'));
      const { limit } = validate(logQuerySchema, c.req.query());
      return c.json({
        destination: view(destination),
        ...(await notifications.log(destination.id, limit)),
      } satisfies DestinationLog);
    })
    .post('/destinations/:id/test', ...admin, async (c) => {
      const destination = await find(c.req.param('id'));
      if (!destination.enabled)
        throw new ApiError(409, 'destination_disabled', 'Switch the destination on before sending it a test');
      const [messageId] = await notifications.enqueue(
        {
          type: 'test',
          timestamp: now(),
          locale: null,
          category: null,
          data: { destination: destination.name, staffUrl: '/staff/notifications/' },
        },
        (candidate) => candidate.id === destination.id,
        now(),
      );
      return c.json({ messageId }, 202);
    })
    .post('/destinations/:id/retry', ...admin, async (c) => {
      const destination = await find(c.req.param('id'));
      return c.json({ rescheduled: await notifications.retryNow(destination.id, now()) });
    });
}
