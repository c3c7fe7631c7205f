/**
 * Timing one report call through the real endpoint, and the server's event-loop delay while it runs: from outside,
 * GET /api/health is sent again 10 ms after each answer, and the slowest answer seen is the longest the server
 * could not serve anyone.
 */
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const HEALTH_GAP_MS = 10;

/**
 * A GET that waits as long as the server takes (fetch gives up after 300 s; some reports take longer), on a new
 * connection: a kept-alive one may be closed by the server just as a request goes out after a long stall.
 */
export function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  return new Promise((done, fail) => {
    request(url, { headers, agent: false }, (response) => {
      response.resume();
      response.once('end', () => done({ status: response.statusCode ?? 0, ms: performance.now() - start }));
    })
      .once('error', fail)
      .end();
  });
}

export interface Timed {
  ms: number;
  status: number;
  /** The slowest /api/health answer while the call ran. */
  worstHealthMs: number;
}

/** Runs one call while polling health beside it. */
export async function timeWithHealth(
  base: string,
  call: () => Promise<{ status: number; ms: number }>,
): Promise<Timed> {
  let running = true;
  let worstHealthMs = 0;
  const watch = (async () => {
    while (running) {
      worstHealthMs = Math.max(worstHealthMs, (await get(`${base}/api/health`)).ms);
      await sleep(HEALTH_GAP_MS);
    }
  })();
  const { status, ms } = await call();
  running = false;
  await watch;
  return { ms, status, worstHealthMs };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
