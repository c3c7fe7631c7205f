import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { readManifest } from './manifest.ts';
import { daysBefore } from './privacy/visitor.ts';

const config = loadConfig();
const manifest = readManifest(config.siteDir);
const db = openDatabase(config.databaseFile);
const app = createApp({ config, db, manifest, clock: () => new Date() });

// Raw events past their retention fold into daily counts: at start, then hourly.
const rollup = () => app.storage.rollup(daysBefore(new Date(), config.retentionDays));
rollup();
setInterval(rollup, 3_600_000).unref();

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Helploop is running at http://${host}:${info.port}/`);
});
// Node's defaults (300 s, 60 s) let slow clients hold connections open.
Object.assign(server, { requestTimeout: 15_000, headersTimeout: 10_000 });

function shutdown() {
  server.close(() => {
    db.close();
    process.exit(0);
  });
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
