import { relative, sep } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../../shared/locales.ts';
import { site } from './site-data.ts';

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

/** The article's file relative to the project, with `/` on every system: what editors open and repositories link. */
export const sourcePathOf = (article: Article) => relative(process.cwd(), article.filePath ?? '').split(sep).join('/');

/** The source file in the content repository, for editors who spot a mistake; null when site.yaml names none. */
export const editUrlOf = (article: Article) =>
  site.repositoryUrl ? `${site.repositoryUrl.replace(/\/+$/, '')}/${sourcePathOf(article)}` : null;

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

/**
 * One list's articles by id and by `<locale>/<category>/`, built once per list. The article pages ask for the
 * related articles and translations of every article; scanning the whole list for each of them was O(n²)
 * (0.3 s of CPU at 1,200 articles). Kept per array, so a list must not change after it is passed here:
 * getArticles() returns a new array on every call and no caller modifies one.
 */
interface ArticleIndex {
  byId: Map<string, Article>;
  byCategory: Map<string, Article[]>;
  /** `<locale>/tag:<tag>` and `<locale>/context:<key>` → the articles that have it. */
  byTopic: Map<string, Article[]>;
  position: Map<Article, number>;
}

const indexes = new WeakMap<Article[], ArticleIndex>();

function indexOf(articles: Article[]): ArticleIndex {
  let index = indexes.get(articles);
  if (!index) {
    index = { byId: new Map(), byCategory: new Map(), byTopic: new Map(), position: new Map(articles.map((a, i) => [a, i])) };
    for (const article of articles) {
      // The first wins, as a scan would find it; ids are unique within a collection anyway.
      if (!index.byId.has(article.id)) index.byId.set(article.id, article);
      // Ids are always `<locale>/<category>/<slug>` (the loader's pattern is `*/*/*`): the key is all but the slug.
      const prefix = article.id.slice(0, article.id.lastIndexOf('/') + 1);
      push(index.byCategory, prefix, article);
      for (const topic of topicsOf(article)) push(index.byTopic, topic, article);
    }
    indexes.set(articles, index);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const topicsOf = (article: Article) => {
  const { locale } = parseArticleId(article.id);
  return [...article.data.tags.map((tag) => `${locale}/tag:${tag}`), ...article.data.contexts.map((key) => `${locale}/context:${key}`)];
};

/** The locale's articles of a category, in the list's order. */
export const inCategory = (articles: Article[], locale: Locale, category: string): Article[] => [
  ...(indexOf(articles).byCategory.get(`${locale}/${category}/`) ?? []),
];

/** The same `<category>/<slug>` in another locale, if it was written. */
export function translationOf(article: Article, locale: Locale, articles: Article[]): Article | undefined {
  const { category, slug } = parseArticleId(article.id);
  return indexOf(articles).byId.get(`${locale}/${category}/${slug}`);
}

/**
 * The editor's `related` first, then the articles that share most with this one: each shared tag or context
 * (where on a shop it is suggested) counts one, the same category one more. Ties keep the list's order.
 */
export function relatedTo(article: Article, articles: Article[], limit = 5): Article[] {
  const { locale, category } = parseArticleId(article.id);
  const { byId, byTopic, position } = indexOf(articles);
  const chosen = article.data.related.map((id) => byId.get(`${locale}/${id}`)).filter((a): a is Article => a !== undefined);
  const shared = new Map<Article, number>();
  const count = (other: Article, weight: number) => other !== article && shared.set(other, (shared.get(other) ?? 0) + weight);
  for (const other of inCategory(articles, locale, category)) count(other, 1);
  for (const topic of topicsOf(article)) for (const other of byTopic.get(topic) ?? []) count(other, 1);
  const computed = [...shared].sort((a, b) => b[1] - a[1] || position.get(a[0])! - position.get(b[0])!).map(([other]) => other);
  return [...new Set([...chosen, ...computed])].slice(0, limit);
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
