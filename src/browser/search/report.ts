import { sendBeacon } from '../beacon.ts';
import type { Locale } from '../../shared/locales.ts';

/**
 * Reports finished searches: a query is sent once the reader stops changing it (not per keystroke), or at
 * once when they pick a result or leave the page, so staff see every search that found nothing. `base` is the help
 * center's address when searching from another site (the widget).
 */
export function searchReporter(locale: Locale, base = '/', delayMs = 1500) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { query: string; resultCount: number } | undefined;
  let lastSent = '';

  const flush = () => {
    clearTimeout(timer);
    if (pending && pending.query !== lastSent) {
      sendBeacon(`${base}api/searches`, { query: pending.query, locale, resultCount: pending.resultCount });
      lastSent = pending.query;
    }
    pending = undefined;
  };
  addEventListener('pagehide', flush);

  return {
    /** The results shown for a query changed. */
    searched(query: string, resultCount: number) {
      clearTimeout(timer);
      pending = query ? { query, resultCount } : undefined;
      timer = setTimeout(flush, delayMs);
    },
    /** The reader chose a result; position counts from 1. */
    clicked(query: string, articleId: string, position: number) {
      flush();
      sendBeacon(`${base}api/search-clicks`, { query, articleId, position, locale });
    },
  };
}
