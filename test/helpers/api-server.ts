import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/open.ts';
import { createReportStorage } from '../../server/db/report-storage.ts';
import { readManifest } from '../../server/manifest.ts';

/** The real app over a built site and a fresh SQLite file, on a free port of 127.0.0.1, with a clock tests move. */
export async function startApiServer(siteDir: string, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'helploop-api-'));
  const config = loadConfig({ HELPLOOP_SITE_DIR: siteDir, HELPLOOP_DATABASE: join(dataDir, 'helploop.db'), ...env });
  const db = openDatabase(config.databaseFile);
  const clock = { now: new Date('2026-11-20T10:00:00Z') };
  const app = createApp({ config, db, manifest: readManifest(siteDir), clock: () => clock.now });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((done) => server.once('listening', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    clock,
    storage: app.storage,
    reports: createReportStorage(db),
    stop: () =>
      new Promise<void>((done) =>
        server.close(() => {
          db.close();
          rmSync(dataDir, { recursive: true, force: true });
          done();
        }),
      ),
  };
}

export type ApiServer = Awaited<ReturnType<typeof startApiServer>>;

/**
 * For a `describe`: a server over the fixture site and a database of its own, so its tests see only what they
 * and their neighbours in the block stored, whatever ran before. Filled in before the block's first test.
 */
export function useApiServer(env: Record<string, string> = {}, prepare?: (server: ApiServer) => unknown): ApiServer {
  const server = {} as ApiServer;
  beforeAll(async () => {
    Object.assign(server, await startApiServer(inject('fixtureSiteDir'), env));
    await prepare?.(server);
  });
  afterAll(() => server.stop?.());
  return server;
}
