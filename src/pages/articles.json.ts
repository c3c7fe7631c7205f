import type { APIRoute } from 'astro';
import { getArticles, parseArticleId, articleUrl, sourcePathOf, editUrlOf } from '../build/content/articles.ts';
import type { Manifest } from '../shared/content/manifest.ts';
import { categories, contexts, site } from '../build/content/site-data.ts';

export const GET: APIRoute = async () => {
  const articles = await getArticles();
  const manifest: Manifest = {
    defaultLocale: site.defaultLocale,
    locales: site.locales,
    categories: categories.map(({ id, title }) => ({ id, title })),
    contexts: Object.keys(contexts),
    widgetOrigins: site.widgetOrigins.map((origin) => new URL(origin).origin),
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
      };
    }),
  };
  return new Response(JSON.stringify(manifest));
};
