import type { Browser, Page } from 'playwright-core';
import type { LabelledQuery } from './queries.ts';

const idOf = (url: string) => new URL(url, 'http://x').pathname.replace(/^\/|\/$/g, '');

/** Runs a query through the real search page and reads the result links in order. */
export async function searchPageResults(page: Page, base: string, query: LabelledQuery): Promise<string[]> {
  await page.goto(`${base}/${query.locale}/search/?q=${encodeURIComponent(query.query)}`);
  await page
    .locator('#search-results:is([data-state=done], [data-state=empty], [data-state=error])')
    .waitFor({ state: 'attached', timeout: 15_000 });
  if ((await page.locator('#search-results').getAttribute('data-state')) === 'error')
    throw new Error(`search failed for ${query.query}`);
  const hrefs = await page
    .locator('#search-results .search-result__link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.map(idOf);
}

/** The same query straight into the plain Pagefind index, as a site with default Pagefind would answer it. */
export async function plainPagefindResults(page: Page, base: string, query: LabelledQuery): Promise<string[]> {
  if (!page.url().startsWith(`${base}/${query.locale}/search/`)) await page.goto(`${base}/${query.locale}/search/`);
  const urls = await page.evaluate(async (text) => {
    const path = '/pagefind-plain/pagefind.js';
    const pagefind = await import(path);
    const { results } = await pagefind.search(text);
    return Promise.all(
      results.slice(0, 10).map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url),
    );
  }, query.query);
  return urls.map(idOf);
}

export interface Transfer {
  bytes: number;
  requests: { url: string; bytes: number }[];
}

/** Bytes the browser downloads from the moment a reader starts typing on an article page until suggestions show. */
export async function firstSearchTransfer(
  browser: Browser,
  base: string,
  articleUrl: string,
  query: string,
): Promise<Transfer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}${articleUrl}`, { waitUntil: 'networkidle' });
  const pending: Promise<{ url: string; bytes: number }>[] = [];
  // Pagefind fetches its index from a worker; Playwright reports worker requests on the context.
  context.on('requestfinished', (request) => {
    pending.push(
      request
        .sizes()
        .then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize })),
    );
  });
  await page.locator('#header-search').fill(query);
  await page.locator('#header-search-listbox [role=option]').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const requests = await Promise.all(pending);
  await context.close();
  return { bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests };
}

/** JavaScript an article page downloads before anyone searches. */
export async function pageLoadScripts(browser: Browser, base: string, articleUrl: string): Promise<Transfer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, { url: string; type: string }>();
  const requests: { url: string; bytes: number }[] = [];
  cdp.on('Network.responseReceived', (event) =>
    urls.set(event.requestId, { url: event.response.url, type: event.type }),
  );
  cdp.on('Network.loadingFinished', (event) => {
    const response = urls.get(event.requestId);
    if (response?.type === 'Script') requests.push({ url: response.url, bytes: event.encodedDataLength });
  });
  await page.goto(`${base}${articleUrl}`, { waitUntil: 'networkidle' });
  await context.close();
  return { bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests };
}
