import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFEST_FILE } from '../../src/shared/content/manifest.ts';

function newestChange(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  const files = readdirSync(path, { recursive: true, encoding: 'utf8' });
  return Math.max(stats.mtimeMs, ...files.map((file) => statSync(join(path, file)).mtimeMs));
}

/**
 * Whether a built site is missing or older than what it is built from (its content, the code, the config).
 * Every build writes the manifest, so its time is the last build's.
 */
export function siteFreshness(siteDir: string, contentDir: string): 'fresh' | 'stale' | 'missing' {
  const manifest = join(siteDir, MANIFEST_FILE);
  if (!existsSync(manifest)) return 'missing';
  const sources = [resolve(contentDir), resolve('src'), resolve('astro.config.mjs')];
  return statSync(manifest).mtimeMs < Math.max(...sources.map(newestChange)) ? 'stale' : 'fresh';
}
