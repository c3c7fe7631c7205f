import type { APIRoute } from 'astro';
import type { Locale } from '../../shared/locales.ts';
import { siteSearchData } from '../../build/content/search-data.ts';
import { site } from '../../build/content/site-data.ts';

export function getStaticPaths() {
  return site.locales.map((locale) => ({ params: { locale } }));
}

/** Every stem of the locale's articles with its document frequency, and other real words: for typos and glued words. */
export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify((await siteSearchData(params.locale as Locale)).vocabulary));
