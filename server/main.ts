import { serve } from '@hono/node-server';
import { createApp, createSiteOnlyApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { StorageUnavailableError } from './db/storage-faults.ts';
import { readManifest } from './manifest.ts';
import { portTakenMessage } from './port-taken.ts';
import { everyInterval } from './periodic-task.ts';
import { daysBefore } from './days.ts';

const config = loadConfig();
const manifest = readManifest(config.siteDir);
const db = openOrExplain(config.databaseFile);
const helploop = db && createApp({ config, db, manifest, clock: () => new Date() });
const app =
  helploop ??
  createSiteOnlyApp(
    config,
    manifest,
    new StorageUnavailableError('database_unavailable', `The database ${config.databaseFile} could not be opened`),
  );

// Raw events past their retention fold into daily counts: once listening, then hourly.
const rollup =
  helploop &&
  everyInterval('The roll-up of expired events', 3_600_000, () =>
    helploop.storage.rollup(daysBefore(new Date(), config.retentionDays)),
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
function openOrExplain(file: string) {
  try {
    return openDatabase(file, config.synchronous);
  } catch (error) {
    console.error(
      `Cannot open the database ${file} (${error instanceof Error ? error.message : String(error)}): serving the site without the API; fix it and restart.`,
    );
    return undefined;
  }
}

function shutdown() {
  rollup?.stop();
  server.close(() => {
    db?.close();
    process.exit(0);
  });
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
