/**
 * npm run bench:themes — how well themes group what readers said, and how fast.
 * For every labelled set (bench/themes/sets.ts): the Adjusted Rand Index, normalized mutual information, coverage
 * and per-theme F1 of the themes, next to a trivial baseline measured in the same run (one group per article). The
 * held-out set is printed apart. Then the time and peak memory of grouping 10,000 and 50,000 generated comments,
 * each in a process of its own.
 * The shop's set uses what the sample site's build knows (`dist/`, if built); the others only the general lexicon,
 * as a new company's site would before its first build.
 * Flags: --verbose (each theme found with its members; never for the held-out set), --skip-scale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { groupThemes } from '../server/themes/grouping.ts';
import { generalLexicon, loadThemeLexicon } from '../server/themes/lexicon.ts';
import { agreement, type Agreement } from './themes/metrics.ts';
import { readSet, SETS, type LabelledSet } from './themes/sets.ts';

const TARGETS = { ari: 0.6, nmi: 0.75, seconds: { 10_000: 5, 50_000: 60 }, megabytes: 500 };
const { values: flags } = parseArgs({
  options: { verbose: { type: 'boolean', default: false }, 'skip-scale': { type: 'boolean', default: false } },
});

const fixed = (value: number) => value.toFixed(2);
const siteLexicon = existsSync('dist/search') ? loadThemeLexicon('dist') : undefined;
if (!siteLexicon)
  console.log('(dist/ is not built: the shop set runs on the general lexicon alone; `npm run build` first)');

function score(set: LabelledSet) {
  const lexicon = set.name === 'shop' && siteLexicon ? siteLexicon : generalLexicon();
  const started = performance.now();
  const { themes } = groupThemes(set.items, lexicon);
  const ms = performance.now() - started;
  const themeOf = new Map(themes.flatMap((theme) => theme.members.map((key) => [key, theme.id])));
  const ours = agreement(
    set.truth,
    set.items.map((item) => themeOf.get(item.key) ?? null),
  );
  const byArticle = agreement(
    set.truth,
    set.items.map((item) => item.article ?? item.source),
  );
  if (flags.verbose && !set.heldOut) {
    const text = new Map(set.items.map((item, i) => [item.key, `${item.text}  ⟨${set.truth[i] ?? 'noise'}⟩`]));
    for (const theme of themes) {
      console.log(`\n■ ${theme.terms.join(' · ')} (${theme.members.length})`);
      for (const key of theme.members) console.log(`   ${text.get(key)}`);
    }
    console.log('\n■ unassigned');
    for (const item of set.items) if (!themeOf.has(item.key)) console.log(`   ${text.get(item.key)}`);
  }
  return { set, ours, byArticle, themes: themes.length, ms };
}

const row = (name: string, a: Agreement, extra: string) =>
  `| ${name} | ${fixed(a.ari)} | ${fixed(a.nmi)} | ${fixed(a.coverage)} | ${fixed(a.noiseLeftOut)} | ${fixed(mean([...a.f1.values()]))} | ${extra} |`;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

const results = SETS.map(({ name }) => score(readSet(name)));
console.log('\n## Quality (themes | baseline: one group per article)\n');
console.log('| set | ARI | NMI | coverage | noise left out | mean theme F1 | themes found (true) · items · time |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const { set, ours, byArticle, themes, ms } of results) {
  const heldOut = set.heldOut ? ' (held out)' : '';
  const truthThemes = new Set(set.truth.filter(Boolean)).size;
  console.log(
    row(`${set.name}${heldOut}`, ours, `${themes} (${truthThemes}) · ${set.items.length} · ${Math.round(ms)} ms`),
  );
  console.log(row(`  by article`, byArticle, ''));
}
const tuned = results.filter(({ set }) => !set.heldOut);
console.log(
  `\nMean of the tuning sets: ARI ${fixed(mean(tuned.map((r) => r.ours.ari)))} (target ≥ ${TARGETS.ari}), NMI ${fixed(mean(tuned.map((r) => r.ours.nmi)))} (target ≥ ${TARGETS.nmi}); baseline ARI ${fixed(mean(tuned.map((r) => r.byArticle.ari)))}, NMI ${fixed(mean(tuned.map((r) => r.byArticle.nmi)))}.`,
);

console.log('\n## Per-theme F1\n');
for (const { set, ours, byArticle } of results) {
  console.log(
    `${set.name}: ${[...ours.f1].map(([theme, f1]) => `${theme} ${fixed(f1)} (${fixed(byArticle.f1.get(theme)!)})`).join(', ')}`,
  );
}

if (!flags['skip-scale']) {
  console.log('\n## Scale (generated comments, each size in its own process)\n');
  console.log('| comments | time | target | peak memory (max RSS) | target | themes |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of [10_000, 50_000] as const) {
    const out = execFileSync(process.execPath, ['bench/themes/scale.ts', String(size)], { encoding: 'utf8' });
    const { ms, maxRssMb, themes } = JSON.parse(out) as { ms: number; maxRssMb: number; themes: number };
    console.log(
      `| ${size.toLocaleString('en-US')} | ${(ms / 1000).toFixed(1)} s | < ${TARGETS.seconds[size]} s | ${Math.round(maxRssMb)} MB | < ${TARGETS.megabytes} MB | ${themes} |`,
    );
  }
}
