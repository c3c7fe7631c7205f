/**
 * npm run bench:search — search quality and size.
 * Builds the site, runs every labelled query of test/fixtures/search-queries.tsv through the real search page
 * in Chromium and through plain Pagefind on the same pages, and prints success@1, success@3, MRR and zero-result
 * rate per kind for both. Then measures the bytes of a first search on the sample site and on a generated
 * 2,000-article Korean site. Flags: --no-build (reuse bench/.work/search-site), --skip-large, --verbose.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSite } from '../test/helpers/build.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startServer } from '../test/helpers/server.ts';
import { generateArticles, readSamples, writeHelploopContent } from './lib/content.ts';
import { firstSearchTransfer, pageLoadScripts, plainPagefindResults, searchPageResults, type Transfer } from './search/browser-run.ts';
import { metrics, type Metrics, type Scored } from './search/metrics.ts';
import { writePlainIndex } from './search/plain-index.ts';
import { readQueries } from './search/queries.ts';

const args = new Set(process.argv.slice(2));
const work = resolve('bench/.work');
const siteDir = resolve(work, 'search-site');
const FIRST_SEARCH_BUDGET = 150_000;

async function build(content: string, out: string) {
  const started = performance.now();
  rmSync(out, { recursive: true, force: true });
  const result = await buildSite(content, out);
  if (result.status !== 0) throw new Error(`build of ${content} failed:\n${result.output.slice(-3000)}`);
  return (performance.now() - started) / 1000;
}

if (!args.has('--no-build')) {
  console.log(`Building the sample site… ${(await build('content', siteDir)).toFixed(1)} s`);
}
await writePlainIndex(siteDir);

const queries = readQueries();
const server = await startServer(siteDir, {}, 'server/main.ts');
const browser = await launchBrowser();
const page = await browser.newPage();
const plainPage = await browser.newPage();
const ours: Scored[] = [];
const plain: Scored[] = [];
const started = performance.now();
for (const query of queries) {
  ours.push({ query, ranked: await searchPageResults(page, server.url, query) });
  plain.push({ query, ranked: await plainPagefindResults(plainPage, server.url, query) });
}
const perQueryMs = (performance.now() - started) / queries.length;

const kinds = [...new Set(queries.map((q) => q.kind))];
const groups: [string, (s: Scored) => boolean][] = [
  ...kinds.map((kind): [string, (s: Scored) => boolean] => [kind, (s) => s.query.kind === kind]),
  ['ko (all kinds)', (s) => s.query.locale === 'ko'],
  ['en (all kinds)', (s) => s.query.locale === 'en'],
  ['overall', () => true],
];
const f = (value: number) => value.toFixed(2);
const row = (name: string, a: Metrics, b: Metrics) =>
  `${name.padEnd(15)} ${String(a.n).padStart(3)}  ${f(a.success1)} / ${f(b.success1)}   ${f(a.success3)} / ${f(b.success3)}   ${f(a.mrr)} / ${f(b.mrr)}   ${f(a.zeroRate)} / ${f(b.zeroRate)}`;
console.log(`\nSearch quality: Helploop / plain Pagefind, ${queries.length} labelled queries (${perQueryMs.toFixed(0)} ms per query pair)`);
console.log('kind              n  success@1     success@3     MRR           zero-result');
const results = new Map<string, [Metrics, Metrics]>();
for (const [name, keep] of groups) {
  const pair: [Metrics, Metrics] = [metrics(ours.filter(keep)), metrics(plain.filter(keep))];
  results.set(name, pair);
  console.log(row(name, ...pair));
}

if (args.has('--verbose')) {
  console.log('\nMisses (expected not in our top 3):');
  for (const { query, ranked } of ours) {
    const hit = query.expected === null ? ranked.length === 0 : ranked.slice(0, 3).includes(query.expected);
    if (!hit) console.log(`  [${query.kind}] ${query.locale} ${query.query} → want ${query.expected ?? 'nothing'}, got ${ranked.slice(0, 3).join(', ') || 'nothing'}`);
  }
}

const koreanKinds = kinds.filter((kind) => kind !== 'typo' && kind !== 'english' && queries.some((q) => q.kind === kind && q.locale === 'ko'));
const checks: [string, boolean][] = [
  [`success@3 overall ≥ 0.90 (${f(results.get('overall')![0].success3)})`, results.get('overall')![0].success3 >= 0.9],
  ...koreanKinds.map((kind): [string, boolean] => {
    const korean = metrics(ours.filter((s) => s.query.kind === kind && s.query.locale === 'ko'));
    return [`success@3 for Korean ${kind} ≥ 0.85 (${f(korean.success3)})`, korean.success3 >= 0.85];
  }),
  ...kinds.map((kind): [string, boolean] => {
    const [a, b] = results.get(kind)!;
    return [`${kind}: never below plain Pagefind (${f(a.success3)} vs ${f(b.success3)} @3, ${f(a.mrr)} vs ${f(b.mrr)} MRR)`, a.success3 >= b.success3 && a.mrr >= b.mrr];
  }),
];

const transfer = (name: string, t: Transfer) => {
  console.log(`${name}: ${(t.bytes / 1000).toFixed(1)} KB in ${t.requests.length} requests`);
  if (args.has('--verbose')) for (const r of t.requests) console.log(`    ${(r.bytes / 1000).toFixed(1).padStart(6)} KB  ${new URL(r.url).pathname}`);
};
console.log('\nBytes downloaded (compressed, as sent by npm start)');
transfer('article page JavaScript before search, sample site', await pageLoadScripts(browser, server.url, '/ko/shipping/track-order/'));
const small = await firstSearchTransfer(browser, server.url, '/ko/shipping/track-order/', '배송 조회');
transfer('first search on the sample site (58 articles)', small);
await browser.close();
await server.stop();

if (!args.has('--skip-large')) {
  const content = resolve(work, 'search-2000-content');
  const out = resolve(work, 'search-2000-site');
  rmSync(content, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  const korean = readSamples('content').filter((article) => article.locale === 'ko');
  writeHelploopContent('content', content, generateArticles(korean, 2000));
  console.log(`\nBuilding a 2,000-article Korean site… ${(await build(content, out)).toFixed(1)} s`);
  const large = await startServer(out, {}, 'server/main.ts');
  const largeBrowser = await launchBrowser();
  const first = await firstSearchTransfer(largeBrowser, large.url, '/ko/shipping/track-order-1/', '배송 조회');
  transfer('first search on the 2,000-article Korean site', first);
  checks.push([`first search at 2,000 articles ≤ 150 KB (${(first.bytes / 1000).toFixed(1)} KB)`, first.bytes <= FIRST_SEARCH_BUDGET]);
  await largeBrowser.close();
  await large.stop();
}

console.log('\nTargets');
for (const [label, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
