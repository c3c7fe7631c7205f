import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

/**
 * Beacons are "simple" requests: a browser sends them from any site without asking (no CORS preflight), so CORS
 * alone cannot keep other sites' events out. An event whose Origin is neither this server nor a configured widget
 * host is refused here. Requests without an Origin (curl, server-to-server, old browsers) pass, as before.
 */
export function originGuard(allowed: Set<string>, viaProxy: (c: Context) => boolean) {
  return (c: Context): void => {
    const origin = c.req.header('origin');
    if (!origin || allowed.has(origin)) return;
    // Behind a proxy the Host header is the proxy's view; X-Forwarded-Host is the public one.
    const host = (viaProxy(c) && c.req.header('x-forwarded-host')) || c.req.header('host');
    if (URL.canParse(origin) && new URL(origin).host === host) return;
    throw new ApiError(
      403,
      'origin_not_allowed',
      `Events from ${origin} are not accepted: add it to widgetOrigins in site.yaml or HELPLOOP_CORS_ORIGINS`,
    );
  };
}
