/**
 * Loads for bench:api and bench:reports: POSTs a vote (or the same body to the bare route) with a fresh event id
 * each time.
 * - `load`: autocannon, as fast as the server answers (closed loop), for throughput. Run as a script
 *   (`node bench/api/load.ts <url> <path> <connections> <seconds>`) it prints its numbers as JSON, so a flooding
 *   client can run in a process of its own.
 * - `paced`: evenly spaced requests at a fixed rate (open loop), for latency at that rate.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  duration: number;
  /** Who sends each request; one reader at one address when absent. */
  reader?: () => { userAgent: string; address: string };
  /** The article voted on; one of the sample site's when absent. */
  articleId?: string;
}

export interface Measured {
  rate: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

/** One request's headers and body: a vote from the reader, with a fresh event id. */
function voteRequest(options: LoadOptions) {
  const { userAgent, address } = options.reader?.() ?? { userAgent: 'bench-reader', address: '203.0.113.1' };
  return {
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': userAgent, 'x-forwarded-for': address },
    body: JSON.stringify({
      eventId: randomUUID(),
      articleId: options.articleId ?? 'en/billing/update-card',
      helpful: false,
      reason: 'outdated',
    }),
  };
}

/**
 * As fast as the server answers, `connections` requests in flight; with several server URLs, the connections
 * alternate between them, as a load balancer would spread them.
 */
export function load(urls: string | string[], path: string, options: LoadOptions): Promise<Measured> {
  return new Promise((done, fail) => {
    autocannon(
      {
        // Its README: "More than one URL is allowed"; @types/autocannon knows only one.
        url: urls as unknown as string,
        connections: options.connections,
        duration: options.duration,
        requests: [{ method: 'POST', path, setupRequest: (base) => ({ ...base, ...voteRequest(options) }) }],
      },
      (error, result) => {
        if (error) return fail(error);
        done({
          rate: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          ok: result['2xx'],
          other: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
  });
}

/**
 * `rate` requests per second, one every 1/rate s, over at most `connections` keep-alive connections (per server
 * URL, taken in turn). Each latency is counted from when its request was due, so a stalled server is charged for the
 * requests that waited behind the stall too (no coordinated omission).
 * Not autocannon's `overallRate`: it lets each connection send its whole second's share at the top of each second
 * (a burst of `rate` requests at once), and corrects for coordinated omission with a 1 ms interval whatever the rate.
 */
export async function paced(urls: string[], path: string, options: LoadOptions & { rate: number }): Promise<Measured> {
  const agents = urls.map(
    () => new Agent({ keepAlive: true, maxSockets: Math.ceil(options.connections / urls.length) }),
  );
  const latencies: number[] = [];
  let [ok, other, sent] = [0, 0, 0];
  const total = Math.round(options.rate * options.duration);
  const started = performance.now();
  const send = (due: number, index: number) =>
    new Promise<void>((answered) => {
      const { headers, body } = voteRequest(options);
      const finish = (good: boolean) => {
        latencies.push(performance.now() - due);
        if (good) ok++;
        else other++;
        answered();
      };
      const url = new URL(path, urls[index % urls.length]);
      request(url, { method: 'POST', headers, agent: agents[index % urls.length] }, (response) => {
        response.resume();
        response.on('end', () => finish(response.statusCode! >= 200 && response.statusCode! < 300));
      })
        .on('error', () => finish(false))
        .end(body);
    });
  const inFlight: Promise<void>[] = [];
  while (sent < total) {
    const now = performance.now();
    for (; sent < total && started + (sent * 1000) / options.rate <= now; sent++)
      inFlight.push(send(started + (sent * 1000) / options.rate, sent));
    await new Promise((tick) => setImmediate(tick));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  for (const agent of agents) agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (share: number) => Math.round(latencies[Math.floor(share * (latencies.length - 1))] * 10) / 10;
  return { rate: (ok + other) / elapsed, p50: at(0.5), p99: at(0.99), ok, other };
}

if (import.meta.main) {
  const [url, path, connections, duration] = process.argv.slice(2);
  console.log(JSON.stringify(await load(url, path, { connections: Number(connections), duration: Number(duration) })));
}
