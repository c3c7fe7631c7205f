import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { describeIssue, fieldName, type Problem } from './problems.ts';
import {
  articleFrontmatterSchema,
  categoriesSchema,
  contextsSchema,
  synonymsSchema,
  siteSchema,
  type ArticleFrontmatter,
  type Category,
  type Contexts,
  type SiteConfig,
} from '../../shared/content/schema.ts';
import { ARTICLE_FILE } from '../../shared/content/ids.ts';
import { parseYaml, splitFrontmatter, type YamlSource } from './yaml-source.ts';

export interface ValidatedArticle {
  /** `<locale>/<category-id>/<slug>` */
  id: string;
  /** Path relative to the working directory, as editors see it. */
  file: string;
  frontmatter: ArticleFrontmatter;
  body: string;
  bodyLine: number;
}

export interface ContentSet {
  site?: SiteConfig;
  categories?: Category[];
  contexts?: Contexts;
  articles: ValidatedArticle[];
  problems: Problem[];
}

/** Reads and checks the whole content folder without building; every problem is reported, not just the first. */
export function validateContent(dir: string): ContentSet {
  const problems: Problem[] = [];
  const { site, categories, contexts } = readConfigFiles(dir, problems);

  const articleFiles = new Set<string>();
  const articles = readArticles(dir, problems, articleFiles);
  for (const article of articles) {
    problems.push(...checkPlacement(article, site, categories), ...checkReferences(article, articleFiles, contexts));
  }
  return { site, categories, contexts, articles, problems };
}

/** The YAML files beside the articles; whatever fails its schema comes back undefined with its problems. */
export function readConfigFiles(dir: string, problems: Problem[]) {
  const site = readConfig(dir, 'site.yaml', siteSchema, problems);
  const categories = readConfig(dir, 'categories.yaml', categoriesSchema, problems);
  // Optional: a company with no help on its own pages has no contexts, one without words of its own no synonyms.
  const contexts = readOptionalConfig(dir, 'contexts.yaml', contextsSchema, problems, {});
  const synonyms = readOptionalConfig(dir, 'synonyms.yaml', synonymsSchema, problems, []);
  if (categories) problems.push(...duplicateCategoryIds(dir, categories));
  return { site, categories, contexts, synonyms };
}

function readConfig<S extends z.ZodType>(dir: string, name: string, schema: S, problems: Problem[]): z.infer<S> | undefined {
  const path = join(dir, name);
  const file = displayPath(path);
  if (!existsSync(path)) {
    problems.push({ file, line: 1, message: 'file is missing', severity: 'error' });
    return undefined;
  }
  const source = parseYaml(readFileSync(path, 'utf8'));
  return checkWithSchema(source, schema, file, problems);
}

function readOptionalConfig<S extends z.ZodType>(dir: string, name: string, schema: S, problems: Problem[], missing: z.infer<S>) {
  return existsSync(join(dir, name)) ? readConfig(dir, name, schema, problems) : missing;
}

function checkWithSchema<S extends z.ZodType>(source: YamlSource, schema: S, file: string, problems: Problem[]) {
  for (const error of source.syntaxErrors) problems.push({ file, line: error.line, message: `YAML: ${error.message}`, severity: 'error' });
  if (source.syntaxErrors.length) return undefined;
  const result = schema.safeParse(source.data ?? {}, { reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  for (const issue of result.error.issues) {
    // One problem per unknown key, on its own line, rather than one for the object that holds them.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      problems.push({ file, line: source.lineOf(path), field: fieldName(path) || undefined, message: describeIssue(issue), severity: 'error' });
    }
  }
  return undefined;
}

function duplicateCategoryIds(dir: string, categories: Category[]): Problem[] {
  const seen = new Set<string>();
  const file = displayPath(join(dir, 'categories.yaml'));
  return categories.flatMap((category, index) => {
    if (!seen.has(category.id)) return (seen.add(category.id), []);
    return [{ file, line: 1, field: `[${index}].id`, message: `"${category.id}" is used by another category`, severity: 'error' as const }];
  });
}

/** Collects every well-placed article id into `ids` (valid or not), so one broken file does not break links to it too. */
function readArticles(dir: string, problems: Problem[], ids: Set<string>): ValidatedArticle[] {
  const root = join(dir, 'articles');
  if (!existsSync(root)) {
    problems.push({ file: displayPath(root), line: 1, message: 'folder is missing', severity: 'error' });
    return [];
  }
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.mdx?$/.test(name))
    .sort();
  return files.flatMap((name): ValidatedArticle[] => {
    const path = join(root, name);
    const file = displayPath(path);
    const parts = name.split(sep);
    const fileName = ARTICLE_FILE.exec(parts[2] ?? '');
    if (parts.length !== 3 || !fileName) {
      const message = 'must be at articles/<locale>/<category-id>/<slug>.mdx with a lowercase ascii slug';
      problems.push({ file, line: 1, message, severity: 'error' });
      return [];
    }
    const id = `${parts[0]}/${parts[1]}/${fileName[1]}`;
    ids.add(id);
    const split = splitFrontmatter(readFileSync(path, 'utf8'));
    if (!split) {
      problems.push({ file, line: 1, message: 'must start with frontmatter between --- lines', severity: 'error' });
      return [];
    }
    const frontmatter = checkWithSchema(parseYaml(split.yaml, 2), articleFrontmatterSchema, file, problems);
    if (!frontmatter) return [];
    return [{ id, file, frontmatter, body: split.body, bodyLine: split.bodyLine }];
  });
}

function checkPlacement(article: ValidatedArticle, site?: SiteConfig, categories?: Category[]): Problem[] {
  const [locale, categoryId] = article.id.split('/');
  const problems: Problem[] = [];
  if (site && !site.locales.includes(locale as SiteConfig['defaultLocale'])) {
    problems.push(fieldProblem(article, 'locale', `folder "${locale}" is not one of the site's locales (${site.locales.join(', ')})`));
  }
  if (categories && !categories.some((category) => category.id === categoryId)) {
    problems.push(fieldProblem(article, 'category', `"${categoryId}" is not a category in categories.yaml`));
  }
  return problems;
}

function checkReferences(article: ValidatedArticle, ids: Set<string>, contexts?: Contexts): Problem[] {
  const locale = article.id.split('/')[0];
  const problems: Problem[] = [];
  article.frontmatter.related.forEach((related, index) => {
    if (!ids.has(`${locale}/${related}`)) {
      problems.push(fieldProblem(article, `related[${index}]`, `"${related}" is not an article in ${locale}`));
    }
  });
  if (contexts) {
    article.frontmatter.contexts.forEach((key, index) => {
      if (!(key in contexts)) problems.push(fieldProblem(article, `contexts[${index}]`, `"${key}" is not a context in contexts.yaml`));
    });
  }
  return problems;
}

function fieldProblem(article: ValidatedArticle, field: string, message: string): Problem {
  const line = frontmatterLine(article, field.replace(/\[\d+\]$/, ''));
  return { file: article.file, line, field, message, severity: 'error' };
}

/** The line of a top-level frontmatter key, found by text: cheap, and exact for the keys we report on. */
export function frontmatterLine(article: ValidatedArticle, key: string): number {
  const lines = readFileSync(article.file, 'utf8').split('\n');
  const index = lines.findIndex((line, i) => i > 0 && i < article.bodyLine && line.startsWith(`${key}:`));
  return index > 0 ? index + 1 : 1;
}

function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}
