import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openSqlite } from '../server/db/engine.ts';
import { createReportStorage } from '../server/db/report-storage.ts';
import { buildSite } from './helpers/build.ts';

/** A readers' synonym staff accepted, in the database the fixture site is built beside: the build must apply it. */
export const ACCEPTED_SYNONYM = {
  locale: 'ko',
  query: '카드 갈아끼우기',
  normalized: '카드갈아끼우기',
  articleId: 'ko/billing/update-card',
};

async function databaseWithAcceptedSynonym(file: string) {
  rmSync(file, { force: true });
  const engine = openSqlite(file);
  await createReportStorage(engine).reviewSynonym(ACCEPTED_SYNONYM, {
    status: 'accepted',
    note: '',
    updatedBy: 'test',
    updatedAt: '2026-11-20T00:00:00Z',
  });
  await engine.close();
  return file;
}

/** The article an editor starts with `npm run new` and leaves untouched. */
export const SCAFFOLD = {
  locale: 'ko',
  category: 'billing',
  title: '환불은 언제 되나요?',
  id: 'ko/billing/hwanbureun-eonje-doenayo',
};

/** test/fixtures/content-basic copied, with SCAFFOLD created in it by the real `npm run new`. */
function scaffoldedContent(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  cpSync('test/fixtures/content-basic', dir, { recursive: true });
  const run = spawnSync(
    process.execPath,
    ['scripts/new.ts', '--locale', SCAFFOLD.locale, '--category', SCAFFOLD.category, SCAFFOLD.title],
    {
      env: { ...process.env, HELPLOOP_CONTENT: dir, HELPLOOP_DATABASE: resolve('test/.tmp/no-database.db') },
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`npm run new failed:\n${run.stderr}`);
  return dir;
}

declare module 'vitest' {
  interface ProvidedContext {
    /** The sample content in content/, built. */
    siteDir: string;
    /** test/fixtures/content-basic, built with no code change. */
    fixtureSiteDir: string;
    /** The content of scaffoldSiteDir: the fixture and a fresh `npm run new` scaffold. */
    scaffoldContentDir: string;
    /** scaffoldContentDir, built. */
    scaffoldSiteDir: string;
  }
}

export async function setup(project: TestProject) {
  mkdirSync(resolve('test/.tmp'), { recursive: true });
  const scaffoldContentDir = scaffoldedContent(resolve('test/.tmp/scaffold-content'));
  project.provide('scaffoldContentDir', scaffoldContentDir);
  const sites = {
    siteDir: ['content', 'test/.tmp/site'],
    fixtureSiteDir: ['test/fixtures/content-basic', 'test/.tmp/fixture-site'],
    scaffoldSiteDir: [scaffoldContentDir, 'test/.tmp/scaffold-site'],
  } as const;
  const database = await databaseWithAcceptedSynonym(resolve('test/.tmp/fixture-readers.db'));
  // One after the other: the machine has two cores and each build uses both.
  for (const [key, [content, out]] of Object.entries(sites)) {
    const outDir = resolve(out);
    rmSync(outDir, { recursive: true, force: true });
    const result = await buildSite(content, outDir, key === 'fixtureSiteDir' ? { HELPLOOP_DATABASE: database } : {});
    if (result.status !== 0) throw new Error(`Building ${content} failed:\n${result.output}`);
    project.provide(key as keyof typeof sites, outDir);
  }
}
