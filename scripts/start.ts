/**
 * `npm start`: builds the site when it is missing or older than its sources, then runs the server. A rebuild that
 * fails leaves the last good build in place and serves it: a typo in content must not take a live help center down.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentDir } from '../src/build/content/paths.ts';
import { formatProblem } from '../src/build/content/problems.ts';
import { validateContent } from '../src/build/content/validate.ts';
import { loadConfig } from '../server/config.ts';
import { portTakenMessage } from '../server/port-taken.ts';
import { portInUse } from './lib/port.ts';
import { siteFreshness } from './lib/site-freshness.ts';

const { port, host, siteDir } = loadConfig();

if (await portInUse(port, host)) {
  console.error(portTakenMessage(port, host));
  process.exit(1);
}

const freshness = siteFreshness(siteDir, contentDir);
if (freshness !== 'fresh') {
  const failure = rebuild();
  if (failure && freshness === 'missing') {
    console.error(`Nothing to serve: ${failure}. Fix that, then npm start again.`);
    process.exit(1);
  }
  if (failure) {
    const rule = '!'.repeat(100);
    console.error(
      `\n${rule}\n!! The rebuild failed (${failure}).\n!! Serving the previous build, without the latest changes to content. Fix it, then restart.\n${rule}\n`,
    );
  }
}

await import('../server/main.ts');

/** Builds beside the served site and swaps it in only when the build succeeds; says why when it does not. */
function rebuild(): string | undefined {
  // The build would refuse it too, but through Astro, which adds a stack trace that says nothing to an editor.
  const errors = validateContent(contentDir).problems.filter((problem) => problem.severity === 'error');
  for (const problem of errors) console.error(formatProblem(problem));
  if (errors.length) return `${errors.length} content problem${errors.length === 1 ? '' : 's'} above`;

  console.log(
    freshness === 'stale' ? 'Content changed since the last build: rebuilding…' : 'No build yet: building the site…',
  );
  // Astro empties its output folder before it compiles the articles, so a build that fails there would leave nothing.
  const next = `${siteDir}.next`;
  rmSync(next, { recursive: true, force: true });
  const build = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', next], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    return 'see the build’s errors above';
  }
  const previous = `${siteDir}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(siteDir)) renameSync(siteDir, previous);
  renameSync(next, siteDir);
  rmSync(previous, { recursive: true, force: true });
  return undefined;
}
