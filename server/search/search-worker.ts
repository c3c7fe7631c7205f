/**
 * The thread that runs the readers' search engine for the server (server-search.ts). Pagefind's bundle is browser
 * code that wants a document and a fetch of its own files; here those stand-ins touch nothing of the server's,
 * and a slow search never holds up a vote or a page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SEARCH_PAGE_LIMIT } from '../../src/shared/search/result-list.ts';
import { builtSiteSearch, fetchFilesFromDisk } from './built-site-search.ts';
import type { SearchReply, SearchRequest, SearchWorkerData } from './server-search.ts';

fetchFilesFromDisk();
const { siteDir, warmUp } = workerData as SearchWorkerData;
const site = builtSiteSearch(siteDir);
const port = parentPort!;

port.on('message', ({ id, locale, query }: SearchRequest) => {
  site(query, locale, { limit: SEARCH_PAGE_LIMIT }).then(
    (outcome) => port.postMessage({ id, outcome } satisfies SearchReply),
    () => port.postMessage({ id } satisfies SearchReply),
  );
});

// Every index loads, and the engine runs once, before the first search is taken: a reader's page waits for neither.
for (const { locale, query } of warmUp)
  await (query ? site(query, locale, { limit: SEARCH_PAGE_LIMIT }) : site.context(locale));
port.postMessage({ ready: true } satisfies SearchReply);
