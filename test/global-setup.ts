import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/build.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The sample content in content/, built. */
    siteDir: string;
    /** test/fixtures/content-basic, built with no code change. */
    fixtureSiteDir: string;
  }
}

export async function setup(project: TestProject) {
  const sites = { siteDir: ['content', 'test/.tmp/site'], fixtureSiteDir: ['test/fixtures/content-basic', 'test/.tmp/fixture-site'] } as const;
  // One after the other: the machine has two cores and each build uses both.
  for (const [key, [content, out]] of Object.entries(sites)) {
    const outDir = resolve(out);
    rmSync(outDir, { recursive: true, force: true });
    const result = await buildSite(content, outDir);
    if (result.status !== 0) throw new Error(`Building ${content} failed:\n${result.output}`);
    project.provide(key as keyof typeof sites, outDir);
  }
}
