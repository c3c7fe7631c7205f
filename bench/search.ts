/**
 * npm run bench:search — search quality and size.
 * For every labelled set (bench/search/sets.ts): builds its site, runs each query through the real search page in
 * Chromium and through plain Pagefind on the same pages, and prints success@1, success@3, MRR and zero-result
 * rate per kind for both. Then the mean over the other industries, the held-out set apart, the targets, and the
 * bytes of a first search on the sample site and on a generated 2,000-article Korean site.
 * Flags: --no-build (reuse bench/.work/search-<set>), --set <name> (one set), --node (the engine in Node over the
 * same index instead of the page: a quick tuning loop, not the measurement), --skip-large, --verbose (misses; not
 * for the held-out set, whose queries stay unseen while tuning).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../test/helpers/build.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startServer } from '../test/helpers/server.ts';
import { generateArticles, readSamples, writeHelploopContent } from './lib/content.ts';
import {
  firstSearchTransfer,
  pageLoadScripts,
  plainPagefindResults,
  searchPageResults,
  type Transfer,
} from './search/browser-run.ts';
import { metrics, type Metrics, type Scored } from './search/metrics.ts';
import { nodeSearcher } from './search/node-search.ts';
import { writePlainIndex } from './search/plain-index.ts';
import { readQueries } from './search/queries.ts';
import { SETS, type LabelledSet } from './search/sets.ts';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean' },
    set: { type: 'string', multiple: true },
    node: { type: 'boolean' },
    'skip-large': { type: 'boolean' },
    verbose: { type: 'boolean' },
  },
});
const work = resolve('bench/.work');
const FIRST_SEARCH_BUDGET = 120_000;
const KINDS = ['title', 'paraphrase', 'particle', 'spacing', 'typo', 'abbrev', 'english', 'none'];

async function build(content: string, out: string) {
  const started = performance.now();
  rmSync(out, { recursive: true, force: true });
  const result = await buildSite(content, out);
  if (result.status !== 0) throw new Error(`build of ${content} failed:\n${result.output.slice(-3000)}`);
  return (performance.now() - started) / 1000;
}

interface SetResult {
  set: LabelledSet;
  ours: Scored[];
  plain: Scored[];
}

const idOf = (url: string) => url.replace(/^\/|\/$/g, '');

async function runSet(set: LabelledSet): Promise<SetResult> {
  const siteDir = resolve(work, `search-${set.name}`);
  if (!args['no-build']) console.log(`Building ${set.name}… ${(await build(set.content, siteDir)).toFixed(1)} s`);
  await writePlainIndex(siteDir);
  const queries = readQueries(set.queries);
  const ours: Scored[] = [];
  const plain: Scored[] = [];
  if (args.node) {
    const engine = await nodeSearcher(siteDir);
    const baseline = await nodeSearcher(siteDir, 'pagefind-plain');
    for (const query of queries) {
      ours.push({ query, ranked: (await engine(query.query, query.locale)).hits.map((hit) => hit.id) });
      plain.push({ query, ranked: await baseline.plain(query.query, query.locale) });
    }
  } else {
    // The browser's own engine, as readers get it from a CDN: the server answers linked searches with the same one.
    const server = await startServer(siteDir, { HELPLOOP_SEARCH_IN_PAGE: 'off' }, 'server/main.ts');
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const plainPage = await browser.newPage();
    for (const query of queries) {
      ours.push({ query, ranked: await searchPageResults(page, server.url, query) });
      plain.push({ query, ranked: await plainPagefindResults(plainPage, server.url, query) });
    }
    await browser.close();
    await server.stop();
  }
  for (const scored of [...ours, ...plain]) scored.ranked = scored.ranked.map(idOf);
  return { set, ours, plain };
}

const f = (value: number) => value.toFixed(2);
const row = (name: string, a: Metrics, b: Metrics) =>
  `${name.padEnd(15)} ${String(a.n).padStart(3)}  ${f(a.success1)} / ${f(b.success1)}   ${f(a.success3)} / ${f(b.success3)}   ${f(a.mrr)} / ${f(b.mrr)}   ${f(a.zeroRate)} / ${f(b.zeroRate)}`;
const byKind = (kind: string) => (s: Scored) => s.query.kind === kind;

function printSet({ set, ours, plain }: SetResult) {
  console.log(`\n${set.name} (${set.role}): Helploop / plain Pagefind, ${ours.length} queries`);
  console.log('kind              n  success@1     success@3     MRR           zero-result');
  for (const kind of KINDS)
    if (ours.some(byKind(kind)))
      console.log(row(kind, metrics(ours.filter(byKind(kind))), metrics(plain.filter(byKind(kind)))));
  console.log(row('overall', metrics(ours), metrics(plain)));
  if (args.verbose && set.role !== 'held-out') {
    for (const { query, ranked } of ours) {
      const hit = query.expected === null ? ranked.length === 0 : ranked.slice(0, 3).includes(query.expected);
      if (!hit)
        console.log(
          `  miss [${query.kind}] ${query.locale} ${query.query} → want ${query.expected ?? 'nothing'}, got ${ranked.slice(0, 3).join(', ') || 'nothing'}`,
        );
    }
  }
}

/** Success@3 per kind and overall, averaged over sets (each set counts once, whatever its size). */
function meanOf(results: SetResult[]) {
  const mean = (pick: (r: SetResult) => Scored[], side: 'ours' | 'plain') =>
    results.reduce((sum, r) => sum + metrics(pick({ ...r, ours: r[side], plain: r[side] })).success3, 0) /
    results.length;
  const kinds = KINDS.filter((kind) => results.every((r) => r.ours.some(byKind(kind))));
  return {
    overall: [mean((r) => r.ours, 'ours'), mean((r) => r.plain, 'plain')] as const,
    kinds: kinds.map(
      (kind) =>
        [
          kind,
          mean((r) => r.ours.filter(byKind(kind)), 'ours'),
          mean((r) => r.plain.filter(byKind(kind)), 'plain'),
        ] as const,
    ),
  };
}

