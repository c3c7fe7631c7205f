/**
 * npm run bench:api — votes per second and latency on real servers, each next to a bare route on the same server
 * stack measured in the same run (other work on the machine moves absolute numbers; the ratio is what to compare).
 * A unique event id per request, 32 connections: at saturation (autocannon) and at a fixed 1,000 req/s, one request
 * every millisecond (load.ts's `paced`: autocannon's fixed rate sends each second's requests in one burst), for
 * SQLite with synchronous=NORMAL and FULL, and PostgreSQL (fsync and synchronous_commit on) with one instance and
 * with two on one database, the load alternating between them; then other readers' latency while one client floods.
 * Each setup is first warmed up with 3 s of votes, and PostgreSQL's statistics taken, as a database in service has
 * them (servers.ts).
 * Flags: --duration S (default 10 per measurement; 17 measurements).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../test/helpers/build.ts';
import { UNLIMITED } from '../test/helpers/limits.ts';
import { load as loadIn, paced as pacedIn, type LoadOptions, type Measured } from './api/load.ts';
import { postgresDurability, stopPostgres, withServers, type ServerSetup } from './api/servers.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' } } });
const duration = Number(values.duration);
const CONNECTIONS = 32;
const FIXED_RATE = 1_000;
const WARM_UP_S = 3;
const TARGETS = { durableShare: 0.5, p99AtFixedRate: 25, othersP99InFlood: 50 };

const siteDir = resolve('bench/.work/api-site');
const load = (urls: string[], path: string, options: Omit<LoadOptions, 'duration'>) =>
  loadIn(urls, path, { ...options, duration });
const paced = (urls: string[], path: string, options: Omit<LoadOptions, 'duration'> & { rate: number }) =>
  pacedIn(urls, path, { ...options, duration });

/**
 * The same load from another process: a flooding client in this process would starve the timers of the readers
 * measured beside it, and their latency would be this process's, not the server's.
 */
function loadElsewhere(url: string, path: string, connections: number): Promise<Measured> {
  return new Promise((done, fail) =>
    execFile(
      process.execPath,
      [resolve('bench/api/load.ts'), url, path, String(connections), String(duration)],
      (error, stdout) => (error ? fail(error) : done(JSON.parse(stdout) as Measured)),
    ),
  );
}
const build = await buildSite('test/fixtures/content-basic', siteDir);
if (build.status !== 0) throw new Error(build.output);

// Each load says which address it comes from, as a proxy in front would.
const serverEnv = { HELPLOOP_SITE_DIR: siteDir, HELPLOOP_TRUST_PROXY: 'true' };
const SETUPS: Record<string, ServerSetup> = {
  'SQLite normal': { engine: 'sqlite', instances: 1, env: { HELPLOOP_SYNCHRONOUS: 'normal' } },
  'SQLite full': { engine: 'sqlite', instances: 1, env: { HELPLOOP_SYNCHRONOUS: 'full' } },
  'PostgreSQL ×1': { engine: 'postgres', instances: 1, env: {} },
  'PostgreSQL ×2': { engine: 'postgres', instances: 2, env: {} },
};

/**
 * Each request from another reader (address and browser), as a help center's votes come: one reader's votes on one
 * article would all update one row, which two instances would take turns to lock.
 */
let readers = 0;
const reader = () => ({
  userAgent: `reader-${readers}`,
  address: `10.${(readers >> 16) & 255}.${(readers >> 8) & 255}.${readers++ & 255}`,
});

const row = (name: string, m: Measured, bare?: Measured) =>
  console.log(
    `${name.padEnd(34)} ${m.rate.toFixed(0).padStart(8)} ${m.p50.toFixed(1).padStart(7)} ${m.p99.toFixed(1).padStart(7)} ${(bare ? `${(m.rate / bare.rate).toFixed(2)}×` : '').padStart(7)} ${String(m.other).padStart(7)}`,
  );

