import type { Locale } from '../../src/shared/locales.ts';
import { builtSiteSearch, fetchFilesFromDisk } from '../../server/search/built-site-search.ts';

fetchFilesFromDisk();

/**
 * The readers' engine over a built site's real Pagefind index, in Node, for tuning runs that try hundreds of queries
 * in seconds. The page itself is measured in Chromium by bench:search.
 */
export async function nodeSearcher(siteDir: string, bundle = 'pagefind') {
  const site = builtSiteSearch(siteDir, bundle);
  const engine = (query: string, locale: Locale, limit = 20) => site(query, locale, { limit });
  /** Plain Pagefind over the same bundle: its own ranking, nothing of ours. */
  engine.plain = async (query: string, locale: Locale): Promise<string[]> => {
    const { results } = await (await site.context(locale)).index.search(query);
    return Promise.all(results.slice(0, 10).map(async (result) => (await result.data()).url));
  };
  return engine;
}
