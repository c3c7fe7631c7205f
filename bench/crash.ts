/**
 * npm run bench:crash — kill -9 the server mid-stream, restart, repeat; count acknowledged votes that were lost.
 * Runs the real server (answers after commit) and a control that answers before committing, on the same load.
 * Flags: --cycles N (default 12), --clients N (default 32).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../test/helpers/build.ts';
import { crashCycles, type CrashReport } from '../test/helpers/crash.ts';
import { UNLIMITED } from '../test/helpers/limits.ts';
import { spawnServer } from '../test/helpers/server.ts';

const { values } = parseArgs({
  options: { cycles: { type: 'string', default: '12' }, clients: { type: 'string', default: '32' } },
});
const cycles = Number(values.cycles);
const clients = Number(values.clients);

const siteDir = resolve('bench/.work/crash-site');
const build = await buildSite('test/fixtures/content-basic', siteDir);
if (build.status !== 0) throw new Error(build.output);

async function run(name: string, script: string): Promise<CrashReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'helploop-crash-'));
  try {
    const databaseFile = join(dataDir, 'helploop.db');
    const env = { HELPLOOP_SITE_DIR: siteDir, HELPLOOP_DATABASE: databaseFile, ...UNLIMITED };
    const started = performance.now();
    const report = await crashCycles({
      start: () => spawnServer(script, env),
      database: { databaseFile },
      articleId: 'en/billing/update-card',
      cycles,
      clients,
      runMs: 1500,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${name.padEnd(34)} ${String(report.cycles).padStart(6)} ${String(report.sent).padStart(8)} ${String(report.acknowledged).padStart(8)} ${String(report.lost).padStart(6)} ${String(report.stored).padStart(8)}  ${report.integrity.padEnd(9)} ${(report.acknowledged / seconds).toFixed(0).padStart(6)}/s`,
    );
    return report;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`kill -9 cycles with ${clients} concurrent clients streaming votes\n`);
console.log(`${'server'.padEnd(34)} cycles     sent    acked   lost   stored  integrity   acked`);
const real = await run('helploop (answers after commit)', resolve('server/main.ts'));
const control = await run('control (answers before commit)', resolve('bench/crash/buffered-server.ts'));
console.log(
  `\nlost acknowledged votes: helploop ${real.lost} of ${real.acknowledged}, control ${control.lost} of ${control.acknowledged}`,
);
console.log(real.lost === 0 && real.integrity === 'ok' ? 'PASS  no acknowledged vote lost, database intact' : 'FAIL');
