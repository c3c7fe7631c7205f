import { serve } from '@hono/node-server';
import { createApp, createSiteOnlyApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openEngine, type Engine } from './db/engine.ts';
import { createStorage } from './db/storage.ts';
import { StorageUnavailableError } from './db/storage-faults.ts';
import { readManifest } from './manifest.ts';
import { portTakenMessage } from './port-taken.ts';
import { everyInterval } from './periodic-task.ts';
import { daysBefore } from './days.ts';
import { onOneInstance } from './job-lease.ts';

const config = loadConfig();
const clock = () => new Date();
const manifest = readManifest(config.siteDir);
const where = config.databaseUrl ? 'the PostgreSQL database' : `the database ${config.databaseFile}`;
const engine = await openOrExplain();
const storage = engine && createStorage(engine);
const app = storage
  ? createApp({ config, storage, manifest, clock })
  : createSiteOnlyApp(
      config,
      manifest,
      new StorageUnavailableError('database_unavailable', `${where} could not be opened`),
    );

const HOUR = 3_600_000;
// Raw events past their retention fold into daily counts: once listening, then hourly, on one instance of those
// sharing the database. Its lease is held for most of the hour, so the next hour any instance may take it.
const rollup =
  storage &&
  everyInterval(
    'The roll-up of expired events',
    HOUR,
    onOneInstance(storage.shared, 'rollup', HOUR * 0.9, clock, async () => {
      const moved = await storage.rollup(daysBefore(clock(), config.retentionDays));
      if (moved > 0) console.log(`Rolled up ${moved} expired rows into the daily counts.`);
    }),
  );

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Helploop is running at http://${host}:${info.port}/`);
  void rollup?.run();
});
// Node's defaults (300 s, 60 s) let slow clients hold connections open.
Object.assign(server, { requestTimeout: 15_000, headersTimeout: 10_000 });
// `npm start` checks the port before building; run directly, the server says the same in one line, not a stack.
server.once('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(portTakenMessage(config.port, config.host));
  process.exit(1);
});

/** A database that cannot open must not take the static help center down: the site is served, the API answers 503. */
async function openOrExplain(): Promise<Engine | undefined> {
  try {
    return await openEngine(config);
  } catch (error) {
    console.error(
      `Cannot open ${where} (${error instanceof Error ? error.message : String(error)}): serving the site without the API; fix it and restart.`,
    );
    return undefined;
  }
}

function shutdown() {
  rollup?.stop();
  server.close(() => {
    void (engine?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
