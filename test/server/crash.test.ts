import { resolve } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { crashCycles } from '../helpers/crash.ts';
import type { EngineKind } from '../../server/db/engine.ts';
import { freshDatabase } from '../helpers/engines.ts';
import { UNLIMITED } from '../helpers/limits.ts';
import { spawnServer, type SpawnedServer } from '../helpers/server.ts';

const started: SpawnedServer[] = [];
const start = async (env: Record<string, string>) => {
  const server = await spawnServer(resolve('server/main.ts'), env);
  started.push(server);
  return server;
};
afterEach(async () => {
  for (const server of started.splice(0)) {
    server.process.kill();
    await server.exited;
  }
});

/** Three kill -9 cycles of an instance on a fresh database of the engine, with another beside it that stays up. */
async function crashOn(kind: EngineKind, withSurvivor: boolean) {
  const database = await freshDatabase(kind);
  const env = { HELPLOOP_SITE_DIR: inject('fixtureSiteDir'), ...database.env, ...UNLIMITED };
  const report = await crashCycles({
    start: () => start(env),
    survivor: withSurvivor ? await start(env) : undefined,
    database: { databaseFile: database.env.HELPLOOP_DATABASE!, databaseUrl: database.env.HELPLOOP_DATABASE_URL },
    articleId: 'en/billing/update-card',
    cycles: 3,
    clients: 16,
    runMs: 600,
  });
  database.remove();
  expect(report.acknowledged).toBeGreaterThan(100);
  expect(report.lost).toBe(0);
  expect(report.stored).toBeGreaterThanOrEqual(report.acknowledged);
  return report;
}

describe('a server killed mid-stream', () => {
  it('on SQLite loses no acknowledged vote and keeps the file intact (3 kill -9 cycles; npm run bench:crash runs more)', async () => {
    expect((await crashOn('sqlite', false)).integrity).toBe('ok');
  }, 60_000);

  it('on PostgreSQL, one of two instances: loses no acknowledged vote, and the other instance serves throughout', async () => {
    expect((await crashOn('postgres', true)).survivorFailures).toBe(0);
  }, 60_000);
});
