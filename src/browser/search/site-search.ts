import type { Locale } from '../../shared/locales.ts';
import { search, type SearchContext, type SearchOptions, type SearchOutcome } from '../../shared/search/engine.ts';
import { Knowledge, type SiteKnowledge } from '../../shared/search/knowledge.ts';
import { loadPagefind } from './pagefind.ts';
import { knowledgePath, vocabularyPath, type Vocabulary } from '../../shared/search/vocabulary.ts';

const contexts = new Map<string, Promise<SearchContext>>();
const files = new Map<string, Promise<unknown>>();

/** A built file of the site's search data, fetched once; a failed load is retried on the next call. */
function loadJson<T>(url: string): Promise<T> {
  let promise = files.get(url);
  if (!promise) {
    promise = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json();
    });
    promise.catch(() => files.delete(url));
    files.set(url, promise);
  }
  return promise as Promise<T>;
}

/** The help center's search in the browser: its Pagefind index and search data, loaded on the first search. */
function siteContext(locale: Locale, base: string): Promise<SearchContext> {
  const key = `${base}|${locale}`;
  let context = contexts.get(key);
  if (!context) {
    context = Promise.all([loadPagefind(locale, base), loadJson<SiteKnowledge>(base + knowledgePath(locale))]).then(
      ([index, data]) => ({
        index,
        knowledge: new Knowledge(data),
        locale,
        // Without it search still works, only without splitting glued words or correcting typos.
        vocabulary: () => loadJson<Vocabulary>(base + vocabularyPath(locale)).catch(() => undefined),
      }),
    );
    context.catch(() => contexts.delete(key));
    contexts.set(key, context);
  }
  return context;
}

/**
 * Searches the help center. `base` is its address when searching from another site (the widget):
 * `https://help.example.com/`.
 */
export async function searchSite(
  query: string,
  options: SearchOptions & { locale: Locale; base?: string },
): Promise<SearchOutcome> {
  return search(await siteContext(options.locale, options.base ?? '/'), query, options);
}

/** Loads the engine ahead of a search, once the page is idle: where the first answer came with the page itself. */
export function prepareSiteSearch(locale: Locale): void {
  const prepare = () => void siteContext(locale, '/').catch(() => undefined);
  // Safari has no requestIdleCallback.
  const idle = 'requestIdleCallback' in globalThis ? requestIdleCallback : setTimeout;
  addEventListener('load', () => idle(prepare), { once: true });
}
