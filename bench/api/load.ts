/**
 * One autocannon load for bench:api: POSTs a vote (or the same body to the bare route) with a fresh event id each
 * time. Run as a script (`node bench/api/load.ts <url> <path> <connections> <seconds>`) it prints its numbers as
 * JSON, so a flooding client can run in a process of its own.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  duration: number;
  /** Requests per second over all connections; as fast as the server answers when absent. */
  rate?: number;
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

/**
 * POSTs a vote (or the same body to the bare route) with a fresh event id each time; with several server URLs, the
 * connections alternate between them, as a load balancer would spread them.
 */
export function load(urls: string | string[], path: string, options: LoadOptions): Promise<Measured> {
  return new Promise((done, fail) => {
    autocannon(
      {
        // Its README: "More than one URL is allowed"; @types/autocannon knows only one.
        url: urls as unknown as string,
        connections: options.connections,
        duration: options.duration,
        ...(options.rate && { overallRate: options.rate }),
        requests: [
          {
            method: 'POST',
            path,
            setupRequest: (request) => {
              const { userAgent, address } = options.reader?.() ?? {
                userAgent: 'bench-reader',
                address: '203.0.113.1',
              };
              return {
                ...request,
                headers: {
                  'content-type': 'text/plain;charset=UTF-8',
                  'user-agent': userAgent,
                  'x-forwarded-for': address,
                },
                body: JSON.stringify({
                  eventId: randomUUID(),
                  articleId: options.articleId ?? 'en/billing/update-card',
                  helpful: false,
                  reason: 'outdated',
                }),
              };
            },
          },
        ],
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

if (import.meta.main) {
  const [url, path, connections, duration] = process.argv.slice(2);
  console.log(JSON.stringify(await load(url, path, { connections: Number(connections), duration: Number(duration) })));
}
