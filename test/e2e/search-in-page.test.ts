import type { Page, Request } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/e2e.ts';
import { layoutShiftSoFar, recordLayoutShifts } from '../helpers/layout-shift.ts';

const site = useSiteInBrowser();
let page: Page;
/** Beacons the page sent, by path, with their JSON bodies. */
let beacons: { path: string; body: Record<string, unknown> }[];
/** What the page asked of the engine's files (Pagefind's, the site's search data). */
let engineFiles: string[];

const linked = (query: string) => `${site.server.url}/ko/search/?q=${encodeURIComponent(query)}`;
const results = () =>
  page.locator('#search-results .search-result__link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

beforeAll(async () => {
  // The server's search thread loads its indexes once it listens; until then pages go out as built.
  for (let tries = 0; tries < 100; tries++) {
    if ((await (await fetch(linked('환불'))).text()).includes('data-state="done"')) return;
    await new Promise((done) => setTimeout(done, 100));
  }
});

beforeEach(async () => {
  page = await site.browser.newPage();
  beacons = [];
  engineFiles = [];
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    beacons.push({ path: new URL(request.url()).pathname, body: JSON.parse(request.postData() ?? '{}') });
    await route.fulfill({ status: 503, body: '' });
  });
  page.on('request', (request: Request) => {
    const { pathname } = new URL(request.url());
    if (/^\/(pagefind|search)\//.test(pathname)) engineFiles.push(pathname);
  });
  return () => page.close();
});

it('shows a linked search’s results with the first paint, without the engine, and nothing moves', async () => {
  await recordLayoutShifts(page);
  // No engine at all: whatever is on screen came with the page.
  await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(linked('환불'), { waitUntil: 'domcontentloaded' });
  expect(await page.locator('#search-results').getAttribute('data-state')).toBe('done');
  expect((await results()).length).toBeGreaterThan(2);
  expect(await page.locator('#search-status').textContent()).toMatch(/^‘환불’ 검색 결과 \d+건$/);
  expect(await page.locator('#search-page-input').inputValue()).toBe('환불');
  await page.waitForLoadState('load');
  expect(await page.locator('.support-handoff').isVisible()).toBe(true);
  expect(await layoutShiftSoFar(page)).toBeLessThanOrEqual(0.02);
  expect(await page.locator('#search-results').getAttribute('aria-busy')).toBeNull();
});

it('reports the search and a click on its second result, as for the browser’s own results', async () => {
  await page.goto(linked('재입고 알림'));
  const total = Number(await page.locator('#search-results').getAttribute('data-total'));
  const second = page.locator('#search-results .search-result__link').nth(1);
  const href = await second.getAttribute('href');
  await second.click();
  await page.waitForURL(`**${href}`);
  await expect.poll(() => beacons.map(({ path }) => path)).toContain('/api/search-clicks');
  expect(beacons.find(({ path }) => path === '/api/searches')!.body).toMatchObject({
    query: '재입고 알림',
    locale: 'ko',
    resultCount: total,
  });
  expect(beacons.find(({ path }) => path === '/api/search-clicks')!.body).toMatchObject({
    query: '재입고 알림',
    articleId: href!.slice(1, -1),
    position: 2,
  });
});

it('loads the engine after the page, and answers the next search and "more results" with it', async () => {
  await page.goto(linked('주문'));
  expect(engineFiles.filter((path) => path.endsWith('.pf_fragment'))).toEqual([]);
  await expect.poll(() => engineFiles.some((path) => path.startsWith('/pagefind/wasm.'))).toBe(true);
  const first = await results();
  expect(first).toHaveLength(10);
  await page.locator('#search-more').click();
  await expect.poll(async () => (await results()).length).toBeGreaterThan(10);
  expect((await results()).slice(0, 10)).toEqual(first);

  await page.locator('#search-page-input').fill('회원 탈퇴');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=%ED%9A%8C%EC%9B%90/);
  await expect.poll(async () => (await results())[0]).toBe('/ko/account/delete-account/');
  expect(await page.locator('#search-status').textContent()).toMatch(/^‘회원 탈퇴’ 검색 결과 \d+건$/);
});

it('gives readers without JavaScript the results too', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  try {
    const plain = await context.newPage();
    await plain.goto(linked('환불'));
    const links = await plain.locator('#search-results .search-result__link').count();
    expect(links).toBeGreaterThan(2);
    expect(await plain.locator('#search-results li').first().isVisible()).toBe(true);
  } finally {
    await context.close();
  }
});