console.log(
  `autocannon, ${CONNECTIONS} connections, ${duration} s per line; latency in ms; "not 2xx" counts errors too\n`,
);
console.log(`${'measurement'.padEnd(34)}    req/s     p50     p99  vs bare  not 2xx`);
interface Result {
  saturated: Measured;
  bare: Measured;
  fixed: Measured;
}
const results: Record<string, Result> = {};
try {
  for (const [name, setup] of Object.entries(SETUPS)) {
    results[name] = await withServers(
      { ...setup, env: { ...serverEnv, ...UNLIMITED, ...setup.env } },
      async (urls, analyze) => {
        // Compiled code and a database with rows and statistics, as in service; not measured.
        await loadIn(urls, '/api/votes', { connections: CONNECTIONS, reader, duration: WARM_UP_S });
        await analyze();
        const bare = await load(urls, '/bench/bare', { connections: CONNECTIONS, reader });
        const saturated = await load(urls, '/api/votes', { connections: CONNECTIONS, reader });
        const bareFixed = await paced(urls, '/bench/bare', { connections: CONNECTIONS, rate: FIXED_RATE, reader });
        const fixed = await paced(urls, '/api/votes', { connections: CONNECTIONS, rate: FIXED_RATE, reader });
        row(`bare route, saturated`, bare);
        row(`votes ${name}, saturated`, saturated, bare);
        row(`bare route, ${FIXED_RATE}/s`, bareFixed);
        row(`votes ${name}, ${FIXED_RATE}/s`, fixed, bareFixed);
        return { saturated, bare, fixed };
      },
    );
  }
  console.log(`\nPostgreSQL: ${await postgresDurability()}`);
} finally {
  await stopPostgres();
}

// One client (one address and user agent) floods with votes under the default limits, while other readers, each from
// their own address, vote at their pace.
const flood = await withServers(
  { ...SETUPS['SQLite full'], env: { ...serverEnv, ...SETUPS['SQLite full'].env } },
  async ([url]) => {
    const [flooder, others] = await Promise.all([
      loadElsewhere(url, '/api/votes', CONNECTIONS),
      paced([url], '/api/votes', { connections: 8, rate: 200, reader }),
    ]);
    row('one client flooding (full)', flooder);
    row('other readers meanwhile (full)', others);
    return { flooder, others };
  },
);

const DURABLE = ['SQLite full', 'PostgreSQL ×1', 'PostgreSQL ×2'];
console.log(
  `\n${'durable votes'.padEnd(16)} ${'req/s saturated'.padStart(16)} ${'vs bare'.padStart(8)} ${`p99 at ${FIXED_RATE}/s`.padStart(14)}`,
);
for (const name of DURABLE) {
  const { saturated, bare, fixed } = results[name];
  console.log(
    `${name.padEnd(16)} ${saturated.rate.toFixed(0).padStart(16)} ${`${(saturated.rate / bare.rate).toFixed(2)}×`.padStart(8)} ${`${fixed.p99} ms`.padStart(14)}`,
  );
}

/** A server that cannot keep up with the fixed rate is measured saturated: its latency is not the target's. */
const reachedFixedRate = (fixed: Measured) => fixed.rate >= 0.95 * FIXED_RATE;
const full = results['SQLite full'];
const twoInstances = results['PostgreSQL ×2'];
const checks = [
  [
    `durable votes on SQLite at saturation ≥ ${TARGETS.durableShare}× bare`,
    full.saturated.rate / full.bare.rate >= TARGETS.durableShare,
    `${(full.saturated.rate / full.bare.rate).toFixed(2)}×`,
  ],
  [
    'PostgreSQL with 2 instances at least matches SQLite on 1, with durable commits',
    twoInstances.saturated.rate >= full.saturated.rate,
    `${twoInstances.saturated.rate.toFixed(0)} vs ${full.saturated.rate.toFixed(0)} req/s`,
  ],
  [
    `p99 < ${TARGETS.p99AtFixedRate} ms at ${FIXED_RATE} req/s on both engines`,
    DURABLE.every((name) => reachedFixedRate(results[name].fixed) && results[name].fixed.p99 < TARGETS.p99AtFixedRate),
    DURABLE.map((name) => {
      const { fixed } = results[name];
      return `${name} ${fixed.p99} ms${reachedFixedRate(fixed) ? '' : ` (only ${fixed.rate.toFixed(0)} req/s)`}`;
    }).join(', '),
  ],
  [
    `other readers' p99 in a flood < ${TARGETS.othersP99InFlood} ms`,
    flood.others.p99 < TARGETS.othersP99InFlood && flood.others.other === 0,
    `${flood.others.p99} ms, ${flood.others.other} not 2xx`,
  ],
] as const;
console.log('\nDurable commits (SQLite synchronous=FULL, the default; PostgreSQL fsync and synchronous_commit on):');
for (const [name, met, value] of checks) console.log(`${met ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
