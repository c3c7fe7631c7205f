/**
 * Events that must not be lost (votes, views) wait in localStorage until the API has committed them: an outage,
 * a closed tab or being offline only delays them. Sent in order, retried with backoff, on the next page view and
 * when the browser comes back online.
 */
interface Pending {
  path: string;
  body: Record<string, unknown>;
  queuedAt: number;
}

const KEY = 'helploop:outbox';
const MAX_ITEMS = 200;
const MAX_AGE_MS = 7 * 86_400_000;
const BACKOFF_MS = [2_000, 10_000, 60_000, 300_000];

let flushing: Promise<void> | undefined;
let failures = 0;
let retry: ReturnType<typeof setTimeout> | undefined;

function read(): Pending[] {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) ?? '[]') as Pending[];
    return items.filter((item) => Date.now() - item.queuedAt < MAX_AGE_MS);
  } catch {
    return [];
  }
}

function write(items: Pending[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(items.slice(-MAX_ITEMS)));
  } catch {
    // Storage full or disabled (private mode): the event is still sent once below.
  }
}

/** Queues an event (with a fresh event id, so a resend is stored once) and tries to send everything queued. */
export function enqueue(path: string, body: Record<string, unknown>): Promise<void> {
  write([...read(), { path, body: { eventId: crypto.randomUUID(), ...body }, queuedAt: Date.now() }]);
  return flush();
}

/** Sends queued events oldest first; stops at the first that cannot be delivered and tries again later. */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      for (const item of read()) {
        const delivered = await send(item);
        if (delivered === 'retry') {
          failures++;
          clearTimeout(retry);
          retry = setTimeout(() => void flush(), BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1]);
          return;
        }
        // Delivered, or refused for good (the article is gone): either way it leaves the queue.
        write(read().filter((other) => other.body.eventId !== item.body.eventId));
      }
      failures = 0;
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

async function send(item: Pending): Promise<'done' | 'retry'> {
  try {
    const response = await fetch(item.path, {
      method: 'POST',
      // text/plain is a "simple" request: no CORS preflight when the widget runs on a host site.
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(item.body),
      keepalive: true,
    });
    if (response.ok) return 'done';
    return response.status >= 500 || response.status === 408 || response.status === 429 ? 'retry' : 'done';
  } catch {
    return 'retry';
  }
}

addEventListener('online', () => void flush());
