import type { APIRoute } from 'astro';
import { getArticles, inLocale } from '../../content/articles.ts';
import type { Locale } from '../../content/schema.ts';
import { site } from '../../content/site-data.ts';
import { articleStems } from '../../search/keywords.ts';
import type { Vocabulary } from '../../search/vocabulary.ts';

export function getStaticPaths() {
  return site.locales.map((locale) => ({ params: { locale } }));
}

/** Every stem of the locale's articles with its document frequency, for correcting typos in the browser. */
export const GET: APIRoute = async ({ params }) => {
  const articles = inLocale(await getArticles(), params.locale as Locale);
  const frequency = new Map<string, number>();
  for (const article of articles) {
    const stems = articleStems({ ...article.data, body: article.body ?? '' });
    for (const stem of stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  }
  const vocabulary: Vocabulary = { pages: articles.length, words: Object.fromEntries(frequency) };
  return new Response(JSON.stringify(vocabulary));
};
