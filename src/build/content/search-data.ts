import type { IndexableArticle } from '../search/keywords.ts';
import { buildSiteKnowledge } from '../search/site-knowledge.ts';
import { getArticles, inLocale, type Article } from './articles.ts';
import { readerSynonyms } from './reader-synonyms.ts';
import type { Locale } from '../../shared/locales.ts';
import { synonyms } from './site-data.ts';

/** An article as search sees it: its own text, tags and aliases, and the names readers taught search. */
export const searchableArticle = (article: Article): IndexableArticle => ({
  ...article.data,
  aliases: [...article.data.aliases, ...(readerSynonyms.get(article.id) ?? [])],
  body: article.body ?? '',
});

const built = new Map<Locale, ReturnType<typeof buildSiteKnowledge>>();

/** A locale's search knowledge and vocabulary, built once per build from its articles and content/synonyms.yaml. */
export async function siteSearchData(locale: Locale) {
  let data = built.get(locale);
  if (!data) {
    data = buildSiteKnowledge(inLocale(await getArticles(), locale).map(searchableArticle), synonyms);
    built.set(locale, data);
  }
  return data;
}
