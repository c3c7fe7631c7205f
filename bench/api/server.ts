/**
 * The server bench:api measures: the real app (server/main.ts's stack, its database opened as configured:
 * SQLite with HELPLOOP_SYNCHRONOUS, or PostgreSQL at HELPLOOP_DATABASE_URL) plus, at /bench/bare, the baseline: a route that parses the same JSON body and answers 201.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openEngine } from '../../server/db/engine.ts';
import { createStorage } from '../../server/db/storage.ts';
import { readManifest } from '../../server/manifest.ts';
import { siteGrouper } from '../../server/themes/site-grouper.ts';

const config = loadConfig();
const storage = createStorage(await openEngine(config));
const app = new Hono()
  .post('/bench/bare', async (c) => {
    JSON.parse(await c.req.text());
    return c.json({ status: 'stored' }, 201);
  })
  .route(
    '/',
    createApp({
      config,
      storage,
      manifest: readManifest(config.siteDir),
      clock: () => new Date(),
      grouper: siteGrouper(config.siteDir),
    }),
  );
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(`running at http://127.0.0.1:${info.port}/`),
);
