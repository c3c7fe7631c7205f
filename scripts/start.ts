/** `npm start`: builds the site when it is missing or older than its sources, then runs the server. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFEST_FILE } from '../src/content/manifest.ts';

const siteDir = resolve(process.env.HELPLOOP_SITE_DIR ?? 'dist');
const sources = [resolve(process.env.HELPLOOP_CONTENT ?? 'content'), resolve('src'), resolve('astro.config.mjs')];

function newestChange(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  const files = readdirSync(path, { recursive: true, encoding: 'utf8' });
  return Math.max(stats.mtimeMs, ...files.map((file) => statSync(join(path, file)).mtimeMs));
}

const manifest = join(siteDir, MANIFEST_FILE);
const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
if (builtAt < Math.max(...sources.map(newestChange))) {
  console.log(builtAt ? 'Content changed since the last build: rebuilding…' : 'No build yet: building the site…');
  const build = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', siteDir], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import('../server/main.ts');