const chosen = SETS.filter((set) => !args.set || args.set.includes(set.name));
const results: SetResult[] = [];
for (const set of chosen) {
  const result = await runSet(set);
  results.push(result);
  printSet(result);
}

const checks: [string, boolean][] = [];
const others = results.filter((r) => r.set.role !== 'sample');
if (others.length) {
  const { overall, kinds } = meanOf(others);
  console.log(
    `\nMean success@3 over the other industries (${others.map((r) => r.set.name).join(', ')}): Helploop / plain Pagefind`,
  );
  for (const [kind, a, b] of kinds) console.log(`  ${kind.padEnd(12)} ${f(a)} / ${f(b)}`);
  console.log(`  ${'overall'.padEnd(12)} ${f(overall[0])} / ${f(overall[1])}`);
  checks.push([`mean success@3 over other industries ≥ 0.90 (${f(overall[0])})`, overall[0] >= 0.9]);
  for (const [kind, a, b] of kinds)
    checks.push([`${kind}: mean ≥ 0.85 and never below plain Pagefind (${f(a)} vs ${f(b)})`, a >= 0.85 && a >= b]);
}
for (const r of results) {
  const ours = metrics(r.ours).success3;
  if (r.set.role === 'held-out') checks.push([`held-out ${r.set.name} success@3 ≥ 0.85 (${f(ours)})`, ours >= 0.85]);
  if (r.set.role === 'sample') checks.push([`shop sample success@3 ≥ 0.93 (${f(ours)})`, ours >= 0.93]);
}
const none = results.flatMap((r) => r.ours.filter(byKind('none')));
if (none.length)
  checks.push([
    `none queries answered with nothing ≥ 0.85 (${f(metrics(none).success3)})`,
    metrics(none).success3 >= 0.85,
  ]);

const transfer = (name: string, t: Transfer) => {
  console.log(`${name}: ${(t.bytes / 1000).toFixed(1)} KB in ${t.requests.length} requests`);
  if (args.verbose)
    for (const r of t.requests)
      console.log(`    ${(r.bytes / 1000).toFixed(1).padStart(6)} KB  ${new URL(r.url).pathname}`);
};
if (!args.node && chosen.some((set) => set.role === 'sample')) {
  const server = await startServer(resolve(work, 'search-shop'), {}, 'server/main.ts');
  const browser = await launchBrowser();
  console.log('\nBytes downloaded (compressed, as sent by npm start)');
  transfer(
    'article page JavaScript before search, sample site',
    await pageLoadScripts(browser, server.url, '/ko/shipping/track-order/'),
  );
  transfer(
    'first search on the sample site',
    await firstSearchTransfer(browser, server.url, '/ko/shipping/track-order/', '배송 조회'),
  );
  await browser.close();
  await server.stop();
}
if (!args.node && !args['skip-large']) {
  const content = resolve(work, 'search-2000-content');
  const out = resolve(work, 'search-2000-site');
  rmSync(content, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  const korean = readSamples('content').filter((article) => article.locale === 'ko');
  writeHelploopContent('content', content, generateArticles(korean, 2000));
  console.log(`\nBuilding a 2,000-article Korean site… ${(await build(content, out)).toFixed(1)} s`);
  const large = await startServer(out, {}, 'server/main.ts');
  const browser = await launchBrowser();
  const first = await firstSearchTransfer(browser, large.url, '/ko/shipping/track-order-1/', '배송 조회');
  transfer('first search on the 2,000-article Korean site', first);
  checks.push([
    `first search at 2,000 articles ≤ 120 KB (${(first.bytes / 1000).toFixed(1)} KB)`,
    first.bytes <= FIRST_SEARCH_BUDGET,
  ]);
  await browser.close();
  await large.stop();
}

console.log('\nTargets');
for (const [label, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
