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

/** The body's lines with their line numbers in the file, skipping code blocks, where nothing is a link. */
function* bodyLines(body: string, firstLine = 1): Generator<{ text: string; line: number }> {
  let fenced = false;
  const lines = body.split('\n');
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

/** Warnings: stale, still empty, or with the description `npm run new` starts from (the title). */
function needsAttention(articles: ValidatedArticle[], today: string): Problem[] {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - STALE_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
  return articles.flatMap((article): Problem[] => {
    const problems: Problem[] = [];
    const { updated } = article.frontmatter;
    if (updated < cutoff) {
      const message = `last updated ${updated}, more than ${STALE_AFTER_DAYS} days ago: check it is still true, then update the date`;
      problems.push({ file: article.file, line: frontmatterLine(article, 'updated'), field: 'updated', message, severity: 'warning' });
    }
    if (article.frontmatter.description === article.frontmatter.title) {
      const message = 'is the same as the title: say in one sentence what the article answers';
      problems.push({ file: article.file, line: frontmatterLine(article, 'description'), field: 'description', message, severity: 'warning' });
    }
    const text = article.body.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/<!--[\s\S]*?-->/g, '').trim();
    if (!text) problems.push({ file: article.file, line: article.bodyLine, message: 'has no text yet', severity: 'warning' });
    return problems;
  });
}
