import type { Locale } from '../../shared/locales.ts';
import { SEARCH_INDEX_META, type Pagefind } from '../../shared/search/pagefind-api.ts';

const loading = new Map<string, Promise<Pagefind>>();

/**
 * Loads the search bundle for a locale once, on first use; a failed load is retried on the next call. Pagefind
 * picks its language index from `<html lang>` when it starts, so another locale's index (the staff reports check
 * queries of both), or any index loaded into another site (the widget, with `base` the help center's address),
 * gets its own instance of the module, started while `lang` names that locale.
 */
export function loadPagefind(locale: Locale, base = '/'): Promise<Pagefind> {
  const own = base === '/' && document.documentElement.lang === locale;
  const bundle = `${base}pagefind/pagefind.js${own ? '' : `?locale=${locale}`}`;
  let promise = loading.get(bundle);
  if (!promise) {
    promise = (async () => {
      const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
      const version = own ? document.querySelector<HTMLMetaElement>(`meta[name="${SEARCH_INDEX_META}"]`) : null;
      // Its worker would be one more download (12 KB) for searches that take milliseconds on the page's thread.
      await pagefind.options({ excerptLength: 24, noWorker: true, ...(version && { metaCacheTag: version.content }) });
      // Started now, the index loads beside the site's search data instead of after it, at the first search.
      if (own) await pagefind.init();
      else {
        const html = document.documentElement;
        const lang = html.getAttribute('lang');
        html.setAttribute('lang', locale);
        // init reads `lang` before its first await, so the page's own language is back at once.
        const started = pagefind.init();
        if (lang === null) html.removeAttribute('lang');
        else html.setAttribute('lang', lang);
        await started;
      }
      return pagefind;
    })();
    promise.catch(() => loading.delete(bundle));
    loading.set(bundle, promise);
  }
  return promise;
}
