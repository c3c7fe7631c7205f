import type { APIRoute } from 'astro';
import type { Locale } from '../../shared/locales.ts';
import { siteSearchData } from '../../build/content/search-data.ts';
import { site } from '../../build/content/site-data.ts';

export function getStaticPaths() {
  return site.locales.map((locale) => ({ params: { locale } }));
}

/** The synonym groups and clipped forms that touch the locale's words, loaded with the first search. */
export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify((await siteSearchData(params.locale as Locale)).knowledge));
