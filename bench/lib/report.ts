import type { DistStats } from './dist.ts';
import type { RunResult } from './run.ts';

export interface SiteResult {
  name: string;
  articles: number;
  /** Median times and highest memory of `runs`. */
  run: RunResult;
  runs: RunResult[];
  dist: DistStats;
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (value: number) => value.toLocaleString('en-US');

interface Row {
  metric: string;
  value: (site: SiteResult) => number | undefined;
  format: (value: number) => string;
  /** false for counts, where a ratio says nothing. */
  ratio?: boolean;
}

const peakMemory = (site: SiteResult) => site.run.maxRssLargestProcess ?? site.run.peakSingleRssSampled;

const rows: Row[] = [
  { metric: 'articles built (pages found)', value: (s) => s.dist.articlePages, format: count, ratio: false },
  { metric: 'HTML pages in dist/ (all)', value: (s) => s.dist.htmlPages, format: count },
  { metric: 'build wall time (median of runs)', value: (s) => s.run.wallMs, format: seconds },
  {
    metric: 'build CPU time (user+sys, median)',
    value: (s) => (s.run.cpuSeconds === undefined ? undefined : s.run.cpuSeconds * 1000),
    format: seconds,
  },
  {
    metric: 'other CPU use meanwhile (other processes, kernel)',
    value: (s) => (s.run.otherCpuSeconds === undefined ? undefined : s.run.otherCpuSeconds * 1000),
    format: seconds,
    ratio: false,
  },
  { metric: 'peak RSS, largest process (max of runs)', value: peakMemory, format: mb },
  { metric: 'peak RSS, process tree (sampled, max)', value: (s) => s.run.peakTreeRss, format: mb },
  { metric: 'dist/ total size', value: (s) => s.dist.totalBytes, format: mb },
  { metric: '  of which pagefind/', value: (s) => s.dist.pagefindBytes, format: mb },
  { metric: 'dist/ files', value: (s) => s.dist.fileCount, format: count },
  { metric: 'median article HTML, raw', value: (s) => s.dist.medianHtmlRaw, format: kb },
  { metric: 'median article HTML, gzip', value: (s) => s.dist.medianHtmlGzip, format: kb },
  { metric: 'article JS before search, gzip', value: (s) => s.dist.medianPageWeight.jsGzip, format: kb },
  { metric: 'article JS before search, raw', value: (s) => s.dist.medianPageWeight.jsRaw, format: kb },
  { metric: 'article CSS, gzip (for reference)', value: (s) => s.dist.medianPageWeight.cssGzip, format: kb },
  { metric: 'per 1,000 articles: build wall time', value: (s) => (s.run.wallMs * 1000) / s.articles, format: seconds },
  { metric: 'per 1,000 articles: dist/ size', value: (s) => (s.dist.totalBytes * 1000) / s.articles, format: mb },
];

function table(header: string[], body: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function comparisonTable(helploop: SiteResult, starlight?: SiteResult): string {
  const body = rows.map((row) => {
    const ours = row.value(helploop);
    const theirs = starlight ? row.value(starlight) : undefined;
    const ratio = row.ratio !== false && ours !== undefined && theirs ? `${(ours / theirs).toFixed(3)}×` : '';
    return [
      row.metric,
      ours === undefined ? 'n/a' : row.format(ours),
      theirs === undefined ? (starlight ? 'n/a' : 'not run') : row.format(theirs),
      ratio,
    ];
  });
  return table(['metric', helploop.name, starlight?.name ?? 'Starlight', 'ratio'], body);
}

export interface TargetResult {
  target: string;
  measured: string;
  pass: boolean | undefined;
}

export const JS_BUDGET = 10_000;

export function targets(helploop: SiteResult, starlight?: SiteResult): TargetResult[] {
  const timeRatio = starlight ? helploop.run.wallMs / starlight.run.wallMs : undefined;
  const sizeRatio = starlight ? helploop.dist.totalBytes / starlight.dist.totalBytes : undefined;
  const js = helploop.dist.medianPageWeight.jsGzip;
  return [
    {
      target: 'build time ≤ 0.5× Starlight',
      measured: timeRatio === undefined ? 'Starlight not run' : `${timeRatio.toFixed(3)}×`,
      pass: timeRatio === undefined ? undefined : timeRatio <= 0.5,
    },
    {
      target: 'dist/ size ≤ 0.1× Starlight',
      measured: sizeRatio === undefined ? 'Starlight not run' : `${sizeRatio.toFixed(3)}×`,
      pass: sizeRatio === undefined ? undefined : sizeRatio <= 0.1,
    },
    {
      target: 'article JS ≤ 10 KB gzip',
      measured: `${kb(js)}${starlight ? ` (Starlight ${kb(starlight.dist.medianPageWeight.jsGzip)})` : ''}`,
      pass: js <= JS_BUDGET,
    },
  ];
}

export function targetTable(results: TargetResult[]): string {
  return table(
    ['target', 'measured', 'result'],
    results.map((result) => [
      result.target,
      result.measured,
      result.pass === undefined ? 'NOT MEASURED' : result.pass ? 'PASS' : 'FAIL',
    ]),
  );
}

export const runTimes = (site: SiteResult) => `${site.name} ${site.runs.map((run) => seconds(run.wallMs)).join(', ')}`;

/** What the median article page loads, file by file, so a regression points at its cause. */
export function weightDetail(site: SiteResult): string {
  const weight = site.dist.medianPageWeight;
  const lines = [
    `${site.name}: median article /${site.dist.medianPage}/ (JS gzip over all article pages: ${kb(site.dist.jsGzipMin)} – ${kb(site.dist.jsGzipMax)})`,
  ];
  for (const asset of [...weight.files, ...weight.inline])
    lines.push(`  ${kb(asset.gzip).padStart(8)} gzip ${kb(asset.raw).padStart(8)} raw  ${asset.url}`);
  if (!weight.files.length && !weight.inline.length) lines.push('    (no JavaScript)');
  if (weight.unresolved.length)
    lines.push(`    not counted (outside dist/): ${[...new Set(weight.unresolved)].join(', ')}`);
  return lines.join('\n');
}
