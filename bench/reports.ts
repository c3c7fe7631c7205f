/**
 * npm run bench:reports — every staff report through the real server on a database the size of a busy help center:
 * 1,000,000 votes, 1,000,000 searches, 300,000 search clicks and 2,000,000 views over the retained 90 days (plus
 * widget events and support clicks), and 30 older days already rolled up into the daily tables.
 * Per report and period: median and max of a few calls, and the slowest GET /api/health answer while each ran
 * (the server's event loop, seen from outside). Then vote ingest alone and while reports run in a loop.
 * With several scales, how each report's median grows with the data.
 * Flags: --scale F[,F…] (0.1 for a quick run; 1,5 for the growth to 5M rows), --reps N (calls per report and period, default 3), --duration S (per
 * ingest measurement, default 10), --patience S (a report slower than this is called once, and not at 90 days;
 * default 10), --settle S (wait after the server starts before timing, for its first periodic turns: the roll-up,
 * the themes job's first clustering; default 0, as a report opened just after a deploy), --engine NAME (default:
 * every engine in bench/reports/engines.ts), --no-build (reuse the site).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import type { ReportStorage } from '../server/db/report-storage.ts';
import { readManifest } from '../server/manifest.ts';
import { pagedReports } from '../server/staff/paged-reports.ts';
import { generatePassword, hashPassword } from '../server/staff/passwords.ts';
import { buildSite } from '../test/helpers/build.ts';
import { UNLIMITED } from '../test/helpers/limits.ts';
import { spawnServer } from '../test/helpers/server.ts';
import { load, type Measured } from './api/load.ts';
import { generateArticles, readSamples, writeHelploopContent } from './lib/content.ts';
import { engines } from './reports/engines.ts';
import { FULL_VOLUME, type Volume } from './reports/events.ts';
import { get, median, timeWithHealth, type Timed } from './reports/timing.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    reps: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    patience: { type: 'string', default: '10' },
    settle: { type: 'string', default: '0' },
    engine: { type: 'string', multiple: true },
    'no-build': { type: 'boolean' },
  },
});
const scales = values.scale.split(',').map(Number);
const reps = Number(values.reps);
const duration = Number(values.duration);
const patienceMs = Number(values.patience) * 1000;
const ARTICLES = 300;
const ROLLED_UP_DAYS = 30;
const CONNECTIONS = 32;
const TARGETS = { reportMs: 100, healthMs: 100, ingestShare: 0.9 };
/** A staff member reading reports: one opened a second after the last answered. */
const STAFF_PAUSE_MS = 1000;

const work = resolve('bench/.work');
const siteDir = join(work, 'reports-site');
if (!values['no-build'] || !existsSync(siteDir)) {
  const content = join(work, 'reports-content');
  rmSync(content, { recursive: true, force: true });
  writeHelploopContent('content', content, generateArticles(readSamples('content'), ARTICLES));
  console.log(`Building a ${ARTICLES}-article site…`);
  const build = await buildSite(content, siteDir);
  if (build.status !== 0) throw new Error(build.output);
}
const manifest = readManifest(siteDir);
// The paged reports are named where the server defines them; naming them touches no storage.
const reportNames = ['overview', ...Object.keys(pagedReports({} as ReportStorage, manifest, 0)), 'inbox'];
/** The inbox reads every report at once; it is timed beside them. */
const reportPath = (name: string) => (name === 'inbox' ? name : `reports/${name}`);
const periods = [
  { name: 'default', query: '' },
  { name: '90 days', query: '?days=90' },
];
const volumeAt = (scale: number) =>
  Object.fromEntries(Object.entries(FULL_VOLUME).map(([table, rows]) => [table, Math.round(rows * scale)])) as Volume;
const staff = { email: 'bench@helploop.example', password: generatePassword() };

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);
const checks: [string, boolean, string][] = [];
/** Median per `engine|report|period`, one per scale. */
const medians = new Map<string, number[]>();

