/**
 * npm run bench:lighthouse — Lighthouse on the pages readers land on, desktop and mobile.
 * Builds the sample site when it is missing or older than its sources, serves it as `npm start` does, and runs
 * Lighthouse's performance and accessibility categories in Debian's Chromium. Prints the median of --runs=N runs (default 3) per page and form factor against the targets; exits 1 when one fails.
 */
import { parseArgs } from 'node:util';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { startServer } from '../test/helpers/server.ts';
import { launchChromium, pad, score } from './lib/lighthouse.ts';
import { sampleSite } from './lib/sample-site.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(args.runs);
const PAGES = ['/ko/search/?q=환불', '/ko/', '/ko/shipping/shipping-fee/'];
const FORM_FACTORS = { desktop: desktopConfig, mobile: undefined };
/** What the issue asks of the search page, and what every page a reader lands on should meet. */
const TARGETS = { performance: 100, accessibility: 100, cls: 0.02 };

interface Measure {
  performance: number;
  accessibility: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
}

const measure = (result: Result): Measure => ({
  performance: score(result, 'performance'),
  accessibility: score(result, 'accessibility'),
  cls: result.audits['cumulative-layout-shift'].numericValue ?? Infinity,
  lcpMs: result.audits['largest-contentful-paint'].numericValue ?? Infinity,
  tbtMs: result.audits['total-blocking-time'].numericValue ?? Infinity,
});
/** Lighthouse's advice: of several runs, report the one with the median performance score. */
const median = (measures: Measure[]) =>
  [...measures].sort((a, b) => a.performance - b.performance)[Math.floor(measures.length / 2)];

const siteDir = await sampleSite();
const server = await startServer(siteDir, {}, 'server/main.ts');
const chrome = await launchChromium();
const checks: [string, boolean][] = [];
try {
  console.log(
    `\nLighthouse, median of ${runs} run${runs === 1 ? '' : 's'} (simulated throttling: mobile is a mid-range phone on slow 4G)`,
  );
  console.log('page                              form      perf  a11y  CLS     LCP      TBT');
  for (const path of PAGES) {
    for (const [formFactor, config] of Object.entries(FORM_FACTORS)) {
      const measures: Measure[] = [];
      for (let run = 0; run < runs; run++) {
        const answer = await lighthouse(
          `${server.url}${path}`,
          { port: chrome.port, logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
          config,
        );
        if (!answer) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (answer.lhr.runtimeError)
          throw new Error(`Lighthouse failed on ${path}: ${answer.lhr.runtimeError.message}`);
        measures.push(measure(answer.lhr));
      }
      const m = median(measures);
      console.log(
        `${pad(path, 33)} ${formFactor.padEnd(8)} ${String(m.performance).padStart(5)} ${String(m.accessibility).padStart(5)}  ${m.cls.toFixed(3)}  ${`${(m.lcpMs / 1000).toFixed(2)} s`.padStart(7)}  ${`${Math.round(m.tbtMs)} ms`.padStart(6)}`,
      );
      const label = `${path} ${formFactor}`;
      checks.push(
        [`${label}: performance ${TARGETS.performance} (${m.performance})`, m.performance >= TARGETS.performance],
        [
          `${label}: accessibility ${TARGETS.accessibility} (${m.accessibility})`,
          m.accessibility >= TARGETS.accessibility,
        ],
        [`${label}: CLS ≤ ${TARGETS.cls} (${m.cls.toFixed(3)})`, m.cls <= TARGETS.cls],
      );
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}

console.log('\nTargets');
for (const [label, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
