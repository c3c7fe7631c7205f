import type { Manifest } from '../../shared/content/manifest.ts';
import { articleUrl, editUrlOf, getArticles, parseArticleId, sourcePathOf } from './articles.ts';
import { categories, contexts, site } from './site-data.ts';

/** What the server knows about the built content (dist/articles.json); the build's own readers' synonyms read it too. */
export async function buildManifest(): Promise<Manifest> {
  const articles = await getArticles();
  return {
    defaultLocale: site.defaultLocale,
    locales: site.locales,
    categories: categories.map(({ id, title }) => ({ id, title })),
    contexts: Object.keys(contexts),
    widgetOrigins: site.widgetOrigins.map((origin) => new URL(origin).origin),
    siteUrl: site.url ?? null,
    timeZone: site.timeZone,
    surveys: site.surveys,
    articles: articles.map((article) => {
      const { locale, category } = parseArticleId(article.id);
      return {
        id: article.id,
        locale,
        category,
        title: article.data.title,
        url: articleUrl(article.id),
        sourcePath: sourcePathOf(article),
        editUrl: editUrlOf(article),
        updated: article.data.updated,
        contexts: article.data.contexts,
        tags: article.data.tags,
      };
    }),
  };
}
