import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_META } from '../../src/shared/search/pagefind-api.ts';
import { useSiteInBrowser } from '../helpers/e2e.ts';
import { layoutShiftSoFar, recordLayoutShifts } from '../helpers/layout-shift.ts';

// The browser's own search, as on a CDN: linked searches answered in the page by the server are search-in-page.test.ts.
const site = useSiteInBrowser({ HELPLOOP_SEARCH_IN_PAGE: 'off' });
let page: Page;
/** Beacons the page sent, by path, with their JSON bodies. */
let beacons: { path: string; body: Record<string, unknown> }[];

beforeEach(async () => {
  page = await site.browser.newPage();
  beacons = [];
  // The search API arrives with the feedback API; here it is down, which search must survive.
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    beacons.push({ path: new URL(request.url()).pathname, body: JSON.parse(request.postData() ?? '{}') });
    await route.fulfill({ status: 503, body: '' });
  });
  return () => page.close();
});

const results = () =>
  page.locator('#search-results .search-result__link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
const settled = () =>
  page.locator('#search-results:is([data-state=done], [data-state=empty])').waitFor({ state: 'attached' });

describe('the header search box', () => {
  it('is a combobox that suggests articles as the reader types, chosen by keyboard', async () => {
    await page.goto(`${site.server.url}/ko/shipping/shipping-fee/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');
    await page.keyboard.type('환불 기간');
    const options = page.locator('#header-search-listbox [role=option]');
    await options.first().waitFor();
    const input = page.locator('#header-search');
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await options.count()).toBeLessThanOrEqual(5);
    expect(await options.first().locator('mark').count()).toBeGreaterThan(0);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('header-search-listbox-1');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    const first = await options.first().locator('.search-suggestion__title').textContent();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith('/shipping-fee/'));
    expect(await page.locator('h1').textContent()).toBe(first);
  });

  it('names each suggestion by its title and category only', async () => {
    await page.goto(`${site.server.url}/ko/`);
    await page.locator('#header-search').fill('배송비');
    const first = page.locator('#header-search-listbox [role=option]').first();
    await first.waitFor();
    const title = await first.locator('.search-suggestion__title').textContent();
    const category = await first.locator('.search-suggestion__category').textContent();
    expect(await page.getByRole('option', { name: `${title} ${category}`, exact: true }).count()).toBe(1);
  });

  it('jumps to the search box on “/” only outside text fields, and lets the reader turn “/” off', async () => {
    await page.goto(`${site.server.url}/ko/search/`);
    await page.locator('#search-page-input').focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    expect(await page.locator('#search-page-input').inputValue()).toBe('/');
    const toggle = page.getByRole('button', { name: '‘/’ 검색 단축키 끄기' });
    await toggle.click();
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('header-search');
    // Remembered on the next page; Ctrl+K, not a single key, still works.
    await page.goto(`${site.server.url}/ko/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('header-search');
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');
    await page.getByRole('button', { name: '‘/’ 검색 단축키 켜기' }).click();
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');
  });

  it('closes on Escape and opens the search page on Enter without a highlighted suggestion', async () => {
    await page.goto(`${site.server.url}/ko/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('배송비');
    await page.locator('#header-search-listbox [role=option]').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('#header-search').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ko\/search\/\?q=/);
    await settled();
    expect((await results())[0]).toBe('/ko/shipping/shipping-fee/');
  });
});

describe('the search page', () => {
  it('keeps the query when the reader switches language', async () => {
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('환불')}`);
    await settled();
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('href')).toBe(
      '/en/search/?q=%ED%99%98%EB%B6%88',
    );
    await page.locator('#search-page-input').fill('refund');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('link', { name: 'English' }).getAttribute('href'))
      .toBe('/en/search/?q=refund');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/en/search/?q=refund');
    expect(await page.locator('#search-page-input').inputValue()).toBe('refund');
  });

  it('loads the engine’s files for a linked search once each, as the page preloaded them', async () => {
    const requested: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/pagefind/') && !url.pathname.includes('/fragment/'))
        requested.push(url.pathname + url.search);
    });
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('환불')}`);
    await settled();
    const version = await page.locator(`meta[name="${SEARCH_INDEX_META}"]`).getAttribute('content');
    const entry = requested.filter((path) => path.startsWith('/pagefind/pagefind-entry.json'));
    expect(entry).toEqual([`/pagefind/pagefind-entry.json?ts=${version}`]);
    for (const file of [/\.pf_meta$/, /^\/pagefind\/wasm\./, /^\/pagefind\/pagefind\.js$/])
      expect(
        requested.filter((path) => file.test(path)),
        String(file),
      ).toHaveLength(1);
  });

  it('lists results best first with title, category and highlighted excerpt, and a count', async () => {
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('가상계좌 입금 언제까지 해야 돼요')}`);
    await settled();
    expect((await results())[0]).toBe('/ko/ordering-payment/virtual-account-deadline/');
    const first = page.locator('#search-results li').first();
    expect(await first.locator('.search-results__category').textContent()).toBe('주문·결제');
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-status').textContent()).toMatch(/검색 결과 \d+건/);
  });

  it('understands particles, glued words, the English keyboard layout and typos', async () => {
    for (const [query, expected] of [
      ['환불받으려면', '/ko/returns-refunds/'],
      ['회원탈퇴방법', '/ko/account/delete-account/'],
      ['qothd whghl', '/ko/shipping/track-order/'],
    ]) {
      await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent(query)}`);
      await settled();
      expect((await results())[0], query).toContain(expected);
    }
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('환블')}`);
    await settled();
    expect(await page.locator('#search-status').textContent()).toContain('‘환불’(으)로 검색한 결과예요.');
  });

  it('keeps the query and category in the URL, so it can be shared and the back button works', async () => {
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('배송')}`);
    await settled();
    const everything = await results();
    await page.locator('#search-category').selectOption('shipping');
    await page.waitForURL(/category=shipping/);
    await settled();
    await expect.poll(results).not.toEqual(everything);
    expect((await results()).every((href) => href!.startsWith('/ko/shipping/'))).toBe(true);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('category'));
    await expect.poll(results).toEqual(everything);
    expect(await page.locator('#search-category').inputValue()).toBe('');
  });

  // `판매자` (seller) is not `판매` (sale): pages about selling and applying do not answer it.
  it.each(['서울 날씨', '판매자 입점 신청'])(
    'shows no unrelated pages for %s, which the help center does not answer, but offers a way on',
    async (query) => {
      await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent(query)}`);
      await settled();
      expect(await results()).toEqual([]);
      expect(await page.locator('#search-status').textContent()).toContain(`‘${query}’에 맞는 도움말을 찾지 못했어요`);
      expect(await page.locator('#search-fallback').isVisible()).toBe(true);
      expect(await page.locator('#search-fallback a').count()).toBeGreaterThan(0);
      expect(await page.locator('.support-handoff a.button').isVisible()).toBe(true);
    },
  );

  it('reports a finished search and a click on a result, while the API is down', async () => {
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('재입고 알림')}`);
    await settled();
    await page.locator('#search-results .search-result__link').first().click();
    await page.waitForURL('**/ko/products-stock/restock-alert/');
    const searchBeacons = () =>
      beacons
        .map((beacon) => beacon.path)
        .filter((path) => path.includes('search'))
        .sort();
    await expect.poll(searchBeacons).toEqual(['/api/search-clicks', '/api/searches']);
    const search = beacons.find((beacon) => beacon.path === '/api/searches')!.body;
    expect(search).toMatchObject({
      query: '재입고 알림',
      locale: 'ko',
      resultCount: expect.any(Number),
      eventId: expect.any(String),
    });
    expect(beacons.find((beacon) => beacon.path === '/api/search-clicks')!.body).toMatchObject({
      query: '재입고 알림',
      articleId: 'ko/products-stock/restock-alert',
      position: 1,
    });
  });
});

describe('more results', () => {
  /** Tabs forward until the "more results" button has focus, as a keyboard user reaches it after the results. */
  async function tabToMore(): Promise<void> {
    for (let i = 0; i < 60; i++) {
      if (await page.evaluate(() => document.activeElement?.id === 'search-more')) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('Tab never reached the "more results" button');
  }
  const statusText = () => page.locator('#search-status').textContent();

  // `주문` (order) is in most articles of the sample: more than one batch of ten.
  it('shows every result of a long search batch by batch, by keyboard, each once and in place', async () => {
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('주문')}`);
    await settled();
    expect(await results()).toHaveLength(10);
    const more = page.locator('#search-more');
    expect(await more.textContent()).toMatch(/^결과 더 보기 \(\d+개 남음\)$/);

    await page.locator('#search-results .search-result__link').last().focus();
    for (let presses = 0; await more.isVisible(); presses++) {
      expect(presses, 'a handful of batches reach the end').toBeLessThan(10);
      const before = await results();
      await tabToMore();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await results()).length).toBeGreaterThan(before.length);
      const after = await results();
      expect(after.slice(0, before.length), 'earlier results keep their place').toEqual(before);
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('href')),
        'focus on the first new result',
      ).toBe(after[before.length]);
      const [, total, shown] = /검색 결과 (\d+)건(?: 중 (\d+)건)?/.exec((await statusText())!)!;
      expect(Number(shown ?? total), 'the status counts what is shown').toBe(after.length);
    }
    const all = await results();
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all).size).toBe(all.length);
    expect(await statusText()).toBe(`‘주문’ 검색 결과 ${all.length}건을 모두 보여 드려요.`);
  });

  it('is not offered when the first batch holds every result', async () => {
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('재입고 알림')}`);
    await settled();
    expect((await results()).length).toBeGreaterThan(0);
    expect(await page.locator('#search-more').isVisible()).toBe(false);
  });

  it('fits a 360 px screen and names what it does in English too', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.server.url}/en/search/?q=${encodeURIComponent('order')}`);
    await settled();
    const more = page.getByRole('button', { name: /^Show more results \(\d+ left\)$/ });
    expect(await more.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

describe('the search page layout', () => {
  // Lighthouse's desktop screen and the narrowest phone we support; at both, results arrive after the page is drawn.
  it.each([
    ['desktop', { width: 1350, height: 940 }],
    ['360 px', { width: 360, height: 740 }],
  ])('does not move when results arrive (cumulative layout shift ≤ 0.02) at %s', async (_, viewport) => {
    await page.setViewportSize(viewport);
    await recordLayoutShifts(page);
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('환불')}`);
    await settled();
    expect((await results()).length).toBeGreaterThan(0);
    expect(await layoutShiftSoFar(page)).toBeLessThanOrEqual(0.02);
    // Held back until the results came, not for good.
    expect(await page.locator('.support-handoff').isVisible()).toBe(true);
    expect(await page.locator('.site-footer').isVisible()).toBe(true);
  });

  it('still offers the support hand-off when search cannot load', async () => {
    await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${site.server.url}/ko/search/?q=${encodeURIComponent('환불')}`);
    await page.locator('#search-results[data-state=error]').waitFor({ state: 'attached' });
    expect(await page.locator('#search-status').textContent()).toBe(
      '검색을 불러오지 못했어요. 잠시 후 다시 시도해 주세요.',
    );
    expect(await page.locator('.support-handoff a.button').isVisible()).toBe(true);
  });
});
