/**
 * `npm run bench:build [-- --articles N]`: generates a help center of N articles (default 1,200, ko and en in the
 * samples' ratio) from content/, builds it with Helploop and with Starlight in the same run, and prints build wall
 * time, peak memory, dist/ size, median article page size (raw and gzip) and the JavaScript an article page loads
 * before search is used, with the issue's targets. Everything generated goes to bench/.work/ (git-ignored);
 * Starlight is installed there on the first run and reused after. A missed target is reported, not an error:
 * the exit code is non-zero only when something could not be built or measured.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  generateArticles,
  readCategories,
  readSamples,
  readSite,
  writeHelploopContent,
  writeStarlightDocs,
} from './lib/content.ts';
import { analyzeDist } from './lib/dist.ts';
import { comparisonTable, runTimes, targets, targetTable, weightDetail, type SiteResult } from './lib/report.ts';
import { runMeasured, summarize, tail, type RunResult } from './lib/run.ts';
import {
  ensureStarlightInstalled,
  fallbackFreeDefaultLocale,
  installedVersion,
  writeStarlightProject,
} from './lib/starlight.ts';

const USAGE = `Usage: npm run bench:build [-- options]
  --articles N           articles to generate (default 1200; at least one copy of the samples)
  --runs N               builds of each site, alternating Helploop and Starlight (default 3); times are the median
                         and peak memory the highest of the runs, dist/ is measured after the last
  --no-starlight         build and measure Helploop only
  --starlight-fallbacks  give Starlight the site's default locale (ko) even though it then builds an extra
                         fallback page in en for every untranslated ko article (not the same pages as Helploop)
  -h, --help             this text`;

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1200' },
    runs: { type: 'string', default: '3' },
    'no-starlight': { type: 'boolean', default: false },
    'starlight-fallbacks': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const repo = resolve(import.meta.dirname, '..');
const work = join(repo, 'bench', '.work');
const paths = {
  sampleContent: join(repo, 'content'),
  content: join(work, 'content'),
  helploopDist: join(work, 'helploop-dist'),
  starlight: join(work, 'starlight'),
  starlightDocs: join(work, 'starlight', 'src', 'content', 'docs'),
  starlightDist: join(work, 'starlight', 'dist'),
  logs: join(work, 'logs'),
};
const show = (path: string) => relative(repo, path) || '.';

function fail(message: string): never {
  console.error(`\nbench:build failed: ${message}`);
  process.exit(1);
}

/** Other work on the machine (a test run, another build) slows one build more than the other: say so. */
function warnIfBusy(): void {
  const [oneMinute] = loadavg();
  if (oneMinute > 0.7) {
    console.log(
      `  NOTE: load average is ${oneMinute.toFixed(2)} before the builds: something else is using the CPUs, so build times may be noisy.`,
    );
  }
}

const samples = readSamples(paths.sampleContent);
const total = Number(values.articles);
if (!Number.isInteger(total) || total < samples.length)
  fail(`--articles must be a whole number ≥ ${samples.length} (one copy of the samples), got "${values.articles}"`);

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number ≥ 1, got "${values.runs}"`);

const runStarted = performance.now();
mkdirSync(paths.logs, { recursive: true });
for (const name of readdirSync(paths.logs)) if (/-build/.test(name)) rmSync(join(paths.logs, name), { force: true });
const astroVersion = installedVersion(repo, 'astro');
console.log(
  `Helploop build benchmark: ${total.toLocaleString('en-US')} articles, ${runs} run${runs > 1 ? 's' : ''}, Node ${process.version}, ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
);
warnIfBusy();

// 1. Content: the sample's YAML files and N articles cycled from the samples.
rmSync(paths.content, { recursive: true, force: true });
const articles = generateArticles(samples, total);
writeHelploopContent(paths.sampleContent, paths.content, articles);
const perLocale = (list: { locale: string }[]) =>
  [...Map.groupBy(list, (item) => item.locale)].map(([locale, items]) => `${items.length} ${locale}`).join(', ');
console.log(
  `Generated ${articles.length} articles (${perLocale(articles)}; samples: ${perLocale(samples)}) in ${show(paths.content)}`,
);

// 2. Starlight project: install once, then the same articles as docs.
const site = readSite(paths.sampleContent);
let starlightDefault = site.defaultLocale;
if (!values['no-starlight']) {
  const installLog = join(paths.logs, 'starlight-install.log');
  console.log('Preparing Starlight (npm install on the first run only)…');
  try {
    const how = await ensureStarlightInstalled(paths.starlight, installLog);
    console.log(
      `  ${how === 'reused' ? 'reused' : 'installed'} @astrojs/starlight ${installedVersion(paths.starlight, '@astrojs/starlight')} with astro ${installedVersion(paths.starlight, 'astro')}`,
    );
  } catch (error) {
    fail(`${(error as Error).message}\n${tail(installLog)}`);
  }
  if (!values['starlight-fallbacks'])
    starlightDefault = fallbackFreeDefaultLocale(site, articles) ?? site.defaultLocale;
  rmSync(join(paths.starlight, 'src'), { recursive: true, force: true });
  writeStarlightProject(paths.starlight, site, readCategories(paths.sampleContent), starlightDefault);
  writeStarlightDocs(paths.starlightDocs, articles);
  console.log(
    `  Starlight default locale: ${starlightDefault}` +
      (starlightDefault === site.defaultLocale
        ? ''
        : ` (not ${site.defaultLocale}: Starlight would add an ${site.locales.filter((l) => l !== site.defaultLocale).join('/')} fallback page for every untranslated ${site.defaultLocale} article; --starlight-fallbacks to build them anyway)`),
  );
}

