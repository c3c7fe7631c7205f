import { Hono } from 'hono';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { EventStorage } from '../db/event-storage.ts';
import { storageFault } from '../db/storage-faults.ts';

/** Load balancers poll health often; the database is asked at most this often. */
const PROBE_EVERY_MS = 5_000;

/**
 * For load balancers and uptime checks: 200 only when the database can store events now, learned by a real
 * write (a full disk, a read-only or deleted file, a lock held too long all answer 503 with the reason).
 */
export function healthRoutes(storage: EventStorage, manifest: Manifest, clock: () => Date) {
  let last: { at: number; result: Promise<unknown> } | undefined;
  const probe = () => {
    const now = clock();
    if (!last || now.getTime() - last.at >= PROBE_EVERY_MS) {
      last = {
        at: now.getTime(),
        result: storage.probe(now.toISOString()).then(
          () => undefined,
          (error: unknown) => error,
        ),
      };
    }
    return last.result;
  };
  return new Hono().get('/health', async (c) => {
    const error = await probe();
    // Anything but a storage fault is a bug: onError logs it with its stack.
    if (error) throw storageFault(error) ?? error;
    return c.json({ status: 'ok', articles: manifest.articles.length });
  });
}
