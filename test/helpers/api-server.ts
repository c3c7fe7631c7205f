import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openEngine, type EngineKind } from '../../server/db/engine.ts';
import { createStorage } from '../../server/db/storage.ts';
import { readManifest } from '../../server/manifest.ts';
import { currentEngine, freshDatabase } from './engines.ts';
import { firstWordGrouper } from './theme-grouper.ts';

/**
 * The real app over a built site and a fresh database of the engine, on a free port of 127.0.0.1, with a clock
 * tests move. Tests read what was stored through the same storage interfaces the app uses.
 */
export async function startApiServer(siteDir: string, env: Record<string, string> = {}, kind: EngineKind = 'sqlite') {
  const database = await freshDatabase(kind);
  const config = loadConfig({ HELPLOOP_SITE_DIR: siteDir, ...database.env, ...env });
  const engine = await openEngine(config);
  const storage = createStorage(engine);
  const clock = { now: new Date('2026-11-20T10:00:00Z') };
  const grouper = firstWordGrouper();
  const app = createApp({ config, storage, manifest: readManifest(siteDir), clock: () => clock.now, grouper });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((done) => server.once('listening', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    kind,
    config,
    clock,
    engine,
    events: storage.events,
    reports: storage.reports,
    staff: storage.staff,
    rollup: storage.rollup,
    themes: storage.themes,
    /** The clustering the app's theme decisions use, for a test that runs the themes job itself. */
    grouper,
    /** Rows of any SQL, on either engine: for what no interface shows whole (every column of a table). */
    select: async (text: string) => (await sql.raw<Record<string, unknown>>(text).execute(engine.db)).rows,
    /** The number one `SELECT count(*) …` answers (PostgreSQL answers counts as text). */
    count: async (text: string) =>
      Number(Object.values((await sql.raw<Record<string, unknown>>(text).execute(engine.db)).rows[0]!)[0]),
    stop: () =>
      new Promise<void>((done) =>
        server.close(() => {
          void engine.close().finally(() => {
            database.remove();
            done();
          });
        }),
      ),
  };
}

export type ApiServer = Awaited<ReturnType<typeof startApiServer>>;

/**
 * For a `describe`: a server over the fixture site and a database of its own, so its tests see only what they
 * and their neighbours in the block stored, whatever ran before. Filled in before the block's first test. Its
 * engine is the enclosing `onEachEngine` block's (SQLite outside one).
 */
export function useApiServer(
  env: Record<string, string> = {},
  prepare?: (server: ApiServer) => unknown,
  kind: EngineKind = currentEngine(),
): ApiServer {
  const server = {} as ApiServer;
  beforeAll(async () => {
    Object.assign(server, await startApiServer(inject('fixtureSiteDir'), env, kind));
    await prepare?.(server);
  });
  afterAll(() => server.stop?.());
  return server;
}
