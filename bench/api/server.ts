/**
 * The server bench:api measures: the real app (server/main.ts's stack, its database opened with
 * HELPLOOP_SYNCHRONOUS) plus, at /bench/bare, the baseline: a route that parses the same JSON body and answers 201.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/open.ts';
import { readManifest } from '../../server/manifest.ts';

const config = loadConfig();
const db = openDatabase(config.databaseFile, config.synchronous);
const app = new Hono()
  .post('/bench/bare', async (c) => {
    JSON.parse(await c.req.text());
    return c.json({ status: 'stored' }, 201);
  })
  .route('/', createApp({ config, db, manifest: readManifest(config.siteDir), clock: () => new Date() }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(`running at http://127.0.0.1:${info.port}/`),
);
