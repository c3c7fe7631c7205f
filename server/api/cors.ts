import type { MiddlewareHandler } from 'hono';

/**
 * Host sites embedding the widget may send beacons and read answers; no other origin may. Every header is set before
 * the route answers: a header added to a finished answer (as hono/cors adds `Vary`) makes Hono copy it into a
 * streamed body, which costs every event request several turns of the event loop.
 */
export function widgetCors(origins: ReadonlySet<string>): MiddlewareHandler {
  return async function cors(c, next) {
    c.header('Vary', 'Origin');
    const origin = c.req.header('origin');
    if (origin === undefined || !origins.has(origin)) return next();
    c.header('Access-Control-Allow-Origin', origin);
    if (c.req.method !== 'OPTIONS') return next();
    c.header('Access-Control-Allow-Methods', 'GET, POST');
    c.header('Access-Control-Allow-Headers', 'Content-Type');
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  };
}
