import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationStorage, type NotificationStorage } from '../../server/db/notification-storage.ts';
import { createStorage, type Storage } from '../../server/db/storage.ts';
import { RETRY } from '../../server/notify/backoff.ts';
import { createDelivery } from '../../server/notify/deliver.ts';
import type { DeliveryResult, Transport } from '../../server/notify/notification.ts';
import { createNotificationSink } from '../../server/notify/routing.ts';
import { webhookTransport } from '../../server/notify/transports/webhook.ts';
import { signWebhook } from '../../server/notify/webhook-signature.ts';
import { onEachEngine, openFreshEngine } from '../helpers/engines.ts';
import { comments, SECRET, test, webhook } from '../helpers/notifications.ts';
import { startReceiver, type Answer, type Receiver } from '../helpers/webhook-receiver.ts';

const START = new Date('2026-11-20T10:00:00Z');
const unused: Transport = async () => ({ ok: false, error: 'not this kind' });

onEachEngine((kind) => {
  let notifications: NotificationStorage;
  let storage: Storage;
  let close: () => Promise<void>;
  let receiver: Receiver;
  let answers: Answer[] = [];
  const clock = { now: START };
  const at = (ms: number) => {
    clock.now = new Date(START.getTime() + ms);
  };

  beforeAll(async () => {
    const opened = await openFreshEngine(kind);
    notifications = createNotificationStorage(opened.engine.db);
    storage = createStorage(opened.engine);
    close = opened.close;
    receiver = await startReceiver(SECRET, () => answers.shift() ?? { status: 204 });
  });
  afterAll(async () => {
    await receiver.close();
    await close();
  });

  /** The deliverer under the test's clock, with a jitter of half the ceiling; webhooks are signed at the real time. */
  const deliverer = (webhookOverride?: Transport) =>
    createDelivery({
      notifications,
      transports: {
        webhook: webhookOverride ?? webhookTransport({ allowPrivate: true, clock: () => new Date() }),
        slack: unused,
        email: unused,
      },
      clock: () => clock.now,
      random: () => 0.5,
    });
  const fresh = async (fields = {}) => {
    for (const destination of await notifications.destinations()) await notifications.remove(destination.id);
    receiver.received.length = 0;
    answers = [];
    at(0);
    return notifications.create(webhook(receiver.url, fields), 'staff', START.toISOString());
  };

  describe('routing', () => {
    it('queues a notification for each destination whose type, category and language match; empty lists take all', async () => {
      await fresh();
      const made = async (name: string, fields: object) =>
        (await notifications.create(webhook(receiver.url, { name, ...fields }), 'staff', START.toISOString())).id;
      const ids = {
        logistics: await made('logistics', { categories: ['shipping'] }),
        korean: await made('korean', { locales: ['ko'] }),
        digestOnly: await made('digest', { types: ['digest.weekly', 'test'] }),
        off: await made('off', { enabled: false }),
      };
      const sink = createNotificationSink(notifications, () => clock.now);
      await sink.enqueue(comments('ko', 'shipping'));
      await sink.enqueue(comments('en', 'billing'));
      const queued = async (id: number) => (await notifications.log(id, 10)).counts.pending;
      const defaultRoute = (await notifications.destinations()).find((d) => d.name === 'Team')!.id;
      expect(await queued(defaultRoute)).toBe(2);
      expect(await queued(ids.logistics)).toBe(1);
      expect(await queued(ids.korean)).toBe(1);
      expect(await queued(ids.digestOnly)).toBe(0);
      expect(await queued(ids.off)).toBe(0);
      // A site-wide notification (no category or language) goes to every destination that wants its type.
      await sink.enqueue(test());
      expect(await queued(ids.logistics)).toBe(2);
      expect(await queued(ids.korean)).toBe(2);
      expect(await queued(ids.digestOnly)).toBe(1);
      expect(await queued(ids.off)).toBe(0);
    });
  });

  describe('retention', () => {
    it('deletes settled messages and their delivery log with the raw events, and keeps a message still retried', async () => {
      const destination = await fresh();
      const old = '2026-01-10T09:00:00.000Z';
      const queued = async (at: string) => (await notifications.enqueue(comments('en', 'billing'), () => true, at))[0]!;
      const [delivered, failed, retried] = [await queued(old), await queued(old), await queued(old)];
      const attempt = (messageId: string, outcome: 'delivered' | 'failed' | 'retry') =>
        notifications.record({
          messageId,
          destinationId: destination.id,
          attempt: 1,
          at: old,
          outcome,
          status: outcome === 'delivered' ? 204 : 500,
          error: outcome === 'delivered' ? null : 'HTTP 500',
          durationMs: 12,
          ...(outcome === 'retry' && { nextAttemptAt: '2026-01-10T09:05:00.000Z' }),
        });
      await attempt(delivered, 'delivered');
      await attempt(failed, 'failed');
      await attempt(retried, 'retry');
      const recent = await queued(START.toISOString());
      await storage.rollup('2026-02-01');
      const log = await notifications.log(destination.id, 10);
      expect(log.counts).toEqual({ pending: 2, delivered: 0, failed: 0, disabled: 0 });
      expect(log.messages.map((message) => message.id).sort()).toEqual([recent, retried].sort());
      expect(log.attempts).toEqual([]);
    });
  });

  describe('delivery', () => {
    it('sends a signed { type, timestamp, data } that standardwebhooks verifies, and marks it delivered', async () => {
      const destination = await fresh();
      const [id] = await notifications.enqueue(comments('en', 'billing'), () => true, START.toISOString());
      expect(id).toMatch(/^msg_[0-9a-f-]{36}$/);
      expect(await deliverer()()).toEqual({ delivered: 1, retry: 0, failed: 0, gone: 0 });
      expect(receiver.received).toHaveLength(1);
      const [got] = receiver.received;
      expect(got).toMatchObject({ id, verified: true });
      expect(Object.keys(JSON.parse(got!.body))).toEqual(['type', 'timestamp', 'data']);
      expect(JSON.parse(got!.body).data.comments[0].comment).toBe('The page says 3 days');
      const log = await notifications.log(destination.id, 10);
      expect(log.counts).toEqual({ pending: 0, delivered: 1, failed: 0, disabled: 0 });
      expect(log.attempts).toMatchObject([{ messageId: id, outcome: 'delivered', status: 204, attempt: 1 }]);
    });

    it('is refused by the receiver when the body is tampered with', async () => {
      await fresh();
      const body = JSON.stringify({ type: 'test', timestamp: 'x', data: {} });
      const now = Math.floor(Date.now() / 1000);
      const headers = {
        'content-type': 'application/json',
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(now),
        'webhook-signature': signWebhook(SECRET, 'msg_1', now, body),
      };
      const tampered = await fetch(receiver.url, { method: 'POST', headers, body: body.replace('test', 'tset') });
      const intact = await fetch(receiver.url, { method: 'POST', headers, body });
      expect([tampered.status, intact.status]).toEqual([400, 204]);
      expect(receiver.received.map((r) => r.verified)).toEqual([false, true]);
    });

    it('retries with growing, jittered waits and the same webhook-id until the receiver takes it', async () => {
      const destination = await fresh();
      const [id] = await notifications.enqueue(test(), () => true, START.toISOString());
      answers = [{ status: 503 }, { status: 500 }];
      const deliver = deliverer();
      expect((await deliver()).retry).toBe(1);
      // Half of the first 30 s ceiling (random 0.5): not before 15 s.
      at(14_999);
      expect((await deliver()).retry).toBe(0);
      at(15_000);
      expect((await deliver()).retry).toBe(1);
      // Then half of 60 s.
      at(15_000 + 29_999);
      expect(await deliver()).toEqual({ delivered: 0, retry: 0, failed: 0, gone: 0 });
      at(15_000 + 30_000);
      expect((await deliver()).delivered).toBe(1);
      expect(receiver.received.map((r) => r.id)).toEqual([id, id, id]);
      expect(receiver.received.every((r) => r.verified)).toBe(true);
      const log = await notifications.log(destination.id, 10);
      expect(log.attempts.map((a) => [a.attempt, a.outcome, a.status])).toEqual([
        [3, 'delivered', 204],
        [2, 'retry', 500],
        [1, 'retry', 503],
      ]);
    });

    it('waits as long as Retry-After asks', async () => {
      await fresh();
      await notifications.enqueue(test(), () => true, START.toISOString());
      answers = [{ status: 429, headers: { 'Retry-After': '120' } }];
      const deliver = deliverer();
      await deliver();
      at(119_000);
      expect((await deliver()).delivered).toBe(0);
      at(120_000);
      expect((await deliver()).delivered).toBe(1);
    });

    it('switches the destination off on 410 Gone, with the reason, and holds its other messages', async () => {
      const destination = await fresh();
      const [first] = await notifications.enqueue(test(), () => true, START.toISOString());
      answers = [{ status: 410 }];
      const deliver = deliverer();
      expect((await deliver()).gone).toBe(1);
      await notifications.enqueue(test(), () => true, START.toISOString());
      const after = await notifications.destination(destination.id);
      expect(after).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/410 Gone/) });
      at(3_600_000);
      expect(await deliver()).toEqual({ delivered: 0, retry: 0, failed: 0, gone: 0 });
      expect(receiver.received.map((r) => r.id)).toEqual([first]);
      expect((await notifications.log(destination.id, 10)).counts).toMatchObject({ disabled: 1, pending: 0 });
      // Switched on again and retried now, the held message goes, with its id.
      await notifications.update(destination.id, { enabled: true }, clock.now.toISOString());
      expect(await notifications.retryNow(destination.id, clock.now.toISOString())).toBe(1);
      expect((await deliver()).delivered).toBe(1);
      expect(receiver.received.map((r) => r.id)).toEqual([first, first]);
    });

    it('gives up after about 3 days of failures, trying last at the 3-day mark', async () => {
      const destination = await fresh();
      await notifications.enqueue(test(), () => true, START.toISOString());
      const failing: Transport = async (): Promise<DeliveryResult> => ({ ok: false, status: 500 });
      const deliver = deliverer(failing);
      let runs = 0;
      for (; runs < 100; runs++) {
        const outcome = await deliver();
        if (outcome.failed) break;
        const { messages } = await notifications.log(destination.id, 1);
        clock.now = new Date(messages[0]!.nextAttemptAt);
      }
      const { messages, attempts } = await notifications.log(destination.id, 100);
      expect(messages[0]).toMatchObject({ status: 'failed', lastStatus: 500 });
      expect(attempts[0]).toMatchObject({
        outcome: 'failed',
        at: new Date(START.getTime() + RETRY.giveUpAfterMs).toISOString(),
      });
      // 30 s doubling to 12 h, each halved by the jitter: about 16 tries in 3 days, not hundreds.
      expect(attempts.length).toBeGreaterThan(10);
      expect(attempts.length).toBeLessThan(25);
    });

    it('runs once at a time: a second call while one is under way joins it', async () => {
      await fresh();
      await notifications.enqueue(test(), () => true, START.toISOString());
      answers = [{ status: 204, delayMs: 100 }];
      const deliver = deliverer();
      const [a, b] = await Promise.all([deliver(), deliver()]);
      expect(a).toBe(b);
      expect(receiver.received).toHaveLength(1);
    });
  });
});
