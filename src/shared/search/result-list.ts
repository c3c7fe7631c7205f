import type { SearchHit } from './engine.ts';
import { escapeHtml } from './text.ts';

/**
 * Results the search page shows first and adds with each press of "more results" (one screen or two, and a small
 * first download). The server's answer in a linked search's page and the staff reports ask for the same, so all see
 * the same answer.
 */
export const SEARCH_PAGE_LIMIT = 10;

/**
 * One result of the search page's list, as HTML: the server writes the first ones into a linked search's page, and
 * the browser adds the rest the same way. Its id and position (from 1) are what a click on it reports.
 */
export function resultItemHtml(hit: SearchHit, position: number): string {
  return (
    `<li data-id="${escapeHtml(hit.id)}" data-position="${position}">` +
    `<a class="search-result__link" href="${escapeHtml(hit.url)}">${escapeHtml(hit.title)}</a>` +
    `<span class="search-results__category">${escapeHtml(hit.category)}</span>` +
    // The excerpt is escaped page text with <mark> around the matched words, built by the engine.
    `<p>${hit.excerpt}</p></li>`
  );
}
