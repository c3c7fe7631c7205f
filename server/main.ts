import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp, createSiteOnlyApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openEngine, type Engine } from './db/engine.ts';
import { createStorage, type Storage } from './db/storage.ts';
import { StorageUnavailableError } from './db/storage-faults.ts';
import { readManifest } from './manifest.ts';
import { portTakenMessage } from './port-taken.ts';
import { everyInterval } from './periodic-task.ts';
import { daysBefore } from './days.ts';
import { leases, onOneInstance } from './job-lease.ts';
import { scheduleNotifications, scheduleTriggers } from './notify/schedule.ts';
import { scheduleThemes } from './themes/theme-job.ts';
import { siteGrouper } from './themes/site-grouper.ts';
import { ServerSearch } from './search/server-search.ts';

const HOUR = 3_600_000;
/** How often a database that could not be opened is tried again. */
const RETRY_MS = 5_000;

const config = loadConfig();
const clock = () => new Date();
const manifest = readManifest(config.siteDir);
// Started now, so that its indexes have loaded by the first linked search.
const search = config.searchInPage ? new ServerSearch(config.siteDir, manifest) : undefined;
const where = config.databaseUrl ? 'the PostgreSQL database' : `the database ${config.databaseFile}`;

/** What answers requests: the site alone until the database opens, then the whole app. */
let app: Hono = createSiteOnlyApp(
  config,
  manifest,
  new StorageUnavailableError('database_unavailable', `${where} could not be opened`),
  search,
);
let engine: Engine | undefined;
let jobs: ReturnType<typeof everyInterval>[] = [];

/** Raw events past their retention fold into daily counts, hourly, on one instance of those sharing the database. */
function scheduleRollup(storage: Storage) {
  return everyInterval(
    'The roll-up of expired events',
    HOUR,
    // The lease is held for most of the hour, so the next hour any instance may take it.
    onOneInstance(leases(storage), 'rollup', HOUR * 0.9, clock, async () => {
      const deleted = await storage.rollup(daysBefore(clock(), config.retentionDays));
      if (deleted > 0) console.log(`Rolled up ${deleted} expired raw rows: their counts stay in the daily tables.`);
    }),
  );
}

/**
 * Opens the database and puts the whole app in place. A database that cannot open must not take the static help
 * center down: until it opens the site is served and the API answers 503, and it is tried again every few seconds
 * (PostgreSQL restarting, a failover, a file an operator is restoring).
 */
async function connect(failures = 0): Promise<void> {
  try {
    engine = await openEngine(config);
  } catch (error) {
    if (failures === 0)
      console.error(
        `Cannot open ${where} (${error instanceof Error ? error.message : String(error)}): serving the site without the API, trying again every ${RETRY_MS / 1000} s.`,
      );
    setTimeout(() => void connect(failures + 1), RETRY_MS).unref();
    return;
  }
  const storage = createStorage(engine);
  const grouper = siteGrouper(config.siteDir);
  app = createApp({ config, storage, manifest, clock, grouper, search });
  if (failures > 0) console.log(`Opened ${where}: the API is back.`);
  const deps = { config, storage, manifest, clock };
  jobs = [
    scheduleRollup(storage),
    scheduleTriggers(deps),
    scheduleNotifications(deps),
    scheduleThemes(storage, config.themesSeconds * 1000, { grouper, clock, retentionDays: config.retentionDays }),
  ];
  // Opened after the server started listening (a retry): the periodic jobs' first turn is now.
  if (failures > 0) for (const job of jobs) void job.run();
}

// The first try before listening, so the first requests find the API whenever it can open.
await connect();
const server = serve(
  { fetch: (request, env) => app.fetch(request, env), port: config.port, hostname: config.host },
  (info) => {
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    console.log(`Helploop is running at http://${host}:${info.port}/`);
    for (const job of jobs) void job.run();
  },
);
// Node's defaults (300 s, 60 s) let slow clients hold connections open.
Object.assign(server, { requestTimeout: 15_000, headersTimeout: 10_000 });
// `npm start` checks the port before building; run directly, the server says the same in one line, not a stack.
server.once('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(portTakenMessage(config.port, config.host));
  process.exit(1);
});

function shutdown() {
  for (const job of jobs) job.stop();
  void search?.close();
  server.close(() => {
    void (engine?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
