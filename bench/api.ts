/**
 * npm run bench:api — votes per second and latency on a real server, next to a bare route on the same server stack
 * measured in the same run (other work on the machine moves absolute numbers; the ratio is what to compare).
 * autocannon with 32 connections, a unique event id per request; at saturation and at a fixed 1,000 req/s, for
 * synchronous=NORMAL and FULL; then other readers' latency while one client floods.
 * Flags: --duration S (default 10 per measurement).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../test/helpers/build.ts';
import { UNLIMITED } from '../test/helpers/limits.ts';
import { spawnServer } from '../test/helpers/server.ts';
import { load as loadIn, type LoadOptions, type Measured } from './api/load.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' } } });
const duration = Number(values.duration);
const CONNECTIONS = 32;
const FIXED_RATE = 1_000;
const TARGETS = { durableShare: 0.5, p99AtFixedRate: 25, othersP99InFlood: 50 };

const siteDir = resolve('bench/.work/api-site');
const load = (url: string, path: string, options: Omit<LoadOptions, 'duration'>) =>
  loadIn(url, path, { ...options, duration });

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

async function withServer<T>(env: Record<string, string>, run: (url: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'helploop-bench-api-'));
  // Each load says which address it comes from, as a proxy in front would.
  const server = await spawnServer(resolve('bench/api/server.ts'), {
    HELPLOOP_SITE_DIR: siteDir,
    HELPLOOP_DATABASE: join(dataDir, 'helploop.db'),
    HELPLOOP_TRUST_PROXY: 'true',
    ...env,
  });
  try {
    return await run(server.url);
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const row = (name: string, m: Measured, bare?: Measured) =>
  console.log(
    `${name.padEnd(34)} ${m.rate.toFixed(0).padStart(8)} ${m.p50.toFixed(1).padStart(7)} ${m.p99.toFixed(1).padStart(7)} ${(bare ? `${(m.rate / bare.rate).toFixed(2)}×` : '').padStart(7)} ${String(m.other).padStart(7)}`,
  );

console.log(
  `autocannon, ${CONNECTIONS} connections, ${duration} s per line; latency in ms; "not 2xx" counts errors too\n`,
);
console.log(`${'measurement'.padEnd(34)}    req/s     p50     p99  vs bare  not 2xx`);
const results: Record<string, { saturated: Measured; bare: Measured; fixed: Measured; bareFixed: Measured }> = {};
for (const synchronous of ['normal', 'full']) {
  results[synchronous] = await withServer({ HELPLOOP_SYNCHRONOUS: synchronous, ...UNLIMITED }, async (url) => {
    const bare = await load(url, '/bench/bare', { connections: CONNECTIONS });
    const saturated = await load(url, '/api/votes', { connections: CONNECTIONS });
    const bareFixed = await load(url, '/bench/bare', { connections: CONNECTIONS, rate: FIXED_RATE });
    const fixed = await load(url, '/api/votes', { connections: CONNECTIONS, rate: FIXED_RATE });
    row(`bare route, saturated`, bare);
    row(`votes ${synchronous}, saturated`, saturated, bare);
    row(`bare route, ${FIXED_RATE}/s`, bareFixed);
    row(`votes ${synchronous}, ${FIXED_RATE}/s`, fixed, bareFixed);
    return { saturated, bare, fixed, bareFixed };
  });
}

// One client (one address and user agent) floods with votes under the default limits, while other readers, each from
// their own address, vote at their pace.
const flood = await withServer({ HELPLOOP_SYNCHRONOUS: 'full' }, async (url) => {
  let reader = 0;
  const [flooder, others] = await Promise.all([
    loadElsewhere(url, '/api/votes', CONNECTIONS),
    load(url, '/api/votes', {
      connections: 8,
      rate: 200,
      reader: () => ({ userAgent: `reader-${reader}`, address: `198.51.${(reader >> 8) & 255}.${reader++ & 255}` }),
    }),
  ]);
  row('one client flooding (full)', flooder);
  row('other readers meanwhile (full)', others);
  return { flooder, others };
});

const full = results.full;
const checks = [
  [
    `durable votes at saturation ≥ ${TARGETS.durableShare}× bare`,
    full.saturated.rate / full.bare.rate >= TARGETS.durableShare,
    `${(full.saturated.rate / full.bare.rate).toFixed(2)}×`,
  ],
  [
    `p99 at ${FIXED_RATE}/s < ${TARGETS.p99AtFixedRate} ms`,
    full.fixed.p99 < TARGETS.p99AtFixedRate,
    `${full.fixed.p99} ms`,
  ],
  [
    `other readers' p99 in a flood < ${TARGETS.othersP99InFlood} ms`,
    flood.others.p99 < TARGETS.othersP99InFlood && flood.others.other === 0,
    `${flood.others.p99} ms, ${flood.others.other} not 2xx`,
  ],
] as const;
console.log('\nsynchronous=FULL (the default):');
for (const [name, met, value] of checks) console.log(`${met ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
