import type { Database } from 'better-sqlite3';
import { Hono } from 'hono';
import type { Manifest } from '../src/content/manifest.ts';
import { healthRoutes } from './api/health.ts';
import type { ServerConfig } from './config.ts';
import { ApiError, onError } from './errors.ts';
import { staticSite } from './static-site.ts';

export interface AppDeps {
  config: ServerConfig;
  db: Database;
  manifest: Manifest;
  clock: () => Date;
}

/** The whole server: the API under /api and the built site everywhere else. Tests build their own. */
export function createApp({ config, db, manifest }: AppDeps) {
  const api = new Hono()
    .route('/', healthRoutes(db, manifest))
    .all('*', (c) => {
      throw new ApiError(404, 'not_found', `No API endpoint ${c.req.method} ${c.req.path}`);
    });

  const app = new Hono();
  app.onError(onError);
  app.route('/api', api);
  app.route('/', staticSite(config.siteDir, manifest));
  return app;
}
