import type { APIRoute } from 'astro';
import { articleUrl, getArticles, inLocale, popular, type Article } from '../../build/content/articles.ts';
import type { Locale } from '../../shared/locales.ts';
import { categories, contexts, site } from '../../build/content/site-data.ts';
import { surveyPageData } from '../../build/content/survey-prompt.ts';
import { ARTICLES_PER_CONTEXT, type WidgetData } from '../../shared/widget-data.ts';

export function getStaticPaths() {
  return site.locales.map((locale) => ({ params: { locale } }));
}

const suggestion = (article: Article) => ({
  id: article.id,
  title: article.data.title,
  description: article.data.description,
  url: articleUrl(article.id),
  ...(article.data.order !== undefined && { order: article.data.order }),
});

/** The widget's data for one locale; getArticles() is already in editor order. */
export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale as Locale;
  const articles = inLocale(await getArticles(), locale);
  const data: WidgetData = {
    locale,
    name: site.name[locale],
    contexts: Object.entries(contexts).map(([key, context]) => ({
      key,
      title: context.title[locale],
      patterns: context.patterns,
      articles: articles
        .filter((article) => article.data.contexts.includes(key))
        .slice(0, ARTICLES_PER_CONTEXT)
        .map(suggestion),
    })),
    popular: popular(
      articles,
      categories.map((category) => category.id),
      ARTICLES_PER_CONTEXT,
    ).map(suggestion),
    support: { contactUrl: site.support.contactUrl, ...(site.support.email && { email: site.support.email }) },
    surveys: surveyPageData(site.surveys, 'host', locale, (site.company ?? site.name)[locale]),
    afterSession: surveyPageData(site.surveys, 'help-center', locale, (site.company ?? site.name)[locale]),
  };
  return new Response(JSON.stringify(data));
};
