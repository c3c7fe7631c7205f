/** `npm start`: builds the site when it is missing or older than its sources, then runs the server. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { siteFreshness } from './lib/site-freshness.ts';

const siteDir = resolve(process.env.HELPLOOP_SITE_DIR ?? 'dist');
const freshness = siteFreshness(siteDir, process.env.HELPLOOP_CONTENT ?? 'content');
if (freshness !== 'fresh') {
  console.log(freshness === 'stale' ? 'Content changed since the last build: rebuilding…' : 'No build yet: building the site…');
  const build = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', siteDir], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import('../server/main.ts');