for (const engineName of values.engine ?? Object.keys(engines))
  for (const scale of scales) {
    const engine = engines[engineName];
    if (!engine) throw new Error(`No engine ${engineName}; there are ${Object.keys(engines).join(', ')}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'helploop-bench-reports-'));
    try {
      console.log(`\n${engineName}: generating events at scale ${scale}…`);
      const started = performance.now();
      const filled = await engine.fill(dataDir, {
        manifest,
        volume: volumeAt(scale),
        retentionDays: loadConfig({}).retentionDays,
        rolledUpDays: ROLLED_UP_DAYS,
        staff: { email: staff.email, passwordHash: await hashPassword(staff.password) },
        now: new Date(),
      });
      console.log(`generated and rolled up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (const [table, rows] of Object.entries(filled.rows))
        console.log(`  ${table.padEnd(16)} ${rows.toLocaleString('en')}`);

      const server = await spawnServer(resolve('server/main.ts'), {
        HELPLOOP_SITE_DIR: siteDir,
        HELPLOOP_TRUST_PROXY: 'true',
        ...UNLIMITED,
        ...filled.env,
      });
      try {
        await sleep(Number(values.settle) * 1000);
        await measure(`${engineName} ×${scale}`, server.url, (key, ms) =>
          medians.set(`${engineName}|${key}`, [...(medians.get(`${engineName}|${key}`) ?? []), ms]),
        );
      } finally {
        server.process.kill('SIGTERM');
        await server.exited;
        await filled.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

if (scales.length > 1) {
  console.log(`\nmedian by scale (${scales.map((s) => `×${s}`).join(', ')}) and growth from the first to the last`);
  for (const [key, values] of medians) {
    const growth = values.length === scales.length ? `${(values.at(-1)! / values[0]).toFixed(1)}×` : '—';
    console.log(`${key.replaceAll('|', ' ').padEnd(40)} ${values.map((v) => ms(v).padStart(9)).join(' ')}  ${growth}`);
  }
}

console.log('');
for (const [name, met, value] of checks) console.log(`${met ? 'PASS' : 'FAIL'}  ${name}: ${value}`);

async function login(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: staff.email, password: staff.password }),
  });
  if (!response.ok) throw new Error(`Login failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken };
}

async function measure(engineName: string, url: string, record: (key: string, medianMs: number) => void) {
  const headers = await login(url);
  const callReport = (name: string, query = '') => get(`${url}/api/staff/${reportPath(name)}${query}`, headers);
  console.log(
    `\n${'report'.padEnd(20)} ${'period'.padEnd(8)} ${'median'.padStart(9)} ${'max'.padStart(9)} ${'worst health'.padStart(13)}  calls`,
  );
  const patient: string[] = [];
  const [slow, blocking]: string[][] = [[], []];
  for (const name of reportNames) {
    for (const period of periods) {
      const runs: Timed[] = [];
      while (runs.length < reps) {
        const run = await timeWithHealth(url, () => callReport(name, period.query));
        if (run.status !== 200) throw new Error(`${name} answered ${run.status}`);
        runs.push(run);
        if (run.ms > patienceMs) break;
      }
      const [mid, max, health] = [
        median(runs.map((r) => r.ms)),
        Math.max(...runs.map((r) => r.ms)),
        Math.max(...runs.map((r) => r.worstHealthMs)),
      ];
      console.log(
        `${name.padEnd(20)} ${period.name.padEnd(8)} ${ms(mid).padStart(9)} ${ms(max).padStart(9)} ${ms(health).padStart(13)}  ${runs.length}`,
      );
      record(`${name}|${period.name}`, mid);
      if (max >= TARGETS.reportMs) slow.push(`${name} (${period.name}) ${ms(max)}`);
      if (health >= TARGETS.healthMs) blocking.push(`${name} (${period.name}) ${ms(health)}`);
      if (max > patienceMs) {
        console.log(`${''.padEnd(20)} slower than --patience; not called at longer periods nor in the ingest loop`);
        break;
      }
      if (period === periods[0]) patient.push(name);
    }
  }

  const offenders = (list: string[]) => (list.length ? list.join(', ') : 'none');
  checks.push([
    `${engineName} every report's max < ${TARGETS.reportMs} ms`,
    !slow.length,
    `slower: ${offenders(slow)}`,
  ]);
  checks.push([
    `${engineName} /api/health answers < ${TARGETS.healthMs} ms while any report runs`,
    !blocking.length,
    `slower during: ${offenders(blocking)}`,
  ]);

  const articleId = manifest.articles[0].id;
  const votes = () => load(url, '/api/votes', { connections: CONNECTIONS, duration, articleId });
  /** Votes while reports are called in turn, `pauseMs` apart: 0 as if dozens of staff refreshed without pause. */
  const votesWhileReports = async (pauseMs: number) => {
    let loading = true;
    let calls = 0;
    const loop = (async () => {
      while (loading && patient.length)
        for (const name of patient) {
          if (!loading) break;
          await callReport(name);
          calls++;
          if (pauseMs) await sleep(pauseMs);
        }
    })();
    const measured = await votes();
    loading = false;
    await loop;
    return { measured, calls };
  };
  const alone = await votes();
  const during = await votesWhileReports(0);
  const browsing = await votesWhileReports(STAFF_PAUSE_MS);
  const row = (label: string, m: Measured) =>
    console.log(
      `${label.padEnd(48)} ${m.rate.toFixed(0).padStart(8)} req/s  p99 ${ms(m.p99).padStart(7)}  not 2xx ${m.other}`,
    );
  console.log(`\nvote ingest, autocannon ${CONNECTIONS} connections, ${duration} s each`);
  row('votes alone', alone);
  row(`votes while reports run (${during.calls} calls)`, during.measured);
  row(`votes while one staff member browses (${browsing.calls} calls)`, browsing.measured);
  console.log(`  reports in the loop: ${patient.join(', ')}; browsing opens one every ${STAFF_PAUSE_MS / 1000} s`);
  console.log(`  browsing: ${(browsing.measured.rate / alone.rate).toFixed(2)}× ingest alone`);
  const share = during.measured.rate / alone.rate;
  checks.push([
    `${engineName} ingest during reports ≥ ${TARGETS.ingestShare}× ingest alone`,
    share >= TARGETS.ingestShare,
    `${share.toFixed(2)}×`,
  ]);
}
