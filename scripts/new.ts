/**
 * npm run new -- --locale ko --category shipping "배송지를 변경하고 싶어요" [--slug change-address]
 * npm run new -- --locale ko --from-search "배송지 바꾸기" [--category shipping] ["<title>"]
 * Creates a valid article with today's date and prints where it is and where to preview it. With --from-search the
 * query becomes the article's first alias (and its title, unless one is given), and the failed-searches report
 * marks the query as planned. Without --category it asks on a terminal.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/build/content/paths.ts';
import { readConfigFiles } from '../src/build/content/validate.ts';
import { locales } from '../src/shared/locales.ts';
import { createArticle, ScaffoldError } from './editor/scaffold.ts';
import { normalizeQuery } from '../src/shared/search/text.ts';
import { loadConfig } from '../server/config.ts';
import { openEngine } from '../server/db/engine.ts';
import { createReportStorage } from '../server/db/report-storage.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    locale: { type: 'string' },
    category: { type: 'string' },
    slug: { type: 'string' },
    'from-search': { type: 'string' },
  },
});
const fromSearch = values['from-search']?.trim() || undefined;
const title = positionals.join(' ').trim() || fromSearch || '';
const today = new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in the editor's own time zone

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Lets an editor pick the category by number when the report's command did not name one. */
async function askCategory(): Promise<string> {
  const { categories = [], site } = readConfigFiles(contentDir, []);
  // Names in the article's language, as readers see them; the id is what --category takes.
  const locale = locales.find((code) => code === values.locale) ?? site?.defaultLocale ?? 'ko';
  const named = categories.map((category) => `${category.id} (${category.title[locale]})`);
  const list = categories.map((category) => category.id);
  if (!process.stdin.isTTY) fail(`Add --category: one of ${named.join(', ')}`);
  named.forEach((name, i) => console.log(`  ${i + 1}. ${name}`));
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await rl.question('Category (number or id): ')).trim();
  rl.close();
  return list[Number(answer) - 1] ?? answer;
}

try {
  const created = createArticle({
    contentDir,
    locale: values.locale ?? '',
    category: values.category ?? (await askCategory()),
    title,
    slug: values.slug,
    fromSearch,
    today,
  });
  console.log(`Created ${created.file}`);
  console.log(`Preview: npm run dev, then open http://localhost:4321${created.url}`);
  if (fromSearch) await markPlanned(created.locale, fromSearch, created.file);
} catch (error) {
  if (error instanceof ScaffoldError) fail(error.message);
  throw error;
}

/** The failed search now has an article on the way: the report says so, with where it is. */
async function markPlanned(locale: string, query: string, file: string) {
  const config = loadConfig();
  const { databaseFile } = config;
  if (!config.databaseUrl && !existsSync(databaseFile)) {
    console.log(
      `No database at ${databaseFile}: mark “${query}” as planned in the report, or set HELPLOOP_DATABASE to the server's file.`,
    );
    return;
  }
  const engine = await openEngine(config);
  try {
    await createReportStorage(engine).reviewQuery(locale, normalizeQuery(query), {
      status: 'planned',
      note: `Article started: ${file}`,
      updatedBy: 'npm run new',
      updatedAt: new Date().toISOString(),
    });
    console.log(`Marked “${query}” as planned in the failed-searches report.`);
  } finally {
    await engine.close();
  }
}
