import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateContent } from '../../src/build/content/validate.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { allDays, readStored } from '../helpers/stored.ts';

const content = validateContent('content');

/** A shop's page on another origin, embedding the widget with the one tag the README gives. */
function hostSite(helpUrl: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="ko"><head><title>Another shop</title><link rel="icon" href="data:,"></head>
      <body><h1>반품 신청</h1><script src="${helpUrl()}/widget.js" data-locale="ko" data-context="returns" async></script></body></html>`);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

let help: RunningServer;
let browser: Browser;
let allowed: Awaited<ReturnType<typeof hostSite>>;
let refused: Awaited<ReturnType<typeof hostSite>>;

beforeAll(async () => {
  [allowed, refused, browser] = await Promise.all([
    hostSite(() => help.url),
    hostSite(() => help.url),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  allowed?.server.close();
  refused?.server.close();
});

/** For a describe: the help center's server on a database of its own, which the allowed host site may embed. */
function useHelpServer() {
  beforeAll(async () => {
    help = await startServer(inject('siteDir'), { HELPLOOP_CORS_ORIGINS: allowed.url });
  });
  afterAll(() => help?.stop());
}

/** The widget's counts for a context, as the staff report reads them. */
const contextCounts = async (context: string) =>
  (await readStored(help.dataDir, async ({ reports }) =>
    (await reports.contexts(allDays)).find((row) => row.context === context),
  )) ?? { impressions: 0, clicks: 0, contacts: 0 };

/** The context's articles as the widget must list them: the editor's order, then title. */
const expectedTitles = (context: string) =>
  content.articles
    .filter((a) => a.id.startsWith('ko/') && a.frontmatter.contexts.includes(context))
    .sort(
      (a, b) =>
        (a.frontmatter.order ?? Infinity) - (b.frontmatter.order ?? Infinity) ||
        a.frontmatter.title.localeCompare(b.frontmatter.title),
    )
    .slice(0, 8)
    .map((a) => a.frontmatter.title);

const launcher = (page: Page) => page.getByRole('button', { name: '도움말', exact: true });
const panel = (page: Page) => page.getByRole('dialog');
const listed = (page: Page) => panel(page).locator('.list a strong').allTextContents();
/** The focused element, looking inside the widget's Shadow DOM. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;
    return active ? `${active.tagName.toLowerCase()}${active.className ? `.${active.className}` : ''}` : '';
  });

describe('the widget on the demo shop', () => {
  useHelpServer();

  it('suggests each page’s own articles, found from its path', async () => {
    const page = await browser.newPage();
    for (const [path, context] of [
      ['cart', 'cart'],
      ['checkout/payment', 'payment'],
      ['orders', 'order-status'],
      ['returns', 'returns'],
    ]) {
      await page.goto(`${help.url}/demo/shop/${path}/`);
      await launcher(page).click();
      await expect.poll(() => listed(page)).toEqual(expectedTitles(context));
    }
    await page.close();
  });

  it('finds the payment FAQ on the checkout page in two clicks, read in place', async () => {
    const page = await browser.newPage();
    await page.goto(`${help.url}/demo/shop/checkout/`);
    await launcher(page).click();
    await panel(page)
      .getByRole('link', { name: /결제 수단/ })
      .click();
    await expect.poll(() => panel(page).locator('.article .prose').textContent()).toMatch(/카드/);
    expect(new URL(page.url()).pathname).toBe('/demo/shop/checkout/');
    await page.close();
  });

  it('works by keyboard alone: focus stays in the panel, Escape closes it and focus returns', async () => {
    const page = await browser.newPage();
    await page.goto(`${help.url}/demo/shop/checkout/`);
    for (let i = 0; i < 20 && (await focused(page)) !== 'button.launcher'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button.launcher');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('input');
    // The launcher hides while the panel is open, and says so.
    expect(await page.locator('[data-helploop-widget] .launcher').getAttribute('aria-expanded')).toBe('true');
    await panel(page).locator('.list a').first().waitFor();
    // Round the panel and back: Tab never leaves it for the page behind.
    const stops = (await panel(page).locator('a[href], button, input').count()) + 2;
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-helploop-widget'))).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-helploop-widget'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await panel(page).isVisible()).toBe(false);
    expect(await focused(page)).toBe('button.launcher');
    await page.close();
  });

  it('is a modal dialog: the page behind is inert while it is open, and only counts are announced', async () => {
    const page = await browser.newPage();
    await page.goto(`${help.url}/demo/shop/checkout/`);
    await launcher(page).click();
    await panel(page).locator('.list a').first().waitFor();
    // Everything on the page but the widget.
    const inert = () => page.evaluate(() => [...document.body.children].map((node) => (node as HTMLElement).inert));
    const pageBehind = await page.evaluate(() =>
      [...document.body.children].map((node) => !node.hasAttribute('data-helploop-widget')),
    );
    expect(await inert()).toEqual(pageBehind);
    // The list itself is not a live region (it would be read whole on every open); one line says what it holds.
    expect(await panel(page).locator('.body').getAttribute('aria-live')).toBeNull();
    const live = panel(page).locator('[aria-live]');
    await expect
      .poll(() => live.textContent())
      .toBe(`이 페이지에서 자주 묻는 질문: 도움말 ${expectedTitles('checkout').length}개`);
    await panel(page).getByRole('searchbox').fill('환불');
    await expect.poll(() => live.textContent()).toMatch(/^검색 결과 \d+개$/);
    await page.keyboard.press('Escape');
    expect(await panel(page).isVisible()).toBe(true);
    expect(await inert()).toEqual(pageBehind);
    await page.keyboard.press('Escape');
    expect(await panel(page).isVisible()).toBe(false);
    expect(await inert()).not.toContain(true);
    await page.close();
  });

  it('empties a filled search box on the first Escape and closes on the next', async () => {
    const page = await browser.newPage();
    await page.goto(`${help.url}/demo/shop/checkout/`);
    await launcher(page).click();
    const box = panel(page).getByRole('searchbox');
    await box.fill('환불');
    await expect.poll(() => panel(page).locator('h3').first().textContent()).toBe('검색 결과');
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await panel(page).isVisible()).toBe(true);
    await expect.poll(() => panel(page).locator('h3').first().textContent()).toBe('이 페이지에서 자주 묻는 질문');
    await page.keyboard.press('Escape');
    expect(await panel(page).isVisible()).toBe(false);
    await page.close();
  });

  it('searches the help center inline, and records the search and the click', async () => {
    const before = (await contextCounts('order-status')).impressions;
    const searches = () =>
      readStored(help.dataDir, async ({ reports }) =>
        (await reports.searchDays(allDays)).reduce((sum, day) => sum + day.searches, 0),
      );
    const searchesBefore = await searches();
    const page = await browser.newPage();
    await page.goto(`${help.url}/demo/shop/orders/`);
    await launcher(page).click();
    await expect.poll(() => focused(page)).toBe('input');
    await page.keyboard.type('환불 언제 되나요');
    const result = panel(page).getByRole('link', { name: /환불은 언제 되나요/ });
    await result.waitFor();
    await result.press('Enter');
    await expect.poll(() => panel(page).locator('.article h3').textContent()).toBe('환불은 언제 되나요?');
    await expect.poll(async () => (await contextCounts('order-status')).clicks).toBe(1);
    await expect.poll(searches).toBe(searchesBefore + 1);
    // One panel shown: searching and reading inside it are not new impressions.
    expect((await contextCounts('order-status')).impressions).toBe(before + 1);
    await page.close();
  });
  it('hands a search that found nothing to support, prefilled, and counts it in the funnel', async () => {
    const page = await browser.newPage();
    await page
      .context()
      .route('https://marumarket.example/**', (route) => route.fulfill({ status: 200, body: 'contact form' }));
    await page.goto(`${help.url}/demo/shop/cart/`);
    await launcher(page).click();
    await expect.poll(() => focused(page)).toBe('input');
    await page.keyboard.type('채용 공고');
    await panel(page).getByText('맞는 도움말을 찾지 못했어요.').waitFor();
    const [contactPage] = await Promise.all([
      page.waitForEvent('popup'),
      panel(page).getByRole('link', { name: '1:1 문의하기' }).click(),
    ]);
    expect(new URL(contactPage.url()).searchParams.get('subject')).toBe('채용 공고');
    expect(new URL(contactPage.url()).searchParams.get('page')).toBe(`${help.url}/demo/shop/cart/`);
    await expect
      .poll(() => readStored(help.dataDir, ({ reports }) => reports.handoffs(allDays)))
      .toContainEqual({ locale: 'ko', articleId: null, query: '채용 공고', normalized: '채용공고', clicks: 1 });
    await expect.poll(async () => (await contextCounts('cart')).contacts).toBe(1);
    await page.close();
  });
});

describe('the widget on another site', () => {
  useHelpServer();

  it('works from an allowed origin, whose events the API takes and whose reads CORS allows', async () => {
    const page = await browser.newPage();
    await page.goto(allowed.url);
    await launcher(page).click();
    await expect.poll(() => listed(page)).toEqual(expectedTitles('returns'));
    await panel(page).locator('.list a').first().click();
    await expect.poll(async () => (await contextCounts('returns')).clicks).toBe(1);
    const status = await page.evaluate(
      async (url) => (await fetch(`${url}/api/helpfulness?locale=ko&ids=ko/returns-refunds/return-request`)).status,
      help.url,
    );
    expect(status).toBe(200);
    await page.close();
  });

  it('still helps from an origin that is not allowed, but the API refuses its events and its reads', async () => {
    const impressions = async () => (await contextCounts('returns')).impressions;
    const before = await impressions();
    const page = await browser.newPage();
    await page.goto(refused.url);
    await launcher(page).click();
    // The articles come from static files, which any site may read.
    await expect.poll(() => listed(page)).toEqual(expectedTitles('returns'));
    const refusal = await page.evaluate(async (url) => {
      const response = await fetch(`${url}/api/widget-events`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ eventId: crypto.randomUUID(), type: 'impression', context: 'returns', locale: 'ko' }),
      }).catch((error: Error) => error.name);
      return typeof response === 'string' ? response : response.status;
    }, help.url);
    // The browser sends it (a simple request) but may not read the answer; the server refused it anyway.
    expect(refusal).toBe('TypeError');
    // Neither that nor the widget's own impression beacon was stored.
    await page.waitForTimeout(300);
    expect(await impressions()).toEqual(before);
    await page.close();
  });
});
