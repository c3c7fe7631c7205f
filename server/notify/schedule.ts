/**
 * Notifications at run time: the destinations the environment names, and the deliverer, every few seconds on one
 * instance of those sharing the database, with a transport per kind of destination.
 */
import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { ServerConfig } from '../config.ts';
import type { Storage } from '../db/storage.ts';
import { leases, onOneInstance } from '../job-lease.ts';
import { everyInterval } from '../periodic-task.ts';
import { bootstrapDestinations } from './bootstrap.ts';
import { createDelivery } from './deliver.ts';
import { createNotificationSink } from './routing.ts';
import { createTriggers, TRIGGERS_INTERVAL_MS } from './triggers.ts';
import type { DestinationKind, Transport } from './notification.ts';
import { createEmailTransport } from './transports/email.ts';
import { createSlackTransport } from './transports/slack.ts';
import { webhookTransport } from './transports/webhook.ts';

const DELIVERY_MS = 5_000;

interface NotificationDeps {
  config: ServerConfig;
  storage: Storage;
  manifest: Manifest;
  clock: () => Date;
}

/**
 * Links in messages are absolute: site.yaml's `url`, else this server's own address (fine on one machine; set
 * `url` for links that work anywhere).
 */
function publicAddress({ config, manifest }: Pick<NotificationDeps, 'config' | 'manifest'>) {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  return manifest.siteUrl ?? `http://${host}:${config.port}/`;
}

export function transportsFor({ config, manifest, clock }: Omit<NotificationDeps, 'storage'>) {
  const { allowPrivateWebhooks, smtpUrl, mailFrom } = config.notifications;
  const post = { allowPrivate: allowPrivateWebhooks, clock };
  const words = { baseUrl: publicAddress({ config, manifest }), timeZone: manifest.timeZone };
  return {
    webhook: webhookTransport(post),
    slack: createSlackTransport({ ...words, ...post }),
    email: smtpUrl
      ? createEmailTransport({ ...words, smtpUrl, from: mailFrom })
      : async () => ({ ok: false, error: 'HELPLOOP_SMTP_URL is not set' }),
  } satisfies Record<DestinationKind, Transport>;
}

/**
 * The triggers that turn what readers did into notifications (comment batches, alerts, the weekly digest), on one
 * instance, at least once per comment batch window so a batch goes out soon after its window ends.
 */
export function scheduleTriggers({ config, storage, manifest, clock }: NotificationDeps) {
  const sink = createNotificationSink(storage.notifications, clock);
  const triggers = createTriggers({ storage, manifest, config, clock, sink });
  const everyMs = Math.min(TRIGGERS_INTERVAL_MS, config.notify.batchSeconds * 1000);
  return everyInterval(
    'Notification triggers',
    everyMs,
    onOneInstance(leases(storage), 'notify-triggers', everyMs * 0.9, clock, triggers.runDue),
  );
}

export function scheduleNotifications(deps: NotificationDeps) {
  const { config, storage, manifest, clock } = deps;
  const deliver = onOneInstance(
    leases(storage),
    'notify-delivery',
    // The lease outlives a few turns: the instance delivering goes on, and another takes over within 30 s of its end.
    30_000,
    clock,
    createDelivery({ notifications: storage.notifications, transports: transportsFor(deps), clock }),
  );
  let bootstrapped = false;
  return everyInterval('Notification delivery', DELIVERY_MS, async () => {
    // The environment's destinations are put in place on the first turn, and again after a failure, never fatally.
    if (!bootstrapped) {
      await bootstrapDestinations(
        storage.notifications,
        config.notifications,
        manifest.defaultLocale,
        clock().toISOString(),
      );
      bootstrapped = true;
    }
    await deliver();
  });
}
