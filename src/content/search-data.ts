import { buildSiteKnowledge } from '../search/site-knowledge.ts';
import { getArticles, inLocale } from './articles.ts';
import type { Locale } from './schema.ts';
import { synonyms } from './site-data.ts';

const built = new Map<Locale, ReturnType<typeof buildSiteKnowledge>>();

/** A locale's search knowledge and vocabulary, built once per build from its articles and content/synonyms.yaml. */
export async function siteSearchData(locale: Locale) {
  let data = built.get(locale);
  if (!data) {
    const articles = inLocale(await getArticles(), locale).map((article) => ({ ...article.data, body: article.body ?? '' }));
    data = buildSiteKnowledge(articles, synonyms);
    built.set(locale, data);
  }
  return data;
}