// 3. Builds, one after the other (two cores: each build uses both), alternating which site goes first so that
// drift in the machine's speed hits both alike. `--force` drops Astro's content cache so every build is cold.
async function build(
  name: string,
  projectDir: string,
  distDir: string,
  env: NodeJS.ProcessEnv,
  run: number,
): Promise<RunResult> {
  rmSync(distDir, { recursive: true, force: true });
  const astro = join(projectDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  if (!existsSync(astro))
    fail(`${show(astro)} is missing: run npm install${projectDir === repo ? '' : ` in ${show(projectDir)}`}`);
  const logFile = join(paths.logs, `${name.toLowerCase()}-build${runs > 1 ? `-${run}` : ''}.log`);
  console.log(`Building ${name}${runs > 1 ? `, run ${run} of ${runs}` : ''} (log: ${show(logFile)})…`);
  const result = await runMeasured(process.execPath, [astro, 'build', '--force'], {
    cwd: projectDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    logFile,
    label: name,
  });
  if (result.exitCode !== 0)
    fail(`${name} build exited with ${result.exitCode}. Last lines of ${show(logFile)}:\n${tail(logFile)}`);
  if (!existsSync(distDir)) fail(`${name} build succeeded but ${show(distDir)} does not exist`);
  const other = result.otherCpuSeconds ?? 0;
  // Some is always there (kernel writeback of dist/, kernel threads); a quarter of the build's own CPU time is not.
  const disturbed = result.cpuSeconds !== undefined && other > Math.max(2, 0.25 * result.cpuSeconds);
  console.log(
    `  built in ${(result.wallMs / 1000).toFixed(1)} s` +
      (disturbed
        ? ` (NOTE: other processes used ${other.toFixed(1)} CPU-s meanwhile: this time is probably inflated)`
        : ''),
  );
  return result;
}

function measure(name: string, distDir: string, measured: RunResult[]): SiteResult {
  console.log(`Measuring ${show(distDir)}…`);
  try {
    return {
      name,
      articles: articles.length,
      run: summarize(measured),
      runs: measured,
      dist: analyzeDist(
        distDir,
        articles.map((article) => article.id),
      ),
    };
  } catch (error) {
    fail(`measuring ${name}'s output: ${(error as Error).message}`);
  }
}

const sitesToBuild = [
  {
    name: 'Helploop',
    projectDir: repo,
    distDir: paths.helploopDist,
    env: { HELPLOOP_CONTENT: paths.content, HELPLOOP_OUT_DIR: paths.helploopDist },
  },
  ...(values['no-starlight']
    ? []
    : [{ name: 'Starlight', projectDir: paths.starlight, distDir: paths.starlightDist, env: {} }]),
];
const measuredRuns = sitesToBuild.map((): RunResult[] => []);
for (let run = 1; run <= runs; run++) {
  const order = run % 2 ? sitesToBuild.map((_, index) => index) : sitesToBuild.map((_, index) => index).reverse();
  for (const index of order) {
    const target = sitesToBuild[index];
    measuredRuns[index].push(await build(target.name, target.projectDir, target.distDir, target.env, run));
  }
}
const measuredSites = sitesToBuild.map((site, index) => measure(site.name, site.distDir, measuredRuns[index]));
const helploop = measuredSites[0];
const starlight: SiteResult | undefined = measuredSites[1];

// 4. Report.
const results = targets(helploop, starlight);
const sites = starlight ? [helploop, starlight] : [helploop];
const missing = sites.filter((result) => result.dist.missingArticles.length);
console.log(`
${total.toLocaleString('en-US')} articles (${perLocale(articles)}); Helploop astro ${astroVersion}${starlight ? `, Starlight ${installedVersion(paths.starlight, '@astrojs/starlight')} (astro ${installedVersion(paths.starlight, 'astro')}, default locale ${starlightDefault})` : ''}
1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes; gzip is zlib level 9. Peak memory: ${helploop.run.memoryMethod}.

${comparisonTable(helploop, starlight)}
${runs > 1 ? `\nBuild wall time of each run: ${sites.map(runTimes).join('; ')}\n` : ''}
${targetTable(results)}

What the median article page loads before search is used (script src, modulepreload and inline scripts, static imports followed):
${sites.map(weightDetail).join('\n')}
${missing.map((result) => `\nWARNING: ${result.dist.missingArticles.length} article pages missing from ${result.name}'s dist/, e.g. ${result.dist.missingArticles.slice(0, 3).join(', ')}`).join('')}`);

const failed = results.filter((result) => result.pass === false);
console.log(
  failed.length
    ? `${failed.length} target${failed.length > 1 ? 's' : ''} missed: ${failed.map((result) => result.target).join('; ')}`
    : 'All measured targets met.',
);

const resultsFile = join(work, 'results.json');
writeFileSync(
  resultsFile,
  `${JSON.stringify({ articles: total, runs, starlightDefaultLocale: starlightDefault, helploop, starlight, targets: results }, null, 2)}\n`,
);
console.log(
  `Total benchmark run time ${((performance.now() - runStarted) / 1000).toFixed(0)} s; raw numbers in ${show(resultsFile)}`,
);
