import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { readConfigFiles } from '../../src/build/content/validate.ts';
import type { Problem } from '../../src/build/content/problems.ts';
import type { ArticleFrontmatter } from '../../src/shared/content/schema.ts';
import { locales, type Locale } from '../../src/shared/locales.ts';
import { slugFromTitle } from './slug.ts';
import { SLUG } from '../../src/shared/content/ids.ts';

export interface NewArticle {
  contentDir: string;
  locale: string;
  category: string;
  title: string;
  slug?: string;
  /** A search that found nothing: it becomes the article's first alias. */
  fromSearch?: string;
  /** YYYY-MM-DD */
  today: string;
}

export interface CreatedArticle {
  id: string;
  locale: Locale;
  /** Relative to the working directory, as editors see it. */
  file: string;
  url: string;
}

/** A mistake in the command line: the message says what to run instead. */
export class ScaffoldError extends Error {}

const GUIDE: Record<Locale, string> = {
  ko: `{/*
  첫 문단에 답을 먼저 쓰세요: 무엇을, 언제까지, 어떻게.
  따라 할 순서는 <Steps>, 꼭 알아야 할 점은 <Callout type="warning">, 화면은 <Figure src alt caption>으로 씁니다.
  설명(description)은 검색 결과에 보이는 한 문장입니다. npm run check가 남은 일을 알려 줍니다. 다 쓰면 draft: true 줄을 지워 공개하세요.
*/}
`,
  en: `{/*
  Answer in the first paragraph: what, by when, how.
  Use <Steps> for steps to follow, <Callout type="warning"> for what readers must know, <Figure src alt caption> for screens.
  The description is the one sentence shown in search results. npm run check lists what is left; when done, delete draft: true to publish.
*/}
`,
};

/** Writes a new, valid draft for an editor to fill in; refuses a slug the locale already has. */
export function createArticle(input: NewArticle): CreatedArticle {
  if (!(locales as readonly string[]).includes(input.locale))
    throw new ScaffoldError(`--locale must be one of ${locales.join(', ')}`);
  const locale = input.locale as Locale;
  const problems: Problem[] = [];
  const { categories } = readConfigFiles(input.contentDir, problems);
  if (!categories) throw new ScaffoldError(`content/categories.yaml is invalid; run npm run check`);
  if (!categories.some((category) => category.id === input.category)) {
    throw new ScaffoldError(`--category must be one of ${categories.map((category) => category.id).join(', ')}`);
  }
  const title = input.title.trim();
  if (!title) throw new ScaffoldError('Give the article a title: npm run new -- --locale ko --category <id> "<title>"');
  const slug = input.slug ?? slugFromTitle(title);
  if (!SLUG.test(slug)) {
    throw new ScaffoldError(
      input.slug
        ? `--slug must be lowercase letters, digits and single hyphens, like update-card`
        : `Cannot make a slug from “${title}”: give one with --slug`,
    );
  }
  const clash = findSlug(join(input.contentDir, 'articles', locale), slug);
  if (clash)
    throw new ScaffoldError(
      `${relative(process.cwd(), clash)} already uses the slug ${slug}: choose another with --slug`,
    );

  const frontmatter: Partial<ArticleFrontmatter> = {
    title,
    description: title,
    updated: input.today,
    ...(input.fromSearch && { aliases: [input.fromSearch.trim()] }),
    // Until the editor has written it, the article is not published: a build leaves drafts out.
    draft: true,
  };
  const file = join(input.contentDir, 'articles', locale, input.category, `${slug}.mdx`);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `---\n${stringify(frontmatter).trimEnd()}\n---\n\n${GUIDE[locale]}`, { flag: 'wx' });
  const id = `${locale}/${input.category}/${slug}`;
  return { id, locale, file: relative(process.cwd(), file), url: `/${id}/` };
}

/** A file of this slug in any category of the locale: ids must stay unique, and so must slugs within a locale. */
function findSlug(localeDir: string, slug: string): string | undefined {
  if (!existsSync(localeDir)) return undefined;
  for (const category of readdirSync(localeDir, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const extension of ['.mdx', '.md']) {
      const path = join(localeDir, category.name, slug + extension);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}
