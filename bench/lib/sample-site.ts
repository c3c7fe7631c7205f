import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { siteFreshness } from '../../scripts/lib/site-freshness.ts';
import { buildSite } from '../../test/helpers/build.ts';

/** Where the benchmarks that load pages in a browser keep the built sample site between runs. */
const SAMPLE_SITE_DIR = resolve('bench/.work/sample-site');

/** The sample content in content/, built unless the last build is newer than its sources. */
export async function sampleSite(): Promise<string> {
  const freshness = siteFreshness(SAMPLE_SITE_DIR, 'content');
  if (freshness !== 'fresh') {
    console.log(`Building the sample site (${freshness})…`);
    rmSync(SAMPLE_SITE_DIR, { recursive: true, force: true });
    const built = await buildSite('content', SAMPLE_SITE_DIR);
    if (built.status !== 0) throw new Error(`build failed:\n${built.output.slice(-3000)}`);
  }
  return SAMPLE_SITE_DIR;
}
