import { Hono } from 'hono';
import type { Manifest } from '../src/shared/content/manifest.ts';
import { eventRoutes } from './api/events.ts';
import { healthRoutes } from './api/health.ts';
import { originGuard } from './api/origin.ts';
import { widgetCors } from './api/cors.ts';
import { proxyTrust } from './api/client-address.ts';
import { visitorRateLimits } from './api/rate-limit.ts';
import { visitorOf } from './api/visitor.ts';
import type { ServerConfig } from './config.ts';
import type { Storage } from './db/storage.ts';
import type { ThemeGrouper } from './themes/grouper.ts';
import type { StorageUnavailableError } from './db/storage-faults.ts';
import { ApiError, onError, unavailable } from './errors.ts';
import { maskPersonalData } from './privacy/mask.ts';
import { staffRoutes } from './staff/routes.ts';
import { BASE_HEADERS } from './security-headers.ts';
import { staticSite } from './static-site.ts';
import type { ServerSearch } from './search/server-search.ts';

export interface AppDeps {
  config: ServerConfig;
  storage: Storage;
  manifest: Manifest;
  clock: () => Date;
  /** The clustering of readers' themes (server/themes/). */
  grouper: ThemeGrouper;
  /** Answers linked searches in their pages; without it, the browser always searches. */
  search?: ServerSearch;
}

/** The whole server: the API under /api and the built site everywhere else. Tests build their own. */
export function createApp({ config, storage, manifest, clock, grouper, search }: AppDeps) {
  const { events, shared } = storage;
  const origins = new Set([...manifest.widgetOrigins, ...config.corsOrigins]);
  const proxies = proxyTrust(config.trustProxy);
  const api = new Hono()
    .use(async function baseHeaders(c, next) {
      for (const [name, value] of Object.entries(BASE_HEADERS)) c.header(name, value);
      await next();
    })
    .use(widgetCors(origins))
    // Staff writes do not pass through the event committer; they must not go into a deleted file either.
    .use('/staff/*', async (c, next) => {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) storage.engine.checkWritable();
      await next();
    })
    .route('/', healthRoutes(events, manifest, clock))
    .route(
      '/',
      eventRoutes({
        storage: events,
        manifest,
        clock,
        visitorOf: visitorOf(events, clock, proxies),
        checkRate: visitorRateLimits(
          { perVisitor: config.rateLimit, perSource: config.rateLimitPerIp },
          clock,
          // One SQLite file serves one instance: only PostgreSQL's instances have counts to share.
          storage.engine.kind === 'postgres' ? shared.reserve : undefined,
        ),
        votesPerSource: config.votesPerIp,
        checkOrigin: originGuard(origins, proxies.viaProxy),
        mask: (text) => maskPersonalData(text, config.maskPatterns),
      }),
    )
    .route('/staff', staffRoutes({ storage, manifest, clock, proxies, grouper, synonymReaders: config.synonymReaders }))
    .all('*', (c) => {
      throw new ApiError(404, 'not_found', `No API endpoint ${c.req.method} ${c.req.path}`);
    });

  return site(config, manifest, api, search);
}

/**
 * When the database cannot be opened: readers still read and search the static site (README promises it), and
 * every API request answers 503, so browsers keep their votes for later.
 */
export function createSiteOnlyApp(
  config: ServerConfig,
  manifest: Manifest,
  fault: StorageUnavailableError,
  search?: ServerSearch,
) {
  return site(
    config,
    manifest,
    new Hono().all('*', () => {
      throw unavailable(fault);
    }),
    search,
  );
}

function site(config: ServerConfig, manifest: Manifest, api: Hono, search: ServerSearch | undefined) {
  const app = new Hono();
  app.onError(onError);
  app.route('/api', api);
  app.route('/', staticSite(config.siteDir, manifest, search));
  return app;
}
