import type { Locale } from '../../src/shared/locales.ts';
import type { ServerConfig } from '../config.ts';
import { notificationTypeSchema, type NotificationStorage } from '../db/notification-storage.ts';

/**
 * The destinations an operator configures by environment, made or brought in step at every start: a webhook from
 * HELPLOOP_WEBHOOK_URL and HELPLOOP_WEBHOOK_SECRET, an e-mail destination from HELPLOOP_SMTP_URL and
 * HELPLOOP_DIGEST_TO. Both get every type by the default route, in the site's default language. A variable that
 * is removed switches its destination off.
 */
export async function bootstrapDestinations(
  notifications: Pick<NotificationStorage, 'syncFromEnvironment'>,
  { webhook, smtpUrl, digestTo }: ServerConfig['notifications'],
  defaultLocale: Locale,
  at: string,
) {
  const everything = {
    locale: defaultLocale,
    categories: [],
    locales: [],
    types: notificationTypeSchema.options,
    enabled: true,
  };
  await notifications.syncFromEnvironment(
    'webhook',
    webhook && {
      ...everything,
      kind: 'webhook',
      name: 'Webhook (environment)',
      target: webhook.url,
      secret: webhook.secret,
    },
    at,
  );
  await notifications.syncFromEnvironment(
    'email',
    smtpUrl && digestTo.length
      ? { ...everything, kind: 'email', name: 'E-mail (environment)', target: digestTo.join(', '), secret: null }
      : undefined,
    at,
  );
}
