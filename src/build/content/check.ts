import { existsSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Problem } from './problems.ts';
import { frontmatterLine, validateContent, type ValidatedArticle } from './validate.ts';

const STALE_AFTER_DAYS = 365;

/**
 * Everything `npm run check` reports: the build's own validation (frontmatter, categories, contexts, related ids),
 * then what only an editor can fix in the text: broken internal links and anchors, duplicate titles and slugs,
 * images without alt text or without their file, and, as warnings, missing translations, stale articles, empty bodies
 * and descriptions that only repeat the title.
 */
export function checkContent(dir: string, today: string): Problem[] {
  const content = validateContent(dir);
  const { articles } = content;
  const byId = new Map(articles.map((article) => [article.id, article]));
  const anchors = new Map(articles.map((article) => [article.id, headingIds(article.body)]));
  const pages = new Set([...articles.map((article) => `/${article.id}/`)]);
  for (const locale of content.site?.locales ?? []) {
    pages.add(`/${locale}/`).add(`/${locale}/search/`);
    for (const category of content.categories ?? []) pages.add(`/${locale}/${category.id}/`);
  }
  const problems = [...content.problems];
  for (const article of articles) {
    problems.push(...brokenLinks(article, pages, anchors), ...imageProblems(article, join(dir, 'public')));
  }
  problems.push(...duplicates(articles), ...missingTranslations(articles, content.site?.locales ?? [], byId), ...needsAttention(articles, today));
  return problems;
}

/** Heading ids as Astro makes them (github-slugger over the heading's text), in order, so duplicates get `-1`. */
function headingIds(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  for (const { text } of bodyLines(body)) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(text);
    if (heading) ids.add(slugger.slug(inlineText(heading[1])));
  }
  return ids;
}

/** Markdown inline syntax reduced to the text a reader sees: `[a](b)` → a, `**a**` → a. */
const inlineText = (markdown: string) => markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`~]/g, '');

/** MDX comments (`{/* … *\/}`) and HTML comments are notes for editors, never shown: nothing in them is checked. */
const COMMENT = /\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g;

/** The body with its comments emptied but their line breaks kept, so line numbers stay those of the file. */
const withoutComments = (body: string) => body.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ''));

/** The body's lines with their line numbers in the file, skipping comments and code blocks, where nothing is a link. */
function* bodyLines(body: string, firstLine = 1): Generator<{ text: string; line: number }> {
  let fenced = false;
  const lines = withoutComments(body).split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) yield { text: lines[i], line: firstLine + i };
  }
}

const LINK = /(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\bhref=["']([^"']+)["']/g;

function brokenLinks(article: ValidatedArticle, pages: Set<string>, anchors: Map<string, Set<string>>): Problem[] {
  const problems: Problem[] = [];
  const base = new URL(`https://help.invalid/${article.id}/`);
  for (const { text, line } of bodyLines(article.body, article.bodyLine)) {
    for (const match of text.matchAll(LINK)) {
      const target = match[1] ?? match[2];
      // Other sites, e-mail and phone links are not ours to check.
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
      const url = new URL(target, base);
      const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
      const report = (message: string) => problems.push({ file: article.file, line, message, severity: 'error' });
      if (!pages.has(path)) {
        report(`broken link: ${target} is not a page of this help center`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      const id = path.slice(1, -1);
      if (anchor && anchors.has(id) && !anchors.get(id)!.has(anchor)) report(`broken link: ${target} has no heading with the id "${anchor}"`);
    }
  }
  return problems;
}

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]*)[^)]*\)|<(img|Figure)\b([^>]*)>/g;
const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|\\{["'\`]([^"'\`]*)["'\`]\\})`).exec(attributes)?.slice(1).find((value) => value !== undefined);

/** Images need alt text, and a site path (`/images/a.png`) must be a file in content/public. */
function imageProblems(article: ValidatedArticle, publicDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const { text, line } of bodyLines(article.body, article.bodyLine)) {
    for (const match of text.matchAll(IMAGE)) {
      const [alt, src] = match[3] ? [attribute(match[4], 'alt'), attribute(match[4], 'src')] : [match[1], match[2]];
      const report = (message: string) => problems.push({ file: article.file, line, message, severity: 'error' });
      if (!alt?.trim()) report('image without alt text: describe what it shows for readers who cannot see it');
      if (src?.startsWith('/') && !src.startsWith('//') && !existsSync(join(publicDir, decodeURIComponent(src.split(/[?#]/)[0])))) {
        report(`image ${src} is not in content/public`);
      }
    }
  }
  return problems;
}

/** Two articles of a locale with one title confuse readers and search; two with one slug break the URL scheme. */
function duplicates(articles: ValidatedArticle[]): Problem[] {
  const problems: Problem[] = [];
  const titles = new Map<string, ValidatedArticle>();
  const slugs = new Map<string, ValidatedArticle>();
  for (const article of articles) {
    const [locale, , slug] = article.id.split('/');
    const title = titles.get(`${locale}|${article.frontmatter.title}`);
    if (title) {
      problems.push({ file: article.file, line: frontmatterLine(article, 'title'), field: 'title', message: `"${article.frontmatter.title}" is also the title of ${title.id}`, severity: 'error' });
    } else titles.set(`${locale}|${article.frontmatter.title}`, article);
    const other = slugs.get(`${locale}|${slug}`);
    if (other) problems.push({ file: article.file, line: 1, message: `the slug "${slug}" is also used by ${other.id}`, severity: 'error' });
    else slugs.set(`${locale}|${slug}`, article);
  }
  return problems;
}

function missingTranslations(articles: ValidatedArticle[], locales: string[], byId: Map<string, ValidatedArticle>): Problem[] {
  return articles.flatMap((article) => {
    const [locale, category, slug] = article.id.split('/');
    return locales
      .filter((other) => other !== locale && !byId.has(`${other}/${category}/${slug}`))
      .map((other): Problem => ({ file: article.file, line: 1, message: `no ${other} translation (${other}/${category}/${slug})`, severity: 'warning' }));
  });
}

/** What `npm run new` leaves for the editor: a warning each on a published article, the to-do list of a draft. */
const UNFINISHED: { field?: 'description'; applies: (article: ValidatedArticle) => boolean; message: string; task: string }[] = [
  { applies: ({ body }) => !withoutComments(body).trim(), message: 'has no text yet', task: 'the text' },
  {
    field: 'description',
    applies: ({ frontmatter }) => frontmatter.description === frontmatter.title,
    message: 'is the same as the title: say in one sentence what the article answers',
    task: 'a description that says in one sentence what the article answers (not the title)',
  },
];

/** Warnings: stale, unfinished, or a draft (which says what is left before it can be published). */
function needsAttention(articles: ValidatedArticle[], today: string): Problem[] {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - STALE_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
  return articles.flatMap((article): Problem[] => {
    const problems: Problem[] = [];
    const warn = (message: string, field?: string) =>
      problems.push({ file: article.file, line: field ? frontmatterLine(article, field) : article.bodyLine, ...(field && { field }), message, severity: 'warning' });
    const { updated, draft } = article.frontmatter;
    if (updated < cutoff) warn(`last updated ${updated}, more than ${STALE_AFTER_DAYS} days ago: check it is still true, then update the date`, 'updated');
    const unfinished = UNFINISHED.filter((item) => item.applies(article));
    if (draft) {
      const left = unfinished.length ? ` Still to write: ${unfinished.map((item) => item.task).join('; ')}.` : '';
      warn(`not published yet.${left} To publish, delete this line.`, 'draft');
    } else {
      for (const item of unfinished) warn(item.message, item.field);
    }
    return problems;
  });
}
