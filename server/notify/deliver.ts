import type { AttemptOutcome, DueMessage, NotificationStorage } from '../db/notification-storage.ts';
import { nextAttemptAt } from './backoff.ts';
import type { DeliveryResult, DestinationKind, Transport } from './notification.ts';

export interface DeliveryDeps {
  notifications: Pick<NotificationStorage, 'claimDue' | 'record'>;
  /** One per kind of destination: transports/webhook.ts, slack.ts, email.ts. */
  transports: Record<DestinationKind, Transport>;
  clock: () => Date;
  random?: () => number;
  /** Messages sent per run, at once. */
  batch?: number;
  /**
   * How long a claimed message waits before another run may send it again: longer than any transport takes
   * (15 s), so only a deliverer that died leaves it to be sent again.
   */
  claimMs?: number;
}

export type DeliveryRun = Record<AttemptOutcome, number>;

/**
 * One delivery run: claims the messages that are due, sends each through its destination's transport, and records
 * what came of it. At least once: a message is delivered only once its transport said so, and one whose deliverer
 * died is sent again, with the same id, when its claim lapses. A run called while one is under way joins it.
 */
export function createDelivery({
  notifications,
  transports,
  clock,
  random = Math.random,
  batch = 20,
  claimMs = 120_000,
}: DeliveryDeps) {
  let running: Promise<DeliveryRun> | undefined;

  async function send(message: DueMessage): Promise<AttemptOutcome> {
    const started = clock();
    const result = await transports[message.destination.kind](message.destination, message).catch(
      (error: unknown): DeliveryResult => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    const now = clock();
    const next =
      result.ok || result.gone
        ? null
        : nextAttemptAt({
            attempt: message.attempt,
            createdAt: new Date(message.createdAt),
            now,
            retryAfterSeconds: result.retryAfterSeconds,
            random,
          });
    const outcome: AttemptOutcome = result.ok ? 'delivered' : result.gone ? 'gone' : next ? 'retry' : 'failed';
    await notifications.record({
      messageId: message.id,
      destinationId: message.destination.id,
      attempt: message.attempt,
      at: now.toISOString(),
      outcome,
      status: result.status ?? null,
      error: result.ok ? null : (result.error ?? (result.status ? `HTTP ${result.status}` : 'failed')),
      durationMs: now.getTime() - started.getTime(),
      nextAttemptAt: next?.toISOString(),
    });
    return outcome;
  }

  async function run(): Promise<DeliveryRun> {
    const now = clock();
    const due = await notifications.claimDue(now.toISOString(), new Date(now.getTime() + claimMs).toISOString(), batch);
    const counts: DeliveryRun = { delivered: 0, retry: 0, failed: 0, gone: 0 };
    for (const outcome of await Promise.all(due.map(send))) counts[outcome]++;
    return counts;
  }

  return function deliverDue(): Promise<DeliveryRun> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
}
