import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from './schema.ts';

export type Article = CollectionEntry<'articles'>;

export interface ArticleId {
  locale: Locale;
  category: string;
  slug: string;
}

export function parseArticleId(id: string): ArticleId {
  const [locale, category, slug] = id.split('/');
  return { locale: locale as Locale, category, slug };
}

export const articleUrl = (id: string) => `/${id}/`;

/** Published articles, best first: editor `order`, then title. Drafts appear only in `astro dev`. */
export async function getArticles(): Promise<Article[]> {
  const entries = await getCollection('articles', (entry) => import.meta.env.HELPLOOP_DRAFTS || !entry.data.draft);
  return entries.sort(byOrderThenTitle);
}

function byOrderThenTitle(a: Article, b: Article): number {
  const rank = (article: Article) => article.data.order ?? Number.MAX_SAFE_INTEGER;
  return rank(a) - rank(b) || a.data.title.localeCompare(b.data.title);
}

export const inLocale = (articles: Article[], locale: Locale) => articles.filter((a) => parseArticleId(a.id).locale === locale);

export const inCategory = (articles: Article[], locale: Locale, category: string) =>
  articles.filter((a) => a.id.startsWith(`${locale}/${category}/`));

/** The same `<category>/<slug>` in another locale, if it was written. */
export function translationOf(article: Article, locale: Locale, articles: Article[]): Article | undefined {
  const { category, slug } = parseArticleId(article.id);
  return articles.find((other) => other.id === `${locale}/${category}/${slug}`);
}

/** The editor's `related` first, then the rest of the category in its order. */
export function relatedTo(article: Article, articles: Article[], limit = 5): Article[] {
  const { locale, category } = parseArticleId(article.id);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const chosen = article.data.related.map((id) => byId.get(`${locale}/${id}`)).filter((a): a is Article => a !== undefined);
  const sameCategory = inCategory(articles, locale, category).filter((a) => a.id !== article.id);
  return [...new Set([...chosen, ...sameCategory])].slice(0, limit);
}

/** Newest `updated` first. */
export const recentlyUpdated = (articles: Article[], limit: number) =>
  [...articles].sort((a, b) => b.data.updated.localeCompare(a.data.updated)).slice(0, limit);

/** The editor's pick of what most readers come for: each category's first articles, in category order. */
export function popular(articles: Article[], categoryOrder: string[], limit: number): Article[] {
  const rank = (a: Article) => categoryOrder.indexOf(parseArticleId(a.id).category);
  const firstOfEach = categoryOrder.map((category) => articles.find((a) => parseArticleId(a.id).category === category));
  const picks = firstOfEach.filter((a): a is Article => a !== undefined);
  const rest = articles.filter((a) => !picks.includes(a)).sort((a, b) => rank(a) - rank(b));
  return [...picks, ...rest].slice(0, limit);
}
