/**
 * A deliverer in a process of its own, for the kill -9 test (test/server/notify-crash.test.ts): opens the database
 * the environment names, with NOTIFY_QUEUE=n makes a webhook destination to NOTIFY_RECEIVER and queues n
 * notifications, then delivers until nothing is waiting and prints "done". Claims lapse after NOTIFY_CLAIM_MS.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openEngine } from '../../server/db/engine.ts';
import { createNotificationStorage } from '../../server/db/notification-storage.ts';
import { createDelivery } from '../../server/notify/deliver.ts';
import type { Transport } from '../../server/notify/notification.ts';
import { createNotificationSink } from '../../server/notify/routing.ts';
import { webhookTransport } from '../../server/notify/transports/webhook.ts';
import { test, webhook } from './notifications.ts';

const env = process.env;
const engine = await openEngine({ databaseFile: env.HELPLOOP_DATABASE!, databaseUrl: env.HELPLOOP_DATABASE_URL });
const notifications = createNotificationStorage(engine.db);
const clock = () => new Date();
if (env.NOTIFY_QUEUE) {
  await notifications.create(webhook(env.NOTIFY_RECEIVER!), 'staff', clock().toISOString());
  const sink = createNotificationSink(notifications, clock);
  for (let n = 0; n < Number(env.NOTIFY_QUEUE); n++) await sink.enqueue(test(`crash ${n}`));
}
const unused: Transport = async () => ({ ok: false, error: 'only webhooks here' });
const deliver = createDelivery({
  notifications,
  transports: { webhook: webhookTransport({ allowPrivate: true, clock }), slack: unused, email: unused },
  clock,
  batch: 3,
  claimMs: Number(env.NOTIFY_CLAIM_MS),
});
console.log('delivering');
const [destination] = await notifications.destinations();
while ((await notifications.log(destination!.id, 1)).counts.pending > 0) {
  await deliver();
  await sleep(20);
}
console.log('done');
await engine.close();
