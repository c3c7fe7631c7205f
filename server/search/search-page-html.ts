import type { Locale } from '../../src/shared/locales.ts';
import type { SearchOutcome } from '../../src/shared/search/engine.ts';
import { resultItemHtml } from '../../src/shared/search/result-list.ts';
import { resultsStatus, searchMessages } from '../../src/shared/search/search-messages.ts';
import { escapeHtml } from '../../src/shared/search/text.ts';

/** The parts of the built search page (src/pages/[locale]/search.astro) that hold a search's answer. */
const INPUT = /<input id="search-page-input"/;
const STATUS = /(<p id="search-status"[^>]*>)(<\/p>)/;
const LIST = /<ol id="search-results"([^>]*) data-state="idle">/;
const MORE = /(<button type="button" id="search-more"[^>]*?) hidden>(<\/button>)/;
/** What the page asks for early so that the browser's engine answers sooner: Pagefind's files and the site's. */
const ENGINE_PRELOADS = /<link rel="(?:module)?preload" href="\/(?:pagefind|search)\/[^"]*"[^>]*>/g;

/**
 * The search page with an answer in it, as the browser would have drawn it: the query in the box, the status line,
 * the results and the "more results" button. The list says which query it answers, so the page's script takes it
 * over instead of searching again, and the engine's files are not fetched before the page has painted (the script
 * loads them after). Nothing when the answer has no results (the browser shows what to try instead) or the page
 * lacks a part: a page without an answer is always a correct page.
 */
export function searchPageWithResults(html: string, locale: Locale, outcome: SearchOutcome): string | undefined {
  if (!outcome.hits.length || ![INPUT, STATUS, LIST, MORE].every((part) => part.test(html))) return undefined;
  const remaining = outcome.total - outcome.hits.length;
  const items = outcome.hits.map((hit, i) => resultItemHtml(hit, i + 1)).join('');
  return html
    .replace(ENGINE_PRELOADS, '')
    .replace(INPUT, (input) => `${input} value="${escapeHtml(outcome.query)}"`)
    .replace(STATUS, (_, open: string, close: string) => open + escapeHtml(resultsStatus(locale, outcome)) + close)
    .replace(
      LIST,
      (_, attributes: string) =>
        `<ol id="search-results"${attributes} data-state="done" data-query="${escapeHtml(outcome.query)}" data-total="${outcome.total}">${items}`,
    )
    .replace(MORE, (all, open: string, close: string) =>
      remaining > 0 ? open + '>' + escapeHtml(searchMessages[locale].more(remaining)) + close : all,
    );
}
