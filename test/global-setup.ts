import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/open.ts';
import { createReportStorage } from '../server/db/report-storage.ts';
import { buildSite } from './helpers/build.ts';

/** A readers' synonym staff accepted, in the database the fixture site is built beside: the build must apply it. */
export const ACCEPTED_SYNONYM = { locale: 'ko', query: '카드 갈아끼우기', normalized: '카드갈아끼우기', articleId: 'ko/billing/update-card' };

function databaseWithAcceptedSynonym(file: string) {
  rmSync(file, { force: true });
  const db = openDatabase(file);
  createReportStorage(db).reviewSynonym(ACCEPTED_SYNONYM, { status: 'accepted', note: '', updatedBy: 'test', updatedAt: '2026-11-20T00:00:00Z' });
  db.close();
  return file;
}

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
  mkdirSync(resolve('test/.tmp'), { recursive: true });
  const database = databaseWithAcceptedSynonym(resolve('test/.tmp/fixture-readers.db'));
  for (const [key, [content, out]] of Object.entries(sites)) {
    const outDir = resolve(out);
    rmSync(outDir, { recursive: true, force: true });
    const result = await buildSite(content, outDir, key === 'fixtureSiteDir' ? { HELPLOOP_DATABASE: database } : {});
    if (result.status !== 0) throw new Error(`Building ${content} failed:\n${result.output}`);
    project.provide(key as keyof typeof sites, outDir);
  }
}
