/**
 * npm run bench:crash — kill -9 the server mid-stream, restart, repeat; count acknowledged votes that were lost.
 * Runs the real server (answers after commit) on SQLite, then on a throwaway PostgreSQL cluster as one of two
 * instances (the other streamed to all along and never killed), and a control that answers before committing.
 * Flags: --cycles N (default 12), --clients N (default 32).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgresCluster } from '../scripts/lib/postgres-cluster.ts';
import { buildSite } from '../test/helpers/build.ts';
import { crashCycles, type CrashReport } from '../test/helpers/crash.ts';
import { UNLIMITED } from '../test/helpers/limits.ts';
import { spawnServer, type SpawnedServer } from '../test/helpers/server.ts';

const { values } = parseArgs({
  options: { cycles: { type: 'string', default: '12' }, clients: { type: 'string', default: '32' } },
});
const cycles = Number(values.cycles);
const clients = Number(values.clients);

const siteDir = resolve('bench/.work/crash-site');
const build = await buildSite('test/fixtures/content-basic', siteDir);
if (build.status !== 0) throw new Error(build.output);

async function run(name: string, script: string, databaseUrl?: string): Promise<CrashReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'helploop-crash-'));
  let survivor: SpawnedServer | undefined;
  try {
    const databaseFile = join(dataDir, 'helploop.db');
    const env = {
      HELPLOOP_SITE_DIR: siteDir,
      HELPLOOP_DATABASE: databaseFile,
      ...(databaseUrl && { HELPLOOP_DATABASE_URL: databaseUrl }),
      ...UNLIMITED,
    };
    if (databaseUrl) survivor = await spawnServer(script, env);
    const started = performance.now();
    const report = await crashCycles({
      start: () => spawnServer(script, env),
      survivor,
      database: { databaseFile, databaseUrl },
      articleId: 'en/billing/update-card',
      cycles,
      clients,
      runMs: 1500,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${name.padEnd(42)} ${String(report.cycles).padStart(6)} ${String(report.sent).padStart(8)} ${String(report.acknowledged).padStart(8)} ${String(report.lost).padStart(6)} ${String(report.stored).padStart(8)}  ${report.integrity.padEnd(9)} ${(report.acknowledged / seconds).toFixed(0).padStart(6)}/s  ${databaseUrl ? report.survivorFailures : ''}`,
    );
    return report;
  } finally {
    survivor?.process.kill();
    await survivor?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`kill -9 cycles with ${clients} concurrent clients streaming votes\n`);
console.log(`${'server'.padEnd(42)} cycles     sent    acked   lost   stored  integrity   acked  survivor's failures`);
const real = await run('helploop on SQLite', resolve('server/main.ts'));
// fsync and synchronous_commit stay on: acknowledged means durable, as on SQLite with synchronous=FULL.
const cluster = await startPostgresCluster();
const onPostgres = await run(
  'helploop on PostgreSQL, 1 of 2 instances',
  resolve('server/main.ts'),
  await cluster.createDatabase(),
).finally(() => cluster.stop());
const control = await run('control (answers before commit)', resolve('bench/crash/buffered-server.ts'));
console.log(
  `\nlost acknowledged votes: SQLite ${real.lost} of ${real.acknowledged}, PostgreSQL ${onPostgres.lost} of ${onPostgres.acknowledged} (the other instance failed ${onPostgres.survivorFailures}), control ${control.lost} of ${control.acknowledged}`,
);
const held = real.lost === 0 && real.integrity === 'ok' && onPostgres.lost === 0 && onPostgres.survivorFailures === 0;
console.log(
  held ? 'PASS  no acknowledged vote lost on either engine, database intact, the other instance served' : 'FAIL',
);
